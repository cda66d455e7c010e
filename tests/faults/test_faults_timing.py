# A server that stalls or trickles never holds the client: it gives up with exit 5 in bounded time.
import unittest

from faults_support import FaultTestCase

COMMANDS = [["dashboard"], ["dashboard", "--json"], ["licenses"], ["license", "lic_1"],
            ["activations", "--json"], ["downloads"]]
# The client's stall timeout is 30 s (under 1 byte/s); a one-byte-a-second drip
# is caught a few seconds later, and a loaded machine adds a little more.
LIMIT = 60


class SlowServers(FaultTestCase):
    def run_fault(self, fault):
        self.server.fault = fault
        results = self.client().run_all(COMMANDS + [["check"]], limit=LIMIT)
        for result in results[:-1]:
            with self.subTest(args=result.args):
                line = self.assertFails(result, 5, LIMIT)
                self.assertTrue(line.startswith("licportal: "), result)
        check = results[-1]
        with self.subTest(args=check.args):
            self.assertEqual(check.code, 3, check)
            self.assertTerminalSafe(check)
            self.assertTrue(check.out.startswith(b"LICPORTAL UNKNOWN - "), check)

    def test_stalled_answer_times_out(self):
        self.run_fault("stall")

    def test_one_byte_a_second_answer_is_bounded(self):
        self.run_fault("slow")

    def test_four_bytes_a_second_answer_is_bounded(self):
        """Fast enough never to count as a stall, slow enough to take many minutes: only an
        overall deadline ends it."""
        self.run_fault("trickle")


if __name__ == "__main__":
    unittest.main()
