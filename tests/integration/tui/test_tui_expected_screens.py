# Every view of the terminal UI at 80x24, 60x20 and 200x50, compared with expected files.
"""One licportald (fixed demo seed and license count) and one tmux session for the class:
each view is opened once and the window is resized through the three sizes, comparing the
normalised screen with tests/integration/tui/expected/screens/VIEW_COLSxLINES.txt.

The demo data is made relative to the current time, so the screens are normalised before
they are compared: dates become YYYY-MM-DD, clock times HH:MM:SS, the server's port PORT.
Relative expiry texts ("in 9 d", "40 d ago", "today") become REL, padded to the column's
width: the demo's offsets are fixed for a seed, but an expiry made "30 days from now" reads
"in 30 d" or "in 29 d" depending on the seconds between making the data and drawing it.

LICPORTAL_UPDATE_SCREENS=1 (or LP_UPDATE_EXPECTED=1) writes the files from the screens
instead of comparing; review every rewritten file by eye before keeping it.
"""

import os
import re
import time

import harness
from test_tui import EXPECTED, WAIT, TuiTestCase

SCREENS = os.path.join(EXPECTED, "screens")
SIZES = ((80, 24), (60, 20), (200, 50))


def updating():
    return "1" in (os.environ.get("LICPORTAL_UPDATE_SCREENS"), os.environ.get("LP_UPDATE_EXPECTED"))


def normalised(screen, port):
    screen = screen.replace(str(port), "PORT")
    screen = re.sub(r"\d{4}-\d{2}-\d{2}", "YYYY-MM-DD", screen)
    screen = re.sub(r"\d\d:\d\d:\d\d", "HH:MM:SS", screen)
    screen = re.sub(r"\b(?:in \d+ (?:d|mo|y)|\d+ (?:d|mo|y) ago|today)\b *",
                    lambda m: "REL".ljust(len(m.group(0))), screen)
    return "\n".join(line.rstrip() for line in screen.splitlines()).rstrip() + "\n"


class ExpectedScreensTest(TuiTestCase):
    licenses_per_user = 24

    def settled(self, t, marker, cols):
        """The normalised screen once it is a whole frame at `cols` columns (the title
        bar's clock ends one or two columns before the edge, which a frame of another size
        never shows), shows `marker`, and two captures in a row agree."""
        previous = None
        deadline = time.monotonic() + WAIT
        screen = ""
        while time.monotonic() < deadline:
            screen = normalised(t.screen(), self.portal.port)
            title = screen.splitlines()[0]
            whole = cols - 2 <= len(title) < cols and title.endswith(" refreshed HH:MM:SS")
            if whole and marker in screen and screen == previous:
                return screen
            previous = screen
            time.sleep(0.1)
        raise AssertionError(f"the screen did not settle on {marker!r}:\n{screen}")

    def assert_screens(self, t, view, marker, sizes=SIZES, ascii_only=False):
        """`view` at every size equals its expected file (or rewrites it when updating)."""
        for cols, lines in sizes:
            name = f"{view}_{cols}x{lines}.txt"
            path = os.path.join(SCREENS, name)
            with self.subTest(screen=name):
                t.resize(cols, lines)
                screen = self.settled(t, marker, cols)
                if updating():
                    os.makedirs(SCREENS, exist_ok=True)
                    with open(path, "w", encoding="utf-8") as f:
                        f.write(screen)
                with open(path, encoding="utf-8") as f:
                    expected = f.read()
                if screen != expected:
                    # A frame caught half drawn: give the terminal a moment to catch up.
                    try:
                        t.wait_for(lambda s: normalised(s, self.portal.port) == expected, name,
                                   timeout=5 * harness.slowdown())
                    except AssertionError:
                        pass
                    screen = normalised(t.screen(), self.portal.port)
                self.maxDiff = None
                self.assertEqual(screen, expected)
                if ascii_only:
                    raw = t.screen().encode("utf-8")
                    self.assertEqual([b for b in raw if b > 0x7F], [], f"{name}: bytes above 0x7F")

    def test_every_view_at_every_size(self):
        t = self.start()
        self.log_in(t)
        self.wait_dashboard(t)
        self.assert_screens(t, "dashboard", "Recent licenses")
        t.keys("M")
        self.assert_screens(t, "message_log", "Messages")
        t.keys("Escape")
        self.wait_dashboard(t)
        t.keys("2")
        self.assert_screens(t, "licenses", "Licenses (")
        t.keys("?")
        self.assert_screens(t, "help", "Cycle the status filter")
        # `/` narrows the list as it is typed; Esc clears the search, a second Esc closes.
        t.keys("/")
        t.text("SORT")
        screen = t.wait_text("reverse-sort")
        self.assertNotIn("status-filter", screen)
        self.assertNotIn("Quit licportal", screen)
        t.keys("Escape")
        t.wait_text("status-filter")
        t.keys("Escape")
        t.wait_for(lambda s: "status-filter" not in s, "the help closed")
        t.keys("Enter")
        self.assert_screens(t, "license_detail", "Renewal")
        t.keys("Escape")
        t.keys("3")
        self.assert_screens(t, "activations", "Activations (")
        t.keys("4")
        self.assert_screens(t, "downloads", "Downloads (")
        t.keys("Enter")
        self.assert_screens(t, "download_detail", "SHA-256")
        t.resize(100, 30)
        self.quit_and_check_terminal(t)

    def test_dashboard_and_licenses_with_lang_c_are_plain_ascii(self):
        t = self.start(extra_env={"LANG": "C"})
        self.log_in(t)
        self.wait_dashboard(t)
        self.assert_screens(t, "dashboard_lang_c", "Recent licenses", ascii_only=True)
        t.keys("2")
        self.assert_screens(t, "licenses_lang_c", "Licenses (", ascii_only=True)
        t.resize(100, 30)
        self.quit_and_check_terminal(t)


if __name__ == "__main__":
    import unittest
    unittest.main()
