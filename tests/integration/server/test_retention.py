# Nothing grows for ever: audit rows, ended sessions and spent tokens go after --retention-days.
import subprocess
import time

import harness

DAY = 86400


class RetentionTest(harness.PortalTestCase):
    demo_users = 1
    serve_args = ("--retention-days", "30")

    @classmethod
    def prepare(cls, portal):
        now = int(time.time())
        old, recent = now - 40 * DAY, now - 20 * DAY
        def insert(query, rows):
            for row in rows:
                portal.sql(query, row, write=True)

        insert("INSERT INTO audit_log(at, user_id, action, ip) VALUES (?, 1, ?, '127.0.0.1')",
               [(old, "old_login"), (recent, "recent_login")])
        # 1: ended long ago; 2: begun long ago, its tokens long expired; 3: begun long ago,
        # its refresh token still valid; 4: recent. The server numbers its own sessions
        # after these (the store's counter is told so when it does not see it by itself).
        insert("INSERT INTO sessions(id, user_id, created_at, revoked_at) VALUES (?, 1, ?, ?)",
               [(1, old, old), (2, old, None), (3, old, None), (4, recent, None)])
        portal.skip_explicit_ids("sessions")
        insert("INSERT INTO refresh_tokens(token_hash, session_id, expires_at, used_at) VALUES (?, ?, ?, ?)",
               [("r1", 1, now + DAY, None), ("r2", 2, old + DAY, None), ("r3-used", 3, now + DAY, old),
                ("r3", 3, now + DAY, None), ("r4", 4, recent + DAY, None)])
        insert("INSERT INTO access_tokens(token_hash, session_id, user_id, expires_at) VALUES (?, ?, 1, ?)",
               [("a3-old", 3, old + 900), ("a4", 4, recent + 900)])
        # Personal access tokens: revoked long ago, expired long ago, revoked recently,
        # never expiring and long unused (kept: only an end makes a token prunable).
        insert("INSERT INTO personal_tokens(user_id, token_hash, name, scope, created_at, "
               "expires_at, revoked_at) VALUES (1, ?, ?, 'read', ?, ?, ?)",
               [("p1", "revoked-old", old, None, old), ("p2", "expired-old", old, old, None),
                ("p3", "revoked-recent", old, None, recent), ("p4", "forever", old, None, None)])
        # Offline-request nonces: one past both the retention and the 7-day acceptance
        # window goes; one inside the retention stays.
        insert("INSERT INTO offline_requests(nonce, created_at, used_at) VALUES (?, ?, ?)",
               [("n-old", old, old), ("n-recent", recent, recent)])
        # PostgreSQL keeps login failure counters as rows: one whose 15-minute window is
        # over goes, one still counting stays.
        if harness.store() == "postgresql":
            insert("INSERT INTO login_failures(limit_key, window_start, failures) VALUES (?, ?, ?)",
                   [("email:spent@example.com", now - 3600, 4), ("email:live@example.com", now - 60, 2)])

    def test_old_rows_are_pruned_at_start_and_recent_ones_kept(self):
        sql = self.portal.sql
        self.assertEqual(sql("SELECT action FROM audit_log WHERE action LIKE '%_login' ORDER BY at"),
                         [("recent_login",)])
        self.assertEqual(sql("SELECT id FROM sessions WHERE id <= 4 ORDER BY id"), [(3,), (4,)])
        self.assertEqual(sql("SELECT token_hash FROM refresh_tokens WHERE length(token_hash) < 10 "
                             "ORDER BY token_hash"), [("r3",), ("r4",)])
        self.assertEqual(sql("SELECT token_hash FROM access_tokens WHERE length(token_hash) < 10"),
                         [("a4",)])
        self.assertEqual(sql("SELECT name FROM personal_tokens ORDER BY name"),
                         [("forever",), ("revoked-recent",)])
        self.assertEqual(sql("SELECT nonce FROM offline_requests WHERE nonce LIKE 'n-%'"), [("n-recent",)])
        if harness.store() == "postgresql":
            self.assertEqual(sql("SELECT limit_key FROM login_failures WHERE limit_key LIKE '%@example.com'"),
                             [("email:live@example.com",)])
        # The server works on after pruning.
        self.assertStatus(self.login("demo1@example.com").get("/me"), 200)

    def test_retention_days_must_be_a_positive_number(self):
        tls = self.portal.cert_dir
        proc = subprocess.run([self.portal.licportald, "serve", *self.portal.store_args("serve"), "--files",
                               self.portal.files, "--listen", "127.0.0.1:0", "--cert", tls + "/server.pem",
                               "--key", tls + "/server.key", "--retention-days", "0"],
                              capture_output=True, timeout=20, stdin=subprocess.DEVNULL)
        self.assertEqual(proc.returncode, 2)
        self.assertIn(b"--retention-days", proc.stderr)
