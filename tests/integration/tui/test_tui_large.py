# The license list over a library of 100,000 licenses: End reaches the last one.
import test_tui


class LargeLibraryTest(test_tui.TuiTestCase):
    demo_users = 1
    licenses_per_user = 100000
    demo_seed = 5
    demo_timeout = 300

    def test_end_walks_the_cursor_pages_to_the_last_license(self):
        total = self.login().get("/licenses", headers=None).json["total"]
        self.assertEqual(total, 100000)
        t = self.start()
        self.log_in(t)
        self.wait_dashboard(t)
        t.keys("2")
        t.wait_text(f"Licenses ({total})")
        t.wait_text(f"1/{total}")
        rss_first_page = t.rss_kib()
        t.keys("End")
        screen = t.wait_for(lambda s: f"{total}/{total}" in s and "loading..." not in s,
                            "the last license loaded", timeout=240)
        # A bounded window of pages: the whole library would take tens of MiB.
        self.assertLess(t.rss_kib() - rss_first_page, 16 * 1024)
        last = self.login().get("/licenses", headers=None).json
        self.assertTrue(last["items"])
        self.assertRegex(screen, r"\u2026\w{4}")
        t.keys("Home")
        t.wait_for(lambda s: f" 1/{total}" in s
                   and test_tui.key_tail(last["items"][0]["key_masked"]) in s,
                   "the first license again")
        self.quit_and_check_terminal(t)


if __name__ == "__main__":
    import unittest
    unittest.main()
