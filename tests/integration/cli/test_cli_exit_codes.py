# One exit code per condition in every command: unknown ids 3, bad enum values 2 before any request,
# --product by name or id, and status without the server.
import json

import harness
from cli_support import CliTestCase

UNKNOWN_IDS = (
    ("license", "lic_999999"),
    ("activations", "--license", "lic_999999"),
    ("deactivate", "act_999999", "--yes"),
    ("download", "rel_999999"),
    ("token", "revoke", "pat_999999"),
)


class ExitCodeTest(CliTestCase):
    demo_users = 1

    def setUp(self):
        self.cli = self.logged_in_home()

    def test_an_unknown_id_is_3_in_every_command(self):
        for args in UNKNOWN_IDS:
            with self.subTest(args=args):
                res = self.cli.run(*args)
                self.assertExit(res, 3)
                self.assertEqual(res.out, "")
                self.assertIn("not found", self.assertOneLineError(res))
                self.assertExit(self.cli.run(*args, "--json"), 3)

    def test_an_invalid_enum_value_is_2_before_any_request(self):
        dead = f"https://127.0.0.1:{harness.free_port()}"
        cases = (
            (("licenses", "--status", "bogus"), "--status must be one of active, expired"),
            (("licenses", "--sort", "name"), "--sort must be one of added_at"),
            (("downloads", "--channel", "nightly"), "--channel must be one of stable, beta"),
            (("downloads", "--platform", "beos"), "--platform must be one of linux"),
            (("token", "create", "--name", "x", "--scope", "admin"), "--scope must be one of read, read_write"),
        )
        for args, message in cases:
            with self.subTest(args=args):
                # An unreachable server would make any request exit 5.
                res = self.cli.run(*args, "--server", dead, server=False)
                self.assertExit(res, 2)
                self.assertIn(message, self.assertOneLineError(res))

    def test_product_by_name_equals_product_by_id(self):
        api = self.login()
        products = api.get("/products").json["items"]
        self.assertTrue(products)
        for product in products:
            for command in ("licenses", "downloads"):
                with self.subTest(product=product["name"], command=command):
                    by_id = self.cli.run(command, "--product", product["id"], "--json")
                    by_name = self.cli.run(command, "--product", product["name"].upper(), "--json")
                    self.assertExit(by_id, 0)
                    self.assertExit(by_name, 0)
                    self.assertEqual(json.loads(by_id.out), json.loads(by_name.out))
            licenses = json.loads(self.cli.run("licenses", "--product", product["name"], "--json").out)
            self.assertEqual(licenses["total"], product["licenses"])
            self.assertEqual({x["product"]["id"] for x in licenses["items"]}, {product["id"]})

    def test_an_unknown_product_is_a_usage_error_listing_the_candidates(self):
        api = self.login()
        products = api.get("/products").json["items"]
        for value in ("No Such Product", products[0]["name"][:3], "prd_nosuch"):
            with self.subTest(value=value):
                res = self.cli.run("licenses", "--product", value)
                self.assertExit(res, 2)
                line = self.assertOneLineError(res)
                for product in products:
                    self.assertIn(f"{product['name']} ({product['id']})", line)

    def test_every_command_has_json_that_parses(self):
        api = self.login()
        license_id = api.get("/licenses?limit=1").json["items"][0]["id"]
        for args in (["status"], ["dashboard"], ["licenses"], ["license", license_id], ["activations"],
                     ["downloads"], ["check"], ["token", "list"]):
            with self.subTest(args=args):
                res = self.cli.run(*args, "--json")
                self.assertIn(res.code, (0, 1, 2) if args == ["check"] else (0,), res)
                json.loads(res.out)


class StatusOfflineTest(CliTestCase):
    demo_users = 1

    def test_status_shows_what_is_local_then_whether_the_server_answers(self):
        home = self.logged_in_home()
        res = home.run("status")
        self.assertExit(res, 0)
        fields = dict(line.split("\t", 1) for line in res.out.splitlines())
        self.assertEqual(fields["Server answers"], "yes")
        self.assertEqual(fields["Email"], "demo1@example.com")
        self.assertEqual(fields["Server"], self.portal.origin)
        doc = json.loads(home.run("status", "--json").out)
        self.assertTrue(doc["server_answers"])
        self.assertEqual(doc["user"]["email"], "demo1@example.com")
        self.portal.stop()
        try:
            res = home.run("status")
            self.assertExit(res, 5)
            fields = dict(line.split("\t", 1) for line in res.out.splitlines())
            self.assertEqual(fields["Profile"], "default")
            self.assertEqual(fields["Server"], self.portal.origin)
            self.assertEqual(fields["Email"], "demo1@example.com")
            self.assertIn("credentials", fields["Session stored in"])
            self.assertEqual(fields["Server answers"], "no")
            self.assertOneLineError(res)
            res = home.run("status", "--json")
            self.assertExit(res, 5)
            doc = json.loads(res.out)
            self.assertFalse(doc["server_answers"])
            self.assertIsNone(doc["user"])
            self.assertTrue(doc["error"])
        finally:
            self.portal.start()

    def test_status_without_a_session_shows_the_profile_and_exits_4(self):
        home = self.home("file")
        res = home.run("status")
        self.assertExit(res, 4)
        fields = dict(line.split("\t", 1) for line in res.out.splitlines())
        self.assertEqual(fields["Profile"], "default")
        self.assertEqual(fields["Session stored in"], "")
        self.assertIn("not logged in", self.assertOneLineError(res))


SERVER_COMMANDS = (
    ("dashboard",), ("licenses",), ("license", "lic_1"), ("activations",),
    ("deactivate", "act_1", "--yes"), ("downloads",), ("download", "rel_1"), ("status",),
    ("token", "list"), ("token", "create", "--name", "x"), ("token", "revoke", "pat_1"),
)


class ExitCodeTableTest(CliTestCase):
    """The same condition gives the same exit code in every command that talks to the server."""
    demo_users = 1

    def test_not_logged_in_is_4_everywhere(self):
        home = self.home("file")
        for args in SERVER_COMMANDS:
            with self.subTest(args=args):
                res = home.run(*args)
                self.assertExit(res, 4)
                self.assertIn("not logged in", res.err)

    def test_a_server_that_does_not_answer_is_5_everywhere(self):
        home = self.logged_in_home()
        self.portal.stop()
        try:
            for args in SERVER_COMMANDS:
                with self.subTest(args=args):
                    res = home.run(*args)
                    self.assertExit(res, 5)
                    self.assertTrue(res.err.startswith("licportal: "), res)
        finally:
            self.portal.start()
