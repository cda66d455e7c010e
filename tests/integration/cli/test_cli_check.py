# licportal check: the monitoring-plugin line and its exit codes 0, 1, 2 and 3.
import json
import os
import re
import time

import harness
from cli_support import CliTestCase

LINE = re.compile(r"^LICPORTAL (OK|WARNING|CRITICAL|UNKNOWN) - [^\n|]+ \| [^\n]+\n$")


class CheckTest(CliTestCase):
    demo_users = 1

    def setUp(self):
        self.cli = self.logged_in_home()
        self.api = self.login()

    def days_to_first_expiry(self):
        items, _ = self.api.list_all("/licenses", {"status": "active", "sort": "expires_at"})
        now = time.time()
        future = [harness.parse_ts(i["expires_at"]) - now for i in items
                  if i["expires_at"] is not None and harness.parse_ts(i["expires_at"]) > now]
        self.assertTrue(future, "the demo data has no active license with an expiry")
        return min(future) / 86400.0

    def check(self, *args):
        res = self.cli.run("check", *args)
        self.assertRegex(res.out, LINE)
        return res

    def test_ok_when_nothing_expires_within_the_windows(self):
        first = self.days_to_first_expiry()
        if first < 1:
            self.skipTest("a license expires within a day")
        res = self.check("--warn-days", "0", "--crit-days", "0")
        self.assertExit(res, 0)
        self.assertTrue(res.out.startswith("LICPORTAL OK - "))
        self.assertIn("expiring_warn=0", res.out)

    def test_warning_then_critical_as_the_windows_grow(self):
        first = self.days_to_first_expiry()
        days = int(first) + 1
        res = self.check("--warn-days", str(days), "--crit-days", "0")
        self.assertExit(res, 1)
        self.assertTrue(res.out.startswith("LICPORTAL WARNING - "))
        res = self.check("--warn-days", str(days + 10), "--crit-days", str(days))
        self.assertExit(res, 2)
        self.assertTrue(res.out.startswith("LICPORTAL CRITICAL - "))
        expected = self.api.get(f"/licenses?status=active&expiring_within_days={days}").json
        self.assertIn(f"expiring_crit={expected['total']};", res.out)

    def test_default_windows_match_the_api(self):
        crit = self.api.get("/licenses?status=active&expiring_within_days=7").json["total"]
        warn = self.api.get("/licenses?status=active&expiring_within_days=30").json["total"]
        res = self.check()
        self.assertExit(res, 2 if crit else 1 if warn else 0)
        self.assertIn(f"expiring_warn={warn};", res.out)

    def test_unknown_when_not_logged_in(self):
        res = self.home("file").run("check")
        self.assertExit(res, 3)
        self.assertRegex(res.out, r"^LICPORTAL UNKNOWN - .*not logged in")

    def test_unknown_when_the_server_cannot_be_reached(self):
        res = self.cli.run("check", env={"HTTPS_PROXY": f"http://127.0.0.1:{harness.free_port()}"})
        self.assertExit(res, 3)
        self.assertTrue(res.out.startswith("LICPORTAL UNKNOWN - "), res)


class CheckSetupErrorTest(CliTestCase):
    """Every usage or set-up error is UNKNOWN (exit 3) with the reason on stdout, the only
    thing a monitoring system shows; never CRITICAL (2) for a typo."""
    demo_users = 1

    def assertUnknown(self, res, reason):
        self.assertExit(res, 3)
        self.assertRegex(res.out, r"^LICPORTAL UNKNOWN - [^\n|]+\n$")
        self.assertIn(reason, res.out)
        self.assertNotIn("see the error above", res.out)

    def test_usage_errors_are_unknown_with_the_reason(self):
        home = self.logged_in_home()
        cases = {
            ("check", "--warn-days", "-1"): "--warn-days needs a whole number",
            ("check", "--crit-days", "x"): "--crit-days needs a whole number",
            ("check", "--bogus"): "unknown option --bogus",
            ("--bogus", "check"): "unknown option --bogus",
            ("check", "extra"): "unexpected argument",
            ("check", "--status", "active"): "--status is not an option of \"check\"",
            ("check", "--warn-days", "5", "--crit-days", "10"): "--crit-days (10) must not exceed --warn-days (5)",
            ("check", "--crit-days", "40"): "--crit-days (40) must not exceed --warn-days (30)",
        }
        for args, reason in cases.items():
            with self.subTest(args=args):
                self.assertUnknown(home.run(*args), reason)
        bare = self.home(None, cacert=False)
        self.assertUnknown(bare.run("check", "--warn-days", server=False), "--warn-days needs a value")
        self.assertUnknown(bare.run("--credential-store", "bogus", "check"), "--credential-store must be")

    def test_set_up_errors_are_unknown_with_the_reason(self):
        home = self.home("file")
        self.assertUnknown(home.run("check", server=False), "no server is set")
        self.assertUnknown(home.run("check", "--server", "http://127.0.0.1:1", server=False), "https")
        self.assertUnknown(home.run("check", env={"LICPORTAL_TOKEN": "not-a-personal-token"}),
                           "personal access token")
        self.assertUnknown(home.run("check", "--profile", "nosuch", server=False), "")
        os.makedirs(os.path.dirname(home.credentials_path), exist_ok=True)
        with open(home.credentials_path, "w") as f:
            f.write("{}")
        os.chmod(home.credentials_path, 0o644)
        self.assertUnknown(home.run("check"), "too open")

    def test_equal_thresholds_are_accepted(self):
        res = self.logged_in_home().run("check", "--warn-days", "10", "--crit-days", "10")
        self.assertIn(res.code, (0, 2))
        self.assertRegex(res.out, LINE)

    def test_json_matches_the_status_line(self):
        home = self.logged_in_home()
        line = home.run("check")
        res = home.run("check", "--json")
        self.assertExit(res, line.code)
        doc = json.loads(res.out)
        self.assertEqual(doc["exit_code"], res.code)
        self.assertEqual(f"LICPORTAL {doc['status']} - {doc['summary']} |", line.out.split(" | ")[0] + " |")
        for name, value in doc["perfdata"].items():
            self.assertIn(f"{name}={value};", line.out)
        self.assertEqual((doc["warn_days"], doc["crit_days"]), (30, 7))
        unknown = json.loads(self.home("file").run("check", "--json").out)
        self.assertEqual((unknown["status"], unknown["exit_code"], unknown["perfdata"]), ("UNKNOWN", 3, None))
        res = home.run("check", "--json", "--warn-days", "x")
        self.assertExit(res, 3)
        typo = json.loads(res.out)
        self.assertEqual((typo["status"], typo["warn_days"]), ("UNKNOWN", None))
        self.assertIn("--warn-days needs a whole number", typo["summary"])
