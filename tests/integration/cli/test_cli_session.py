# Sessions over time: silent refresh after the access token expires, and refused sessions.
import json
import os
import shutil
import time

from cli_support import CliTestCase


class RefreshTest(CliTestCase):
    demo_users = 1
    access_ttl = 2

    def test_session_outlives_the_access_token_through_refresh(self):
        home = self.logged_in_home()
        with open(home.credentials_path) as f:
            first = json.load(f)["sessions"][0]["refresh_token"]
        self.assertExit(home.run("dashboard"), 0)
        time.sleep(3)
        res = home.run("dashboard", "--json")
        self.assertExit(res, 0)
        self.assertIn("kpis", json.loads(res.out))
        with open(home.credentials_path) as f:
            second = json.load(f)["sessions"][0]["refresh_token"]
        self.assertNotEqual(first, second, "the rotated refresh token was not saved")
        time.sleep(3)
        self.assertExit(home.run("licenses", "--limit", "2"), 0)
        self.assertExit(home.run("status"), 0)


class RevokedSessionTest(CliTestCase):
    demo_users = 1
    access_ttl = 2

    def copy_home(self, home):
        other = self.home("file")
        os.makedirs(os.path.dirname(other.credentials_path), exist_ok=True)
        shutil.copy2(home.credentials_path, other.credentials_path)
        return other

    def test_logout_from_another_copy_ends_the_session_with_exit_4(self):
        home = self.logged_in_home()
        other = self.copy_home(home)
        self.assertExit(home.run("logout"), 0)
        time.sleep(3)  # the copy's access token has expired: it must refresh, and is refused
        res = other.run("dashboard")
        self.assertExit(res, 4)
        self.assertLess(res.seconds, 10)
        self.assertIn("licportal login", self.assertOneLineError(res))
        self.assertExit(other.run("licenses"), 4)

    def test_reused_refresh_token_is_refused_without_a_loop(self):
        home = self.logged_in_home()
        stale = self.copy_home(home)
        time.sleep(3)
        self.assertExit(home.run("dashboard"), 0)   # rotates the refresh token
        res = stale.run("dashboard")                # presents the used one: family revoked
        self.assertExit(res, 4)
        self.assertLess(res.seconds, 10)
        self.assertOneLineError(res)
        time.sleep(3)
        res = home.run("dashboard")                 # the whole family is gone
        self.assertExit(res, 4)
        log = self.portal.log_text()
        self.assertLess(log.count("/auth/refresh"), 20, "refresh loop in the server log")

    def test_check_reports_unknown_for_a_refused_session(self):
        home = self.logged_in_home()
        other = self.copy_home(home)
        self.assertExit(home.run("logout"), 0)
        time.sleep(3)
        res = other.run("check")
        self.assertExit(res, 3)
        self.assertTrue(res.out.startswith("LICPORTAL UNKNOWN - "), res)
