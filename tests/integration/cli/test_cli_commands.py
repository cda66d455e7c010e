# Every listing and detail command: tables, plain text and --json, compared with the API itself.
import json
import re

import harness

from cli_support import CliTestCase

CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f\x80-\x9f\u202a-\u202e\u2066-\u2069]")


class CommandsTest(CliTestCase):
    demo_users = 2

    def setUp(self):
        self.cli = self.logged_in_home("demo1@example.com")
        self.api = self.login("demo1@example.com")

    def json_of(self, *args):
        res = self.cli.run(*args, "--json")
        self.assertExit(res, 0)
        self.assertIsNone(CONTROL.search(res.out), "raw control character in JSON output")
        return json.loads(res.out)

    def test_dashboard_json_equals_the_api(self):
        doc = self.json_of("dashboard")
        api = self.api.get("/dashboard").json
        self.assertEqual(doc["kpis"], api["kpis"])
        self.assertEqual([l["id"] for l in doc["recent_licenses"]],
                         [l["id"] for l in api["recent_licenses"]])

    def test_dashboard_table(self):
        res = self.cli.run("dashboard", "--header")
        self.assertExit(res, 0)
        kpis = self.api.get("/dashboard").json["kpis"]
        header, record = res.out.splitlines()
        values = dict(zip(header.split("\t"), record.split("\t")))
        for name in ("total_licenses", "active_licenses", "activations_in_use", "expiring_soon",
                     "expiring_window_days"):
            self.assertEqual(values[name], str(kpis[name]))
        harness.parse_ts(values["generated_at"])

    def test_licenses_json_follows_every_cursor(self):
        items, totals = self.api.list_all("/licenses", limit=7)
        doc = self.json_of("licenses")
        self.assertEqual(doc["total"], totals[0])
        self.assertEqual([i["id"] for i in doc["items"]], [i["id"] for i in items])
        # Numbers and masked keys exactly as the API gives them.
        self.assertEqual(doc["items"], items)
        for item in doc["items"]:
            self.assertNotIn("key", item)
            self.assertRegex(item["key_masked"], r"^[X-]+[A-Z0-9]{4}$")

    def test_licenses_limit_caps_the_list(self):
        doc = self.json_of("licenses", "--limit", "3")
        self.assertEqual(len(doc["items"]), 3)
        self.assertEqual(doc["total"], self.api.get("/licenses").json["total"])

    def test_licenses_filters_reach_the_server(self):
        doc = self.json_of("licenses", "--status", "expired", "--sort", "expires_at")
        items, _ = self.api.list_all("/licenses", {"status": "expired", "sort": "expires_at"})
        self.assertEqual([i["id"] for i in doc["items"]], [i["id"] for i in items])
        self.assertTrue(all(i["status"] == "expired" for i in doc["items"]))
        doc = self.json_of("licenses", "--expiring-within", "30")
        items, _ = self.api.list_all("/licenses", {"expiring_within_days": "30"})
        self.assertEqual(sorted(i["id"] for i in doc["items"]), sorted(i["id"] for i in items))
        some = items[0] if items else self.api.get("/licenses").json["items"][0]
        doc = self.json_of("licenses", "-q", some["key_masked"][-4:])
        self.assertIn(some["id"], [i["id"] for i in doc["items"]])

    def test_bad_filter_value_is_a_usage_error(self):
        res = self.cli.run("licenses", "--sort", "sideways")
        self.assertExit(res, 2)
        self.assertOneLineError(res)

    def test_licenses_plain_text_is_one_tab_separated_line_per_license(self):
        res = self.cli.run("licenses")
        self.assertExit(res, 0)
        total = self.api.get("/licenses").json["total"]
        lines = res.out.splitlines()
        self.assertEqual(len(lines), total)
        ids = {i["id"] for i in self.api.list_all("/licenses")[0]}
        for line in lines:
            fields = line.split("\t")
            self.assertEqual(len(fields), 10, line)
            self.assertIn(fields[0], ids)

    def test_licenses_table_on_a_terminal_has_a_header_and_aligned_columns(self):
        res = self.cli.run_pty("licenses", "--limit", "5", env={"COLUMNS": "200"})
        self.assertExit(res, 0)
        lines = [l for l in res.out.replace("\r", "").splitlines() if l.strip()]
        self.assertTrue(lines[0].lstrip("\x1b[1m").startswith("ID"), lines[0])
        total = self.api.get("/licenses").json["total"]
        self.assertEqual(len(lines), 7)
        self.assertEqual(lines[-1].strip(), f"(5 of {total} shown)")
        self.assertNotIn("\t", res.out)

    def test_license_detail_json_and_table(self):
        some = self.api.get("/licenses").json["items"][0]
        detail = self.api.get(f"/licenses/{some['id']}").json
        self.assertEqual(self.json_of("license", some["id"]), detail)
        res = self.cli.run("license", some["id"], "--header")
        self.assertExit(res, 0)
        header, record = res.out.splitlines()
        values = dict(zip(header.split("\t"), record.split("\t")))
        self.assertEqual(values["id"], some["id"])
        self.assertEqual(values["key_masked"], detail["key_masked"])
        self.assertEqual(values["features"], ",".join(detail["features"]))
        res = self.cli.run_pty("license", some["id"], env={"COLUMNS": "200"})
        self.assertExit(res, 0)
        for option in detail["renewal"]["options"]:
            self.assertIn(option["label"], res.out)
            self.assertIn(f"{option['term_months']} month", res.out)
            self.assertIn(option["price"]["currency"], res.out)

    def test_license_reveal_only_on_request(self):
        some = self.api.get("/licenses").json["items"][0]
        full = self.api.post(f"/licenses/{some['id']}/reveal").json["key"]
        res = self.cli.run("license", some["id"])
        self.assertNotIn(full, res.out)
        res = self.cli.run("license", some["id"], "--reveal", "--fields", "id,key")
        self.assertExit(res, 0)
        self.assertEqual(res.out, f"{some['id']}\t{full}\n")
        self.assertEqual(self.json_of("license", some["id"], "--reveal")["key"], full)

    def test_unknown_or_foreign_license_exits_3(self):
        other = self.login("demo2@example.com").get("/licenses").json["items"][0]
        res = self.cli.run("license", other["id"])
        self.assertExit(res, 3)
        self.assertOneLineError(res)
        self.assertExit(self.cli.run("license", "lic_does_not_exist"), 3)

    def test_activations_json_and_filter(self):
        items, totals = self.api.list_all("/activations")
        doc = self.json_of("activations")
        self.assertEqual(doc, {"items": items, "total": totals[0]})
        license_id = items[0]["license_id"]
        doc = self.json_of("activations", "--license", license_id)
        self.assertTrue(doc["items"])
        self.assertTrue(all(a["license_id"] == license_id for a in doc["items"]))
        res = self.cli.run("activations")
        self.assertExit(res, 0)
        self.assertEqual(len(res.out.splitlines()), totals[0])

    def test_downloads_json_and_filters(self):
        items, totals = self.api.list_all("/downloads")
        self.assertEqual(self.json_of("downloads"), {"items": items, "total": totals[0]})
        doc = self.json_of("downloads", "--channel", "beta")
        self.assertTrue(all(d["channel"] == "beta" for d in doc["items"]))
        expected, _ = self.api.list_all("/downloads", {"channel": "beta"})
        self.assertEqual(len(doc["items"]), len(expected))
        doc = self.json_of("downloads", "--platform", "linux")
        expected, _ = self.api.list_all("/downloads", {"platform": "linux"})
        self.assertEqual([d["id"] for d in doc["items"]], [d["id"] for d in expected])
        res = self.cli.run("downloads")
        self.assertExit(res, 0)
        self.assertEqual(len(res.out.splitlines()), totals[0])

    def test_commands_without_a_session_exit_4(self):
        home = self.home("file")
        for args in (["dashboard"], ["licenses"], ["license", "x"], ["activations"],
                     ["downloads"], ["download", "x"], ["deactivate", "x", "--yes"]):
            with self.subTest(args=args):
                res = home.run(*args)
                self.assertExit(res, 4)
                self.assertIn("licportal login", self.assertOneLineError(res))


class PagingTest(CliTestCase):
    """More licenses than one page of 200 holds: the cursors must be followed."""
    demo_users = 1
    licenses_per_user = 450

    def setUp(self):
        self.cli = self.logged_in_home("demo1@example.com")
        self.api = self.login("demo1@example.com")

    def test_json_list_holds_every_page(self):
        items, totals = self.api.list_all("/licenses", limit=200)
        self.assertEqual(len(items), 450)
        res = self.cli.run("licenses", "--json")
        self.assertExit(res, 0)
        doc = json.loads(res.out)
        self.assertEqual(doc["total"], 450)
        self.assertEqual([i["id"] for i in doc["items"]], [i["id"] for i in items])

    def test_limit_spans_pages_and_stops(self):
        doc = json.loads(self.cli.run("licenses", "--json", "--limit", "250").out)
        self.assertEqual(len(doc["items"]), 250)
        self.assertEqual(len({i["id"] for i in doc["items"]}), 250)
        self.assertEqual(doc["total"], 450)
        res = self.cli.run("licenses", "--limit", "201")
        self.assertEqual(len(res.out.splitlines()), 201)

    def test_plain_list_holds_every_page(self):
        res = self.cli.run("licenses", "--sort", "product")
        self.assertExit(res, 0)
        ids = [line.split("\t")[0] for line in res.out.splitlines()]
        self.assertEqual(len(ids), 450)
        self.assertEqual(len(set(ids)), 450)


class DeactivateTest(CliTestCase):
    demo_users = 1

    def setUp(self):
        self.cli = self.logged_in_home("demo1@example.com")
        self.api = self.login("demo1@example.com")

    def in_use(self):
        return self.api.get("/dashboard").json["kpis"]["activations_in_use"]

    def test_deactivate_with_yes_frees_exactly_one_seat(self):
        before = self.in_use()
        items, _ = self.api.list_all("/activations")
        for activation in items:
            res = self.cli.run("deactivate", activation["id"], "--yes")
            if res.code == 0:
                break
            self.assertExit(res, 1)   # deactivation_not_allowed for this license
            self.assertIn("not", res.err)
        else:
            self.fail("no license allows deactivation")
        self.assertEqual(self.in_use(), before - 1)
        ids = [a["id"] for a in self.api.list_all("/activations")[0]]
        self.assertNotIn(activation["id"], ids)
        res = self.cli.run("deactivate", activation["id"], "--yes")
        self.assertExit(res, 3)

    def test_without_yes_and_without_a_terminal_it_refuses(self):
        before = self.in_use()
        activation = self.api.list_all("/activations")[0][0]
        res = self.cli.run("deactivate", activation["id"])
        self.assertExit(res, 2)
        self.assertIn("--yes", self.assertOneLineError(res))
        self.assertEqual(self.in_use(), before)

    def test_terminal_confirmation_names_the_activation(self):
        before = self.in_use()
        activation = self.api.list_all("/activations")[0][0]
        res = self.cli.run_pty("deactivate", activation["id"], answers=[(r"\[y/N\]", "n")])
        self.assertExit(res, 0)
        self.assertIn(activation["name"], res.out)
        self.assertIn("Nothing deactivated", res.out)
        self.assertEqual(self.in_use(), before)
        res = self.cli.run_pty("deactivate", "act_unknown", answers=[(r"\[y/N\]", "y")])
        self.assertExit(res, 3)

    def test_terminal_confirmation_yes_deactivates(self):
        for activation in self.api.list_all("/activations")[0]:
            before = self.in_use()
            res = self.cli.run_pty("deactivate", activation["id"],
                                   answers=[(r"\[y/N\]", "y")])
            if res.code == 0:
                self.assertIn("Deactivated", res.out)
                self.assertEqual(self.in_use(), before - 1)
                return
            self.assertExit(res, 1)
            self.assertEqual(self.in_use(), before)
        self.fail("no license allows deactivation")
