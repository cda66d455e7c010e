# Administration sub-commands: serve refuses plain HTTP, user add, and a deterministic demo data set.
import os
import subprocess
import unittest

import harness

DEMO_ROWS = ("SELECT users.email, licenses.license_key, licenses.product_id, licenses.edition, "
             "licenses.status, licenses.max_activations FROM licenses "
             "JOIN users ON users.id = licenses.user_id ORDER BY licenses.id")


class AdministrationTest(harness.PortalTestCase):
    demo_users = 1

    def run_admin(self, *args, stdin=b""):
        return subprocess.run([self.portal.licportald, *args], input=stdin, capture_output=True,
                              timeout=60)

    def test_serve_refuses_to_start_without_tls(self):
        proc = self.run_admin("serve", *self.portal.store_args("serve"), "--files", self.portal.files,
                              "--listen", "127.0.0.1:0")
        self.assertNotEqual(proc.returncode, 0)
        self.assertNotIn(b"listening on", proc.stdout)
        self.assertTrue(proc.stderr.strip(), "refusal without a message")

    def test_user_add_refuses_a_duplicate_email(self):
        proc = self.run_admin("user", "add", "--db", self.portal.db, "--email",
                              "DEMO1@example.com", "--password-stdin", stdin=b"other-long-password")
        self.assertNotEqual(proc.returncode, 0)
        self.assertTrue(proc.stderr.strip())
        # The existing account keeps its password.
        self.assertStatus(self.client().login("demo1@example.com", "demo"), 200)
        self.assertError(self.client().login("demo1@example.com", "other-long-password"), 401,
                         "invalid_credentials")

    def test_user_added_while_serving_can_log_in(self):
        self.portal.add_user("late@example.com", password="late-password", name="Late")
        resp = self.client().login("LATE@example.com", "late-password")
        self.assertStatus(resp, 200)
        self.assertEqual(resp.json["user"]["name"], "Late")
        self.assertEqual(self.login("late@example.com", "late-password").get("/licenses")
                         .json["total"], 0)

    def test_otp_secret_is_read_from_a_file_never_from_the_command_line(self):
        proc = self.run_admin("user", "add", "--db", self.portal.db, "--email", "argv@example.com",
                              "--otp-secret", "JBSWY3DPEHPK3PXP", "--password-stdin", stdin=b"pw")
        self.assertEqual(proc.returncode, 2, proc)
        bad = os.path.join(self.portal.dir, "bad-secret")
        with open(bad, "w") as f:
            f.write("not base32!\n")
        for path in (bad, os.path.join(self.portal.dir, "missing-secret")):
            with self.subTest(path=path):
                proc = self.run_admin("user", "add", "--db", self.portal.db, "--email",
                                      "filed@example.com", "--otp-secret-file", path,
                                      "--password-stdin", stdin=b"pw")
                self.assertEqual(proc.returncode, 1, proc)
                lines = proc.stderr.decode().strip().splitlines()
                self.assertEqual(len(lines), 1, proc)
                self.assertTrue(lines[0].startswith("licportald: "), proc)
                self.assertIn(path, lines[0])
        self.assertEqual(self.portal.sql("SELECT COUNT(*) FROM users WHERE email IN (?, ?)",
                                         ("argv@example.com", "filed@example.com")), [(0,)])


class DemoDataTest(unittest.TestCase):
    def make(self, seed):
        portal = harness.Portal()
        self.addCleanup(portal.cleanup)
        portal.demo(users=2, seed=seed)
        return portal

    def test_same_seed_gives_the_same_data_and_another_seed_does_not(self):
        first, second, other = self.make(7), self.make(7), self.make(8)
        rows = first.sql(DEMO_ROWS)
        self.assertGreater(len(rows), 10)
        self.assertEqual(rows, second.sql(DEMO_ROWS))
        self.assertNotEqual(rows, other.sql(DEMO_ROWS))

    def test_demo_covers_what_the_client_must_show(self):
        portal = self.make(None)
        statuses = {r[0] for r in portal.sql("SELECT DISTINCT status FROM licenses")}
        self.assertEqual(statuses, {"active", "expired", "suspended", "revoked", "pending"})
        kinds = {r[0] for r in portal.sql("SELECT DISTINCT kind FROM activations")}
        self.assertEqual(kinds, {"device", "domain"})
        channels = {r[0] for r in portal.sql("SELECT DISTINCT channel FROM releases")}
        self.assertEqual(channels, {"stable", "beta"})
        self.assertGreater(portal.sql("SELECT COUNT(DISTINCT platform) FROM releases")[0][0], 1)
        self.assertTrue(portal.sql("SELECT 1 FROM licenses WHERE max_activations IS NULL"))
        self.assertTrue(portal.sql("SELECT 1 FROM licenses WHERE max_activations IS NOT NULL"))
        self.assertGreater(portal.sql("SELECT COUNT(DISTINCT product_id) FROM licenses")[0][0], 2)
