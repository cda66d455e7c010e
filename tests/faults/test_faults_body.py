# Broken, oversized, nested and refused API answers: the CLI fails cleanly, fast, in one line.
import json
import unittest

from faults_support import FaultTestCase

# Every sub-command that reads the API, as tables and as JSON.
COMMANDS = [
    ["dashboard"], ["dashboard", "--json"],
    ["licenses"], ["licenses", "--json"],
    ["license", "lic_1"], ["license", "lic_1", "--json"],
    ["activations"], ["activations", "--json"],
    ["downloads"], ["downloads", "--json"],
]
LIMIT = 20  # seconds: none of these faults may hold the client


class BodyFaults(FaultTestCase):
    def run_fault(self, fault, codes):
        self.server.fault = fault
        client = self.client()
        results = client.run_all(COMMANDS + [["check"]], limit=LIMIT)
        for result in results[:-1]:
            with self.subTest(args=result.args):
                line = self.assertFails(result, codes, LIMIT)
                self.assertTrue(line.startswith("licportal: "), result)
                self.assertEqual(result.out, b"", f"nothing on stdout after a failure: {result!r}")
        check = results[-1]
        with self.subTest(args=check.args):
            # Monitoring convention: UNKNOWN (3), one status line on stdout.
            self.assertEqual(check.code, 3, check)
            self.assertLess(check.seconds, LIMIT, check)
            self.assertTerminalSafe(check)
            lines = check.out.decode().splitlines()
            self.assertEqual(len(lines), 1, check)
            self.assertTrue(lines[0].startswith("LICPORTAL UNKNOWN - "), check)
        return results

    def test_valid_answers_work(self):
        """The baseline: the same commands succeed against valid answers."""
        client = self.client()
        for result in client.run_all(COMMANDS, limit=LIMIT):
            with self.subTest(args=result.args):
                self.assertEqual(result.code, 0, result)
                self.assertEqual(result.err, b"", result)
                self.assertTerminalSafe(result)
                if "--json" in result.args:
                    json.loads(result.out)

    def test_invalid_json_is_a_protocol_error(self):
        self.run_fault("invalid_json", 1)

    def test_wrong_types_are_a_protocol_error(self):
        self.run_fault("wrong_shape", 1)

    def test_invalid_utf8_is_a_protocol_error(self):
        results = self.run_fault("bad_utf8", 1)
        self.assertIn(b"UTF-8", results[0].err, results[0])

    def test_body_over_16_mib_is_refused(self):
        self.run_fault("huge", 1)

    def test_body_over_16_mib_without_length_is_refused(self):
        self.run_fault("huge_unsized", 1)

    def test_deep_nesting_is_refused(self):
        self.run_fault("deep", 1)

    def test_500_with_retry_after_fails_at_once(self):
        self.run_fault("e500", 1)

    def test_503_with_retry_after_fails_at_once_and_says_when(self):
        results = self.run_fault("e503", 1)
        self.assertIn(b"3600", results[0].err, results[0])

    def test_429_with_retry_after_fails_at_once_and_says_when(self):
        results = self.run_fault("e429", 1)
        self.assertIn(b"3600", results[0].err, results[0])

    def test_redirect_to_plain_http_is_not_followed(self):
        self.run_fault("redirect", (1, 5))
        self.assertEqual(self.server.plain_hits, [], "a request went out over plain http://")

    def test_connection_cut_mid_body_is_a_network_failure(self):
        self.run_fault("cut", 5)

    def test_unasked_304_is_a_protocol_error(self):
        self.run_fault("not_modified", 1)

    def test_hostile_error_message_prints_inert(self):
        self.run_fault("error_esc", 1)

    def test_hostile_not_found_prints_inert_and_exits_3(self):
        self.run_fault("missing_esc", 3)

    def test_deactivation_refused_by_the_server_fails_cleanly(self):
        self.server.fault = "ok"
        done = self.client().run("deactivate", "act_1", "--yes", limit=LIMIT)
        self.assertEqual(done.code, 0, done)
        for fault, code in (("e503", 1), ("e429", 1), ("e500", 1), ("cut", 5),
                            ("error_esc", 1), ("missing_esc", 3), ("redirect", (1, 5))):
            with self.subTest(fault=fault):
                self.server.fault = fault
                result = self.client().run("deactivate", "act_1", "--yes", limit=LIMIT)
                line = self.assertFails(result, code, LIMIT)
                self.assertTrue(line.startswith("licportal: "), result)

    def test_repeating_cursor_ends_the_listing(self):
        """Cursors never repeat (the contract): a server that names the same page again and
        again must not keep a list command fetching (and buffering) forever."""
        self.server.fault = "cursor_loop"
        lists = [["licenses"], ["licenses", "--json"], ["activations"], ["activations", "--json"],
                 ["downloads"], ["downloads", "--json"]]
        for result in self.client().run_all(lists, limit=LIMIT):
            with self.subTest(args=result.args):
                line = self.assertFails(result, 1, LIMIT)
                self.assertTrue(line.startswith("licportal: "), result)

    def test_limit_stops_following_cursors(self):
        self.server.fault = "cursor_loop"
        result = self.client().run("licenses", "--limit", "5", limit=LIMIT)
        self.assertEqual(result.code, 0, result)
        self.assertEqual(len(result.out.splitlines()), 5, result)
        self.assertTerminalSafe(result)


if __name__ == "__main__":
    unittest.main()
