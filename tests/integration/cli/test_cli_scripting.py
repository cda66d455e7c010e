# The sub-commands as a script author uses them: --json everywhere, records for awk and Python's csv.
import csv
import io
import json
import os

import harness
from cli_support import CliTestCase


def raw(value):
    """A JSON value as records carry it: empty for null, decimal for numbers."""
    return "" if value is None else str(value)


class ScriptingTest(CliTestCase):
    demo_users = 1

    def setUp(self):
        self.cli = self.logged_in_home()
        self.api = self.login()

    def json_of(self, *args, code=0):
        res = self.cli.run(*args, "--json")
        self.assertExit(res, code)
        return json.loads(res.out)

    def test_json_of_the_read_commands_matches_the_api(self):
        licenses, total = self.api.list_all("/licenses")
        self.assertEqual(self.json_of("licenses"), {"items": licenses, "total": total[0]})
        activations, total = self.api.list_all("/activations")
        self.assertEqual(self.json_of("activations"), {"items": activations, "total": total[0]})
        downloads, total = self.api.list_all("/downloads")
        self.assertEqual(self.json_of("downloads"), {"items": downloads, "total": total[0]})
        detail = self.api.get(f"/licenses/{licenses[0]['id']}").json
        self.assertEqual(self.json_of("license", licenses[0]["id"]), detail)
        dashboard = self.json_of("dashboard")
        self.assertEqual(dashboard["kpis"], self.api.get("/dashboard").json["kpis"])
        status = self.json_of("status")
        me = self.api.get("/me").json
        self.assertEqual(status["user"]["id"], me["id"])
        self.assertEqual(status["email"], me["email"])
        self.assertTrue(status["logged_in"])
        check = self.cli.run("check", "--json")
        self.assertEqual(json.loads(check.out)["exit_code"], check.code)
        self.assertEqual(json.loads(check.out)["perfdata"]["total"], dashboard["kpis"]["total_licenses"])

    def test_json_of_the_commands_that_change_something(self):
        created = self.json_of("token", "create", "--name", "json")
        self.assertTrue(created["token"].startswith("lpt_"))
        listed = self.json_of("token", "list")
        self.assertIn(created["id"], {t["id"] for t in listed["items"]})
        self.assertEqual(self.json_of("token", "revoke", created["id"]), {"id": created["id"], "revoked": True})
        activation = self.api.list_all("/activations")[0][0]
        res = self.cli.run("deactivate", activation["id"], "--yes", "--json")
        if res.code == 0:
            self.assertEqual(json.loads(res.out), {"id": activation["id"], "deactivated": True})
        else:
            self.assertExit(res, 1)  # this license does not allow self-service deactivation
        download = self.api.list_all("/downloads")[0][0]
        target = os.path.join(self.cli.work, "out")
        os.makedirs(target)
        doc = self.json_of("download", download["id"], "-o", target)
        self.assertEqual((doc["id"], doc["size_bytes"], doc["sha256"]),
                         (download["id"], download["size_bytes"], download["sha256"]))
        self.assertEqual(os.path.getsize(doc["path"]), download["size_bytes"])
        home = self.home("file")
        res = home.run("login", "--email", "demo1@example.com", "--password-stdin", "--json", stdin=b"demo\n")
        self.assertExit(res, 0)
        login = json.loads(res.out)
        self.assertEqual((login["email"], login["session_kept"]), ("demo1@example.com", True))
        self.assertEqual(json.loads(home.run("logout", "--json").out)["logged_out"], True)

    def test_csv_with_chosen_fields_round_trips_through_pythons_csv(self):
        licenses, _ = self.api.list_all("/licenses")
        fields = ["id", "product", "edition", "status", "expires_at", "activations_in_use", "max_activations"]
        res = self.cli.run("licenses", "--output", "csv", "--header", "--fields", ",".join(fields))
        self.assertExit(res, 0)
        rows = list(csv.DictReader(io.StringIO(res.out)))
        self.assertEqual(len(rows), len(licenses))
        for row, item in zip(rows, licenses):
            self.assertEqual(list(row), fields)
            self.assertEqual(row, {"id": item["id"], "product": item["product"]["name"],
                                   "edition": raw(item["edition"]), "status": item["status"],
                                   "expires_at": raw(item["expires_at"]),
                                   "activations_in_use": raw(item["activations_in_use"]),
                                   "max_activations": raw(item["max_activations"])})
        downloads, _ = self.api.list_all("/downloads")
        res = self.cli.run("downloads", "--output", "csv", "--fields", "filename,size_bytes,sha256")
        rows = list(csv.reader(io.StringIO(res.out)))
        self.assertEqual(rows, [[d["filename"], str(d["size_bytes"]), d["sha256"]] for d in downloads])

    def test_tsv_records_have_one_shape_and_raw_values_for_awk(self):
        for command, path in (("licenses", "/licenses"), ("activations", "/activations"),
                              ("downloads", "/downloads"), ("token list", "/tokens")):
            with self.subTest(command=command):
                res = self.cli.run(*command.split(), "--header")
                self.assertExit(res, 0)
                lines = res.out.splitlines()
                header = lines[0].split("\t")
                self.assertTrue(all(len(l.split("\t")) == len(header) for l in lines[1:]))
                items, _ = self.api.list_all(path)
                self.assertEqual([l.split("\t")[0] for l in lines[1:]], [i["id"] for i in items])
                for line in lines[1:]:
                    for name, value in zip(header, line.split("\t")):
                        if name.endswith("_at") and value:
                            harness.parse_ts(value)
                        if name in ("size_bytes", "activations_in_use", "max_activations") and value:
                            self.assertTrue(value.isdigit(), (name, value))
        self.assertNotIn("of unlimited", self.cli.run("licenses").out)

    def test_unknown_field_and_format_are_usage_errors(self):
        res = self.cli.run("licenses", "--fields", "id,colour")
        self.assertExit(res, 2)
        self.assertIn("max_activations", self.assertOneLineError(res))
        res = self.cli.run("licenses", "--output", "xml")
        self.assertExit(res, 2)
        self.assertIn("tsv, csv, json", self.assertOneLineError(res))
        self.assertEqual(self.json_of("licenses", "--limit", "2"),
                         json.loads(self.cli.run("licenses", "--limit", "2", "--output", "json").out))

    def test_tables_without_utf8_use_ascii_stand_ins(self):
        res = self.cli.run_pty("licenses", env={"COLUMNS": "60", "LANG": "C", "LC_ALL": "C"})
        self.assertExit(res, 0)
        self.assertNotIn("\u2026", res.out)
        self.assertIn("...", res.out)
        res = self.cli.run_pty("licenses", env={"COLUMNS": "60", "LANG": "C.UTF-8"})
        self.assertIn("\u2026", res.out)
