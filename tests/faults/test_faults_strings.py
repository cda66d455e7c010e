# Server text with terminal controls, BiDi tricks and huge names reaches stdout and stderr inert.
import json
import unittest

from faults_support import FaultTestCase

TABLES = [["dashboard"], ["licenses"], ["license", "lic_1"], ["activations"], ["downloads"]]
JSONS = [c + ["--json"] for c in TABLES]
TABLES.append(["status"])  # the user from GET /me
LIMIT = 20


def shape(out):
    """Lines and the tab-separated columns of each: what server text must not change."""
    return [line.count(b"\t") for line in out.split(b"\n")]


class HostileStrings(FaultTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.server.fault = "ok"
        from faults_support import Client
        client = Client(cls.server.origin(), cls.certs.ca)
        try:
            cls.baseline = {tuple(r.args): r for r in client.run_all(TABLES + JSONS, LIMIT)}
        finally:
            client.cleanup()

    def run_fault(self, fault):
        self.server.fault = fault
        client = self.client()
        results = client.run_all(TABLES + JSONS + [["check"]], limit=LIMIT)
        for result in results:
            with self.subTest(args=result.args):
                self.assertIsNotNone(result.code, result)
                self.assertTerminalSafe(result)
                if result.args == ["check"]:
                    self.assertIn(result.code, (0, 1, 2), result)
                    self.assertEqual(len(result.out.splitlines()), 1, result)
                    continue
                self.assertEqual(result.code, 0, result)
                self.assertEqual(result.err, b"", result)
                base = self.baseline[tuple(result.args)]
                self.assertEqual(base.code, 0, base)
                if "--json" in result.args:
                    json.loads(result.out)
                else:
                    # Server text adds no line and no column.
                    self.assertEqual(shape(result.out), shape(base.out), result)
        return results

    def test_escape_sequences_are_stripped(self):
        results = self.run_fault("esc")
        table = results[1].out  # licenses: the dashboard's plain output is counts only
        self.assertNotIn(b"\x1b", table)
        self.assertIn(b"red", table, "the text around a sequence stays")

    def test_c1_controls_are_stripped(self):
        self.run_fault("c1")

    def test_bidi_controls_are_stripped(self):
        results = self.run_fault("bidi")
        self.assertIn(b"gnp.exe", results[1].out)

    def test_invisible_format_characters_are_stripped_from_tables_and_json_alike(self):
        results = self.run_fault("hidden")
        by_args = {tuple(r.args): r for r in results}
        # status has no product name, and the dashboard's plain record holds counts only.
        for table in TABLES:
            if table in (["status"], ["dashboard"]):
                continue
            plain = by_args[tuple(table)].out.decode()
            as_json = json.dumps(json.loads(by_args[tuple(table + ["--json"])].out),
                                 ensure_ascii=False)
            self.assertIn("softhy", plain)
            self.assertIn("softhy", as_json)

    def test_ten_thousand_character_names_are_handled(self):
        self.run_fault("long")

    def test_json_output_keeps_text_when_it_is_safe(self):
        """--json escapes or strips controls but is still the API objects."""
        self.server.fault = "esc"
        result = self.client().run("license", "lic_1", "--json", limit=LIMIT)
        self.assertEqual(result.code, 0, result)
        obj = json.loads(result.out)
        self.assertIn("red", json.dumps(obj))
        self.assertEqual(obj.get("status"), "active", result)


if __name__ == "__main__":
    unittest.main()
