# licportal check: the monitoring-plugin line and its exit codes 0, 1, 2 and 3.
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
        self.assertTrue(future, "the demo data has no active licence with an expiry")
        return min(future) / 86400.0

    def check(self, *args):
        res = self.cli.run("check", *args)
        self.assertRegex(res.out, LINE)
        return res

    def test_ok_when_nothing_expires_within_the_windows(self):
        first = self.days_to_first_expiry()
        if first < 1:
            self.skipTest("a licence expires within a day")
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
