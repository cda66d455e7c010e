# licportal login, status and logout: stores, two-factor codes, refusals and their exit codes.
import json
import os
import shlex
import re
import stat
import subprocess

import harness
from cli_support import CliTestCase

OTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


class LoginTest(CliTestCase):
    demo_users = 1

    @classmethod
    def prepare(cls, portal):
        portal.add_user("otp@example.com", password="otp-pass-phrase", name="Otto",
                        otp_secret=OTP_SECRET)
        # A one-time code is accepted once: a second account for the second test that
        # logs in with the current code.
        portal.add_user("otp-tty@example.com", password="otp-pass-phrase", name="Otto",
                        otp_secret=OTP_SECRET)
        portal.add_user("evil@example.com", password="evil-pass-phrase",
                        name="Eve\x1b[2J\x1b]0;owned\x07\u009b31m\u202egnp.exe")

    def test_server_text_reaches_the_terminal_sanitised(self):
        home = self.home("file")
        res = home.login("evil@example.com", "evil-pass-phrase")
        self.assertExit(res, 0)
        res = home.run("status")
        self.assertExit(res, 0)
        for text in (res.out, res.err):
            for bad in ("\x1b", "\x07", "\u009b", "\u202e"):
                self.assertNotIn(bad, text)
        self.assertIn("Eve", res.out)
        self.assertIn("gnp.exe", res.out)

    def test_login_with_the_file_store_keeps_a_0600_file(self):
        home = self.home("file")
        res = home.login()
        self.assertExit(res, 0)
        self.assertIn("Logged in", res.out)
        mode = stat.S_IMODE(os.stat(home.credentials_path).st_mode)
        self.assertEqual(mode, 0o600)
        with open(home.credentials_path) as f:
            text = f.read()
        self.assertNotIn(harness.DEMO_PASSWORD + '"', text)
        self.assertIn(self.portal.origin, text)
        status = home.run("status")
        self.assertExit(status, 0)
        self.assertIn("demo1@example.com", status.out)
        self.assertIn(self.portal.origin, status.out)
        self.assertIn("file " + home.credentials_path, status.out)

    def test_explicit_store_choice_is_remembered_in_the_profile(self):
        home = self.home("file")
        self.assertExit(home.login(), 0)
        with open(os.path.join(home.config_home, "licportal", "config")) as f:
            self.assertRegex(f.read(), r"credential_store\s*=\s*file")

    def test_login_teaches_the_profile_its_server_ca_and_email(self):
        home = self.home("file")
        self.assertExit(home.login(), 0)
        with open(os.path.join(home.config_home, "licportal", "config")) as f:
            text = f.read()
        self.assertRegex(text, r"(?m)^server\s*=\s*" + re.escape(self.portal.origin) + "$")
        self.assertRegex(text, r"(?m)^cacert\s*=\s*" + re.escape(os.path.realpath(self.portal.ca_file)) + "$")
        self.assertRegex(text, r"(?m)^email\s*=\s*demo1@example\.com$")
        # The next command needs no flags at all.
        proc = subprocess.run([home.argv([])[0], "dashboard", "--json"], env=home.env, cwd=home.work,
                              capture_output=True, timeout=60, start_new_session=True)
        self.assertEqual(proc.returncode, 0, proc)
        self.assertIn("kpis", json.loads(proc.stdout))

    def test_login_never_overwrites_what_the_profile_says(self):
        home = self.home("file")
        os.makedirs(os.path.join(home.config_home, "licportal"))
        path = os.path.join(home.config_home, "licportal", "config")
        with open(path, "w") as f:
            f.write("[profile default]\nserver = https://elsewhere.example\nemail = other@example.com\n")
        self.assertExit(home.login(), 0)
        with open(path) as f:
            text = f.read()
        self.assertIn("server = https://elsewhere.example", text)
        self.assertIn("email = other@example.com", text)
        self.assertNotIn(self.portal.origin, text)

    def test_status_without_a_session_exits_4(self):
        home = self.home("file")
        res = home.run("status")
        self.assertExit(res, 4)
        line = self.assertOneLineError(res)
        self.assertIn("not logged in", line)
        self.assertIn("licportal login", line)

    def test_logout_revokes_and_forgets_the_session(self):
        home = self.home("file")
        self.assertExit(home.login(), 0)
        with open(home.credentials_path) as f:
            refresh = json.load(f)["sessions"][0]["refresh_token"]
        res = home.run("logout")
        self.assertExit(res, 0)
        self.assertExit(home.run("status"), 4)
        with open(home.credentials_path) as f:
            self.assertEqual(json.load(f)["sessions"], [])
        resp = self.client().post("/auth/refresh", {"refresh_token": refresh}, auth=False)
        self.assertEqual(resp.status, 401)

    def test_wrong_password_exits_4_with_a_message(self):
        home = self.home("file")
        res = home.login(password="not-the-password")
        self.assertExit(res, 4)
        line = self.assertOneLineError(res)
        self.assertIn("wrong email or password", line)
        self.assertFalse(os.path.exists(home.credentials_path))

    def test_memory_store_keeps_nothing_after_the_run(self):
        home = self.home("none")
        self.assertExit(home.login(), 0)
        self.assertFalse(os.path.exists(home.credentials_path))
        self.assertExit(home.run("status"), 4)

    def test_auto_without_secret_service_and_terminal_refuses_and_names_the_opt_in(self):
        home = self.home("auto")
        res = home.login()
        self.assertExit(res, 4)
        self.assertLess(res.seconds, 3.5)
        self.assertNotIn("Logged in", res.out)
        line = self.assertOneLineError(res)
        command = line.split("run: ", 1)[1]
        self.assertIn("login --credential-store file --email 'demo1@example.com' --password-stdin", command)
        self.assertFalse(os.path.exists(home.credentials_path))
        # The printed command, run as it is, logs in for good.
        argv = shlex.split(command)[1:]
        home.store = None
        res = home.run(*argv, stdin=b"demo\n")
        self.assertExit(res, 0)
        self.assertExit(home.run("status"), 0)

    def test_auto_without_secret_service_asks_in_a_terminal_and_remembers_yes(self):
        home = self.home("auto")
        res = home.run_pty("login", "--email", "demo1@example.com",
                           answers=[(r"\[y/N\]", "y"), (r"Password", "demo")])
        self.assertExit(res, 0)
        self.assertIn("Logged in", res.out)
        self.assertTrue(os.path.exists(home.credentials_path))
        home.store = None
        self.assertExit(home.run("status"), 0)
        self.assertIn("credential_store = file", self.profile_text(home))

    def test_auto_without_secret_service_answered_no_claims_nothing(self):
        home = self.home("auto")
        res = home.run_pty("login", "--email", "demo1@example.com", answers=[(r"\[y/N\]", "n")])
        self.assertExit(res, 4)
        self.assertNotIn("Logged in", res.out)
        self.assertIn("--credential-store file", res.out)
        self.assertFalse(os.path.exists(home.credentials_path))
        self.assertIn("credential_store = none", self.profile_text(home))

    def test_another_spelling_of_the_email_finds_the_session(self):
        home = self.home("file")
        res = home.login("DEMO1@Example.COM")
        self.assertExit(res, 0)
        self.assertExit(home.run("status"), 0)
        self.assertExit(home.run("dashboard"), 0)
        # A profile that already names the typed spelling learns the server's.
        home = self.home("file")
        os.makedirs(os.path.join(home.config_home, "licportal"))
        with open(os.path.join(home.config_home, "licportal", "config"), "w") as f:
            f.write("[profile default]\nemail = Demo1@EXAMPLE.com\n")
        res = home.run("login", "--password-stdin", stdin=b"demo\n")
        self.assertExit(res, 0)
        self.assertExit(home.run("status"), 0)
        self.assertIn("email = demo1@example.com", self.profile_text(home))

    @staticmethod
    def profile_text(home):
        with open(os.path.join(home.config_home, "licportal", "config")) as f:
            return f.read()

    def test_totp_code_given_on_the_command_line(self):
        home = self.home("file")
        res = home.run("login", "--email", "otp@example.com", "--password-stdin",
                       stdin=b"otp-pass-phrase\n")
        self.assertExit(res, 4)
        self.assertIn("--otp", self.assertOneLineError(res))
        res = home.login("otp@example.com", "otp-pass-phrase", otp=harness.totp(OTP_SECRET))
        self.assertExit(res, 0)
        self.assertExit(home.run("status"), 0)

    def test_wrong_totp_code_exits_4(self):
        home = self.home("file")
        code = harness.totp(OTP_SECRET, offset_steps=10)
        res = home.login("otp@example.com", "otp-pass-phrase", otp=code)
        self.assertExit(res, 4)
        self.assertIn("one-time code", self.assertOneLineError(res))

    def test_password_and_code_asked_on_the_terminal_without_echo(self):
        home = self.home("file")
        res = home.run_pty("login", "--email", "otp-tty@example.com",
                           answers=[(r"Password: ", "otp-pass-phrase"),
                                    (r"One-time code: ", harness.totp(OTP_SECRET))])
        self.assertExit(res, 0)
        self.assertNotIn("otp-pass-phrase", res.out)
        self.assertIn("Logged in", res.out)
        self.assertExit(home.run("status"), 0)

    def test_no_terminal_and_no_password_stdin_is_a_usage_error(self):
        home = self.home("file")
        res = home.run("login", "--email", "demo1@example.com")
        self.assertExit(res, 2)
        self.assertIn("--password-stdin", self.assertOneLineError(res))

    def test_environment_token_overrides_the_store(self):
        api = self.login("demo1@example.com")
        token = api.post("/tokens", {"name": "env", "scope": "read"}).json["token"]
        home = self.logged_in_home("demo1@example.com", "file")
        for _ in range(2):
            res = home.run("dashboard", "--json", env={"LICPORTAL_TOKEN": token})
            self.assertExit(res, 0)
            self.assertIn("total_licenses", json.loads(res.out)["kpis"])
        res = home.run("status", env={"LICPORTAL_TOKEN": token})
        self.assertExit(res, 0)
        self.assertIn("LICPORTAL_TOKEN", res.out)


class ConnectionRefusalTest(CliTestCase):
    demo_users = 1

    def test_plain_http_is_refused_with_exit_2(self):
        home = self.home("none")
        res = home.run("status", "--server", f"http://127.0.0.1:{self.portal.port}", server=False)
        self.assertExit(res, 2)
        self.assertIn("https", self.assertOneLineError(res))

    def test_untrusted_certificate_exits_5_naming_cacert(self):
        home = self.home("none", cacert=False)
        res = home.login()
        self.assertExit(res, 5)
        self.assertIn("--cacert", self.assertOneLineError(res))

    def test_unreachable_server_exits_5(self):
        home = self.home("file")
        self.assertExit(home.login(), 0)
        res = home.run("dashboard", "--server", f"https://127.0.0.1:{harness.free_port()}",
                       server=False)
        # The session belongs to the other server: either not logged in there, or no answer.
        self.assertIn(res.code, (4, 5), res)
        res = home.run("login", "--email", "demo1@example.com", "--password-stdin",
                       "--server", f"https://127.0.0.1:{harness.free_port()}", server=False,
                       stdin=b"demo\n")
        self.assertExit(res, 5)
        self.assertOneLineError(res)

    def test_loose_credentials_file_is_refused(self):
        home = self.home("file")
        self.assertExit(home.login(), 0)
        os.chmod(home.credentials_path, 0o644)
        res = home.run("status")
        self.assertExit(res, 1)
        line = self.assertOneLineError(res)
        self.assertIn("too open", line)
        self.assertIn("0644", line)

    def test_usage_errors_exit_2(self):
        home = self.home("none")
        for args in (["frobnicate"], ["licenses", "--bogus"], ["license"],
                     ["licenses", "--limit", "x"], ["login", "--password", "x"]):
            with self.subTest(args=args):
                res = home.run(*args)
                self.assertExit(res, 2)
                self.assertOneLineError(res)

    def test_help_and_version(self):
        home = self.home("none")
        res = home.run("--help")
        self.assertExit(res, 0)
        for command in ("login", "logout", "status", "dashboard", "licenses", "license",
                        "activations", "deactivate", "downloads", "download", "check"):
            self.assertIn(command, res.out)
        res = home.run("download", "--help")
        self.assertExit(res, 0)
        self.assertIn("--force", res.out)
        self.assertIn("--output", res.out)
        res = home.run("--version")
        self.assertExit(res, 0)
        self.assertRegex(res.out, r"^licportal \d+\.\d+")
        self.assertIn("libcurl", res.out)
