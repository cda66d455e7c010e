# licportald user add|list|disable|enable|remove|passwd|reset-otp against a running server.
import json

import harness
from admin_support import AdminTestCase, CliHome

OTP_SECRET = "JBSWY3DPEHPK3PXP"


class AdminTerminal(CliHome):
    """Runs licportald (not the client) with a controlling terminal, answering its prompts."""

    def argv(self, args, server=True):
        return [self.portal.licportald, *args]


class AdminUsersTest(AdminTestCase):
    demo_users = 2
    licenses_per_user = 6

    def run_admin(self, *args, stdin=b""):
        return self.admin(*args, stdin=stdin)

    def users(self):
        proc = self.run_admin("user", "list", "--json")
        self.assertEqual(proc.returncode, 0, proc)
        return {u["email"]: u for u in json.loads(proc.stdout)}

    def test_the_password_rule_applies_to_add_and_passwd(self):
        for password, reason in ((b"eleven-char", "at least 12 characters"),
                                 (b"Rule@Example.com", "not be the e-mail address")):
            with self.subTest(password=password):
                proc = self.run_admin("user", "add", "--email", "rule@example.com",
                                      "--password-stdin", stdin=password + b"\n")
                self.assertFails(proc, 1, reason)
                self.assertNotIn("rule@example.com", self.users())
        self.portal.add_user("rule@example.com", password="twelve-chars")
        proc = self.run_admin("user", "passwd", "--email", "rule@example.com", "--password-stdin",
                              stdin=b"short\n")
        self.assertFails(proc, 1, "at least 12 characters")
        self.assertStatus(self.client().login("rule@example.com", "twelve-chars"), 200)
        # A 12-character password of multi-byte characters is long enough.
        self.portal.add_user("utf8@example.com", password="äöüäöüäöüäöü")
        self.assertStatus(self.client().login("utf8@example.com", "äöüäöüäöüäöü"), 200)

    def test_a_user_without_a_name_is_named_after_the_local_part(self):
        self.portal.add_user("jane.doe@example.com")
        resp = self.client().login("jane.doe@example.com", harness.ADDED_PASSWORD)
        self.assertStatus(resp, 200)
        self.assertEqual(resp.json["user"]["name"], "jane.doe")

    def test_list_shows_every_user_in_text_and_json(self):
        users = self.users()
        demo = users["demo1@example.com"]
        self.assertRegex(demo["id"], r"^usr_\d+$")
        self.assertEqual(demo["licenses"], 6)
        self.assertFalse(demo["disabled"])
        self.assertTrue(demo["has_password"])
        harness.parse_ts(demo["created_at"])
        proc = self.run_admin("user", "list")
        lines = proc.stdout.decode().splitlines()
        self.assertEqual(lines[0].split("\t")[:3], ["ID", "EMAIL", "NAME"])
        self.assertIn("demo2@example.com", "\n".join(lines[1:]))

    def test_disable_ends_sessions_and_tokens_at_once_and_enable_lets_the_user_back(self):
        self.portal.add_user("off@example.com")
        api = self.login("off@example.com", harness.ADDED_PASSWORD)
        token = api.post("/tokens", {"name": "cron", "scope": "read", "expires_in_days": None}).json
        self.assertEqual(self.run_admin("user", "disable", "--email", "off@example.com").returncode, 0)
        self.assertError(api.get("/licenses"), 401, "unauthenticated")
        self.assertEqual(api.post("/auth/refresh", {"refresh_token": api.refresh_token},
                                  auth=False).status, 401)
        self.assertEqual(self.client().get("/licenses", token=token["token"]).status, 401)
        self.assertError(self.client().login("off@example.com", harness.ADDED_PASSWORD), 401,
                         "invalid_credentials")
        self.assertTrue(self.users()["off@example.com"]["disabled"])
        self.assertEqual(self.run_admin("user", "enable", "--email", "off@example.com").returncode, 0)
        self.assertStatus(self.client().login("off@example.com", harness.ADDED_PASSWORD), 200)

    def test_remove_deletes_the_user_with_licenses_and_activations_and_ends_sessions(self):
        self.portal.add_user("gone@example.com")
        api = self.login("gone@example.com", harness.ADDED_PASSWORD)
        before = self.portal.sql("SELECT COUNT(*) FROM licenses")[0][0]
        proc = self.run_admin("user", "remove", "--email", "demo2@example.com")
        self.assertEqual(proc.returncode, 0, proc)
        self.assertIn("6 licenses", proc.stdout.decode())
        self.assertEqual(self.portal.sql("SELECT COUNT(*) FROM licenses")[0][0], before - 6)
        self.assertEqual(self.portal.sql(
            "SELECT COUNT(*) FROM activations a LEFT JOIN users u ON u.id = a.user_id "
            "WHERE u.id IS NULL")[0][0], 0)
        self.assertNotIn("demo2@example.com", self.users())
        self.assertEqual(self.run_admin("user", "remove", "--email", "gone@example.com").returncode, 0)
        self.assertError(api.get("/licenses"), 401, "unauthenticated")
        self.assertFails(self.run_admin("user", "remove", "--email", "gone@example.com"), 1,
                         "no user with e-mail 'gone@example.com'")

    def test_passwd_takes_the_password_from_stdin_only_and_ends_sessions(self):
        self.portal.add_user("pw@example.com")
        api = self.login("pw@example.com", harness.ADDED_PASSWORD)
        proc = self.run_admin("user", "passwd", "--email", "pw@example.com", "--password-stdin",
                              stdin=b"a-brand-new-password\n")
        self.assertEqual(proc.returncode, 0, proc)
        self.assertError(api.get("/licenses"), 401, "unauthenticated")
        self.assertError(self.client().login("pw@example.com", harness.ADDED_PASSWORD), 401,
                         "invalid_credentials")
        self.assertStatus(self.client().login("pw@example.com", "a-brand-new-password"), 200)
        # No --password-stdin and no terminal: refused, nothing read from argv.
        self.assertFails(self.run_admin("user", "passwd", "--email", "pw@example.com"), 2,
                         "--password-stdin")
        proc = self.run_admin("user", "passwd", "--email", "pw@example.com", "--password",
                              "on-the-command-line")
        self.assertEqual(proc.returncode, 2, proc)

    def test_passwd_on_a_terminal_asks_twice_without_echo(self):
        self.portal.add_user("tty@example.com")
        terminal = AdminTerminal(self.portal)
        self.addCleanup(terminal.cleanup)
        args = ("user", "passwd", "--db", self.portal.db, "--email", "tty@example.com")
        res = terminal.run_pty(*args, answers=[("New password: ", "typed-on-the-tty"),
                                               ("Repeat the new password: ", "typed-differently")])
        self.assertEqual(res.code, 1, res)
        self.assertIn("the two passwords differ", res.out)
        res = terminal.run_pty(*args, answers=[("New password: ", "typed-on-the-tty"),
                                               ("Repeat the new password: ", "typed-on-the-tty")])
        self.assertEqual(res.code, 0, res)
        self.assertNotIn("typed-on-the-tty", res.out)
        self.assertStatus(self.client().login("tty@example.com", "typed-on-the-tty"), 200)

    def test_reset_otp_turns_two_factor_off(self):
        self.portal.add_user("otp@example.com", otp_secret=OTP_SECRET)
        self.assertError(self.client().login("otp@example.com", harness.ADDED_PASSWORD), 401,
                         "otp_required")
        self.assertTrue(self.users()["otp@example.com"]["two_factor"])
        proc = self.run_admin("user", "reset-otp", "--email", "otp@example.com")
        self.assertEqual(proc.returncode, 0, proc)
        self.assertStatus(self.client().login("otp@example.com", harness.ADDED_PASSWORD), 200)
        proc = self.run_admin("user", "reset-otp", "--email", "otp@example.com", "--otp-secret",
                              OTP_SECRET)
        self.assertEqual(proc.returncode, 2, proc)

    def test_stored_control_characters_never_reach_the_terminal(self):
        self.portal.add_user("esc@example.com", name="Eve\x1b[2J\x07\u009b31m\tTab")
        out = self.ok("user", "list")
        line = next(l for l in out.splitlines() if "esc@example.com" in l)
        self.assertEqual(line.split("\t")[2], "Eve?[2J??31m?Tab")
        self.assertEqual(self.users()["esc@example.com"]["name"], "Eve\x1b[2J\x07\u009b31m\tTab")

    def test_unknown_verbs_and_users_are_one_line_errors(self):
        self.assertFails(self.run_admin("user", "frobnicate"), 2, "unknown user command")
        self.assertFails(self.run_admin("user", "disable", "--email", "nobody@example.com"), 1,
                         "no user with e-mail")
        self.assertFails(self.run_admin("user", "disable"), 2, "--email")

