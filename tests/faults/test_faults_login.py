# Login against a hostile server: broken token answers fail cleanly, hostile names print inert.
import unittest

from faults_support import FaultTestCase

LOGIN = ["login", "--email", "demo1@example.com", "--password-stdin"]
LIMIT = 20


class HostileLogin(FaultTestCase):
    def setUp(self):
        super().setUp()
        self.server.fault_auth = True
        self.addCleanup(setattr, self.server, "fault_auth", False)

    def login(self, fault):
        self.server.fault = fault
        return self.client().run(*LOGIN, limit=LIMIT)

    def test_valid_login_works(self):
        result = self.login("ok")
        self.assertEqual(result.code, 0, result)
        self.assertTerminalSafe(result)

    def test_broken_token_answers_fail_with_one_line(self):
        for fault, code in (("invalid_json", 1), ("wrong_shape", 1), ("bad_utf8", 1),
                            ("deep", 1), ("huge", 1), ("e500", 1), ("e503", 1), ("e429", 1),
                            ("cut", 5), ("redirect", (1, 5))):
            with self.subTest(fault=fault):
                result = self.login(fault)
                line = self.assertFails(result, code, LIMIT)
                self.assertTrue(line.startswith("licportal: "), result)

    def test_hostile_user_names_print_inert(self):
        for fault in ("esc", "c1", "bidi", "long"):
            with self.subTest(fault=fault):
                result = self.login(fault)
                self.assertEqual(result.code, 0, result)
                self.assertTerminalSafe(result)

    def test_commands_after_a_broken_refresh_fail_cleanly(self):
        """LICPORTAL_TOKEN makes every command refresh first: the refresh answer is hostile."""
        self.server.fault = "invalid_json"
        for args in (["dashboard"], ["licenses", "--json"], ["downloads"]):
            with self.subTest(args=args):
                result = self.client().run(*args, limit=LIMIT)
                self.assertFails(result, (1, 4), LIMIT)


if __name__ == "__main__":
    unittest.main()
