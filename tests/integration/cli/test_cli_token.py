# licportal token create|list|revoke and LICPORTAL_TOKEN: one personal access token for any number of runs.
import json
import os

from cli_support import CliTestCase


class PersonalTokenCliTest(CliTestCase):
    demo_users = 1

    def create(self, home, *args):
        res = home.run("token", "create", *args)
        self.assertExit(res, 0)
        secret = res.out.strip()
        self.assertRegex(secret, r"^lpt_[A-Za-z0-9_-]{43}$")
        self.assertIn("only time it is shown", res.err)
        return secret

    def token_home(self, secret):
        home = self.home("none")
        home.env["LICPORTAL_TOKEN"] = secret
        return home

    def test_same_token_works_for_twenty_consecutive_runs_and_writes_no_store(self):
        owner = self.logged_in_home()
        secret = self.create(owner, "--name", "cron", "--scope", "read")
        home = self.home("file")
        home.env["LICPORTAL_TOKEN"] = secret
        commands = (["dashboard"], ["licenses", "--limit", "3"], ["activations", "--json"],
                    ["downloads"], ["status"])
        for run in range(20):
            args = commands[run % len(commands)]
            with self.subTest(run=run, args=args):
                self.assertExit(home.run(*args), 0)
        self.assertFalse(os.path.exists(home.credentials_path))
        listed = json.loads(owner.run("token", "list", "--json").out)
        mine = [t for t in listed["items"] if t["name"] == "cron"]
        self.assertEqual(len(mine), 1)
        self.assertIsNotNone(mine[0]["last_used_at"])
        self.assertNotIn("token", mine[0])

    def test_read_token_is_refused_by_deactivate_and_by_token_create(self):
        owner = self.logged_in_home()
        secret = self.create(owner, "--name", "monitor")
        home = self.token_home(secret)
        activation = json.loads(home.run("activations", "--json").out)["items"][0]["id"]
        res = home.run("deactivate", activation, "--yes")
        self.assertExit(res, 1)
        self.assertIn("may only read", self.assertOneLineError(res))
        res = home.run("token", "create", "--name", "escalate")
        self.assertExit(res, 1)
        self.assertEqual(res.out, "")
        self.assertIn("licportal: creating the token failed", self.assertOneLineError(res))
        still = json.loads(home.run("activations", "--json").out)["items"]
        self.assertIn(activation, {a["id"] for a in still})

    def test_read_write_token_cannot_manage_tokens(self):
        owner = self.logged_in_home()
        secret = self.create(owner, "--name", "deploy", "--scope", "read_write", "--expires-days", "30")
        home = self.token_home(secret)
        for args in (["token", "list"], ["token", "create", "--name", "x"], ["token", "revoke", "pat_1"]):
            with self.subTest(args=args):
                res = home.run(*args)
                self.assertExit(res, 1)
                self.assertIn("login session", self.assertOneLineError(res))

    def test_revoked_token_is_refused_at_once(self):
        owner = self.logged_in_home()
        created = json.loads(owner.run("token", "create", "--name", "short", "--json").out)
        home = self.token_home(created["token"])
        self.assertExit(home.run("dashboard"), 0)
        res = owner.run("token", "revoke", created["id"])
        self.assertExit(res, 0)
        self.assertIn(created["id"], res.out)
        res = home.run("dashboard")
        self.assertExit(res, 4)
        line = self.assertOneLineError(res)
        self.assertIn("personal access token was refused", line)
        self.assertNotIn(created["token"], res.err + res.out)
        self.assertExit(owner.run("token", "revoke", created["id"]), 3)

    def test_a_session_token_in_the_environment_is_refused_before_any_request(self):
        api = self.login()
        home = self.home("none")
        res = home.run("dashboard", env={"LICPORTAL_TOKEN": api.refresh_token})
        self.assertExit(res, 4)
        line = self.assertOneLineError(res)
        self.assertIn("personal access token", line)
        self.assertNotIn(api.refresh_token, res.err)
        # The session it came from was not spent: it still refreshes.
        self.assertEqual(api.post("/auth/refresh", {"refresh_token": api.refresh_token}).status, 200)

    def test_list_shows_raw_values_for_scripts(self):
        owner = self.logged_in_home()
        self.create(owner, "--name", "never expires")
        self.create(owner, "--name", "week", "--expires-days", "7")
        res = owner.run("token", "list")
        self.assertExit(res, 0)
        rows = [line.split("\t") for line in res.out.splitlines()]
        by_name = {r[1]: r for r in rows}
        self.assertEqual(by_name["never expires"][4], "")
        self.assertRegex(by_name["week"][4], r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
        self.assertEqual(by_name["week"][2], "read")

    def test_usage_errors(self):
        home = self.logged_in_home()
        for args in (["token"], ["token", "bogus"], ["token", "create"],
                     ["token", "create", "--name", "x", "--scope", "admin"], ["token", "revoke"]):
            with self.subTest(args=args):
                res = home.run(*args)
                self.assertExit(res, 2)
                self.assertOneLineError(res)
