# The first frame as a terminal shows it: licportal's output rendered by pyte into an 80x24
# screen, so that the checks are about cells and their attributes, not escape sequences.
import re

import pyte

import test_tui


def render(output, columns=80, lines=24):
    screen = pyte.Screen(columns, lines)
    pyte.Stream(screen).feed(output)
    return screen


def row_text(screen, y):
    return "".join(screen.buffer[y][x].data for x in range(screen.columns))


def find(screen, pattern, columns=None):
    """(y, x) of the first match of the regular expression, within the first `columns`."""
    for y in range(screen.lines):
        match = re.search(pattern, row_text(screen, y)[:columns])
        if match:
            return y, match.start()
    return None


def style(screen, at):
    cell = screen.buffer[at[0]][at[1]]
    return cell.fg, cell.bg, cell.bold, cell.reverse


class RenderedFirstFrameTest(test_tui.TuiTestCase):
    """The complete first dashboard (LICPORTAL_EXIT_AFTER_FIRST_PAINT=1) on a stored session."""

    stored_session = test_tui.FirstFrameTest.stored_session
    first_paint_output = test_tui.FirstFrameTest.first_paint_output

    def frame(self):
        self.stored_session()
        output, status = self.first_paint_output()
        self.assertEqual(status, 0, output)
        screen = render(output)
        self.assertIsNotNone(find(screen, "Recent licen"), "\n".join(screen.display))
        return screen

    def test_the_header_fits_80_columns_with_the_clock_at_the_right_edge(self):
        screen = self.frame()
        header = row_text(screen, 0)
        self.assertIn("Demo User 1 <demo1@example.com>", header)
        self.assertRegex(header, r" refreshed \d\d:\d\d:\d\d $")
        # What is left of the server's URL is its beginning, cut with an ellipsis.
        shown = re.search(r"https://[^ …]*", header).group(0)
        self.assertTrue(self.portal.origin.startswith(shown), header)
        if shown != self.portal.origin:
            self.assertIn(shown + "…", header)
        # The title bar is one role from edge to edge: every cell of the row alike.
        self.assertEqual(len({style(screen, (0, x)) for x in range(screen.columns)}), 1)

    def test_the_current_view_stands_out_in_the_sidebar(self):
        screen = self.frame()
        current = find(screen, r"\bDashboard\b", columns=18)
        other = find(screen, r"\bLicenses\b", columns=18)
        self.assertIsNotNone(current, "\n".join(screen.display))
        self.assertIsNotNone(other, "\n".join(screen.display))
        self.assertNotEqual(style(screen, current), style(screen, other))
        self.assertTrue(style(screen, current)[2], "the current view is bold")

    def test_the_kpi_boxes_show_the_api_numbers_below_their_labels(self):
        kpis = self.login("demo1@example.com").get("/dashboard").json["kpis"]
        screen = self.frame()
        for label, key in (("Total licenses", "total_licenses"),
                           ("Active licenses", "active_licenses"),
                           ("Activations in use", "activations_in_use")):
            with self.subTest(label=label):
                at = find(screen, label)
                self.assertIsNotNone(at, "\n".join(screen.display))
                below = row_text(screen, at[0] + 1)[at[1]:at[1] + 20].split()
                self.assertEqual(below[:1], [str(kpis[key])])
