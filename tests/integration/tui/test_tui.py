# End-to-end tests of the terminal UI: licportal in tmux, keys in, screen text out.
"""Each test starts licportal in a private tmux server (`tmux -L NAME -f /dev/null`) with
isolated HOME and XDG directories, drives it with send-keys and reads the screen with
capture-pane, polling for the expected text with a timeout (never a fixed sleep). The pane
records `stty -g` before and after licportal so that the terminal is known to be restored.
Under LICPORTAL_TEST_WRAPPER (the 'valgrind' suite) licportal runs inside the wrapper, the
waits grow by harness.slowdown(), and each test ends by reading the wrapper's logs.
"""

import fcntl
import hashlib
import os
import re
import shlex
import shutil
import signal
import struct
import subprocess
import tempfile
import termios
import time
import unittest

import harness

HERE = os.path.dirname(os.path.abspath(__file__))
EXPECTED = os.path.join(HERE, "expected")
WAIT = 15.0 * harness.slowdown()
KPI_LABELS = {
    "total_licenses": "Total licenses",
    "active_licenses": "Active licenses",
    "activations_in_use": "Activations in use",
    "expiring_soon": "Expiring soon",
}
_counter = [0]


def action_names():
    """Every action name of the one action table, read from its source."""
    path = os.path.join(harness.source_root(), "src", "tui", "action.h")
    with open(path, encoding="utf-8") as f:
        return re.findall(r'^\s*X\(\w+, "([a-z-]+)",', f.read(), flags=re.MULTILINE)


class Terminal:
    """licportal running in a tmux pane of its own tmux server."""

    def __init__(self, portal, home, args=(), cols=100, lines=30, term="xterm-256color",
                 extra_env=None, cwd=None, wrapper=None):
        _counter[0] += 1
        self.socket = f"lp-tui-{os.getpid()}-{_counter[0]}"
        self.home = home
        self.marks = os.path.join(home, f"marks-{_counter[0]}")
        os.makedirs(self.marks, exist_ok=True)
        env = {
            "HOME": home,
            "XDG_CONFIG_HOME": os.path.join(home, ".config"),
            "XDG_STATE_HOME": os.path.join(home, ".state"),
            "XDG_CACHE_HOME": os.path.join(home, ".cache"),
            "LICPORTAL_SERVER": portal.origin,
            "LANG": "C.UTF-8",
            "TERM": term,
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        }
        for name in ("ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS"):
            if name in os.environ:
                env[name] = os.environ[name]
        env.update(extra_env or {})
        exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
        licportal = harness.required_binary("LICPORTAL")
        argv = [licportal, "--cacert", portal.ca_file] + list(args)
        if wrapper is not None:
            argv = wrapper.wrap(argv)
        before = os.path.join(self.marks, "stty-before")
        after = os.path.join(self.marks, "stty-after")
        status = os.path.join(self.marks, "status")
        script = (f"cd {shlex.quote(cwd or home)}; stty -g > {before}; "
                  f"env -i {exports} {' '.join(shlex.quote(a) for a in argv)}; "
                  f"echo $? > {status}.tmp; stty -g > {after}; mv {status}.tmp {status}; "
                  f"echo EXITED; exec sleep 600")
        self.tmux("new-session", "-d", "-x", str(cols), "-y", str(lines), "sh", "-c", script)

    def tmux(self, *args):
        return subprocess.run(["tmux", "-L", self.socket, "-f", "/dev/null", *args],
                              capture_output=True, text=True, timeout=10, check=True).stdout

    def keys(self, *keys):
        self.tmux("send-keys", *keys)

    def text(self, text):
        self.tmux("send-keys", "-l", text)

    def screen(self, escapes=False):
        args = ["capture-pane", "-p"] + (["-e"] if escapes else [])
        return self.tmux(*args)

    def wait_for(self, predicate, what, timeout=WAIT):
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if predicate(screen):
                return screen
            time.sleep(0.05)
        raise AssertionError(f"timed out waiting for {what}; screen:\n{screen}")

    def wait_text(self, text, timeout=WAIT):
        return self.wait_for(lambda s: text in s, repr(text), timeout)

    def exit_status(self, timeout=WAIT):
        path = os.path.join(self.marks, "status")
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if os.path.exists(path):
                with open(path) as f:
                    return int(f.read().strip())
            time.sleep(0.05)
        raise AssertionError("licportal did not exit; screen:\n" + self.screen())

    def running(self):
        return not os.path.exists(os.path.join(self.marks, "status"))

    def stty(self):
        with open(os.path.join(self.marks, "stty-before")) as f:
            before = f.read().strip()
        with open(os.path.join(self.marks, "stty-after")) as f:
            after = f.read().strip()
        return before, after

    def rss_kib(self):
        """Resident memory of licportal (the pane shell's child), in KiB."""
        shell = self.tmux("display-message", "-p", "#{pane_pid}").strip()
        with open(f"/proc/{shell}/task/{shell}/children") as f:
            child = f.read().split()[0]
        with open(f"/proc/{child}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        raise AssertionError("no VmRSS for licportal")

    def resize(self, cols, lines):
        self.tmux("resize-window", "-x", str(cols), "-y", str(lines))

    def close(self):
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True,
                       timeout=10)


def key_tail(masked):
    """A key as the lists show it: its last group after an ellipsis."""
    return "\u2026" + masked.rsplit("-", 1)[-1]


def kpis_on_screen(screen):
    """The number under (or after) each KPI label."""
    lines = screen.splitlines()
    found = {}
    for key, label in KPI_LABELS.items():
        for i, line in enumerate(lines):
            col = line.find(label)
            if col < 0:
                continue
            rest = line[col + len(label):]
            match = re.match(r"\s*:\s*(\d+)", rest)
            if not match and i + 1 < len(lines):
                match = re.match(r"\s*(\d+)", lines[i + 1][col:])
            if match:
                found[key] = int(match.group(1))
            break
    return found


def masked(screen, portal):
    screen = screen.replace(str(portal.port), "PORT")
    screen = re.sub(r"\d\d:\d\d:\d\d", "HH:MM:SS", screen)
    return "\n".join(line.rstrip() for line in screen.splitlines()).rstrip() + "\n"


class TuiTestCase(harness.PortalTestCase):
    demo_users = 2
    demo_seed = 42

    def setUp(self):
        self.home = tempfile.mkdtemp(prefix="licportal-tui-")
        self.terminals = []
        self.wrapper = harness.ClientWrapper()

    def tearDown(self):
        for t in self.terminals:
            t.close()
        shutil.rmtree(self.home, ignore_errors=True)
        problems = self.wrapper.problems()
        self.wrapper.cleanup(keep=bool(problems))
        if problems:
            self.fail("\n\n".join(problems))

    def start(self, args=("--credential-store", "none"), **kw):
        t = Terminal(self.portal, self.home, args=args, wrapper=self.wrapper, **kw)
        self.terminals.append(t)
        return t

    def log_in(self, t, email="demo1@example.com", password=harness.DEMO_PASSWORD):
        screen = t.wait_text("Log in to")
        # After a first login the profile knows the email: the form opens with it
        # filled in and the cursor in the password field.
        if not re.search(r"Email\s+" + re.escape(email) + r"\s", screen):
            t.keys("C-u")
            t.text(email)
            t.keys("Tab")
        t.text(password)
        t.keys("Enter")

    def wait_dashboard(self, t):
        return t.wait_for(lambda s: len(kpis_on_screen(s)) == 4 and "Recent licenses" in s,
                          "the dashboard with its four KPIs")

    def api_dashboard(self, email="demo1@example.com"):
        resp = self.login(email).get("/dashboard")
        self.assertStatus(resp, 200)
        return resp.json

    def assert_screen_matches(self, t, name):
        """The screen, with the port and the clock masked, equals expected/NAME.
        LP_UPDATE_EXPECTED=1 rewrites the file from the screen instead."""
        path = os.path.join(EXPECTED, name)
        if os.environ.get("LP_UPDATE_EXPECTED") == "1":
            with open(path, "w", encoding="utf-8") as f:
                f.write(masked(t.screen(), self.portal))
        with open(path, encoding="utf-8") as f:
            expected = f.read()
        # The terminal may show a frame half drawn: give it a moment to settle.
        try:
            screen = t.wait_for(lambda s: masked(s, self.portal) == expected, name,
                                timeout=5 * harness.slowdown())
        except AssertionError:
            screen = t.screen()
        self.maxDiff = None
        self.assertEqual(masked(screen, self.portal), expected)

    def quit_and_check_terminal(self, t):
        t.keys("q")
        self.assertEqual(t.exit_status(), 0)
        before, after = t.stty()
        self.assertEqual(before, after, "the terminal settings changed")


class DashboardTest(TuiTestCase):
    def test_login_screen_then_dashboard_kpis_equal_the_api(self):
        t = self.start()
        self.log_in(t)
        api = self.api_dashboard()
        keys = [license["key_masked"] for license in api["recent_licenses"]]
        self.assertEqual(len(keys), 5)
        screen = t.wait_for(lambda s: len(kpis_on_screen(s)) == 4 and all(k in s for k in keys),
                            "the KPIs and the five recent licenses")
        self.assertEqual(kpis_on_screen(screen), {k: api["kpis"][k] for k in KPI_LABELS})
        self.assertIn("demo1@example.com", screen.splitlines()[0])
        self.quit_and_check_terminal(t)
        # The profile learnt the email (the server came from LICPORTAL_SERVER, which
        # the profile does not copy), so the next start opens with it filled in.
        with open(os.path.join(self.home, ".config", "licportal", "config")) as f:
            text = f.read()
        self.assertRegex(text, r"(?m)^email\s*=\s*demo1@example\.com$")
        self.assertNotRegex(text, r"(?m)^server\s*=")
        t = self.start()
        screen = t.wait_text("Log in to")
        self.assertRegex(screen, r"Email\s+demo1@example\.com\s")
        t.keys("Escape")
        self.assertEqual(t.exit_status(), 0)

    def test_wrong_password_is_said_in_words(self):
        t = self.start()
        self.log_in(t, password="not-the-password")
        t.wait_text("Wrong email or password.")
        self.assertNotIn("not-the-password", t.screen())
        self.quit_and_check_terminal_from_login(t)

    def quit_and_check_terminal_from_login(self, t):
        t.keys("Escape")
        self.assertEqual(t.exit_status(), 0)
        before, after = t.stty()
        self.assertEqual(before, after)

    def test_login_and_too_small_screens_match_the_expected_text(self):
        t = self.start()
        t.wait_text("Esc quit")
        self.assert_screen_matches(t, "login_100x30.txt")
        t.resize(30, 8)
        t.wait_text("too small")
        self.assert_screen_matches(t, "too_small_30x8.txt")
        t.resize(100, 30)
        t.wait_text("Log in to")
        self.quit_and_check_terminal_from_login(t)

    def test_the_password_is_never_echoed(self):
        t = self.start()
        t.wait_text("Log in to")
        t.keys("Tab")
        t.text("sekrit-word")
        t.wait_text("********")
        self.assertNotIn("sekrit", t.screen())
        self.quit_and_check_terminal_from_login(t)

    def test_each_quick_action_opens_its_view(self):
        t = self.start()
        self.log_in(t)
        self.wait_dashboard(t)
        for key, title in (("2", "Licenses ("), ("3", "Activations ("), ("4", "Downloads (")):
            t.keys(key)
            t.wait_text(title)
            t.keys("Escape")
            self.wait_dashboard(t)
        self.quit_and_check_terminal(t)

    def test_enter_on_expiring_soon_opens_the_filtered_list(self):
        t = self.start()
        self.log_in(t)
        self.wait_dashboard(t)
        kpis = self.api_dashboard()["kpis"]
        t.keys("Home", "Down", "Down", "Down", "Enter")
        screen = t.wait_text(f"Licenses ({kpis['expiring_soon']})")
        self.assertIn(f"expiring within {kpis['expiring_window_days']} days", screen)
        self.quit_and_check_terminal(t)

    def test_help_lists_the_views_actions_then_the_global_ones(self):
        t = self.start()
        self.log_in(t)
        self.wait_dashboard(t)
        t.keys("2")
        t.wait_text("Licenses (")
        t.keys("?")
        t.wait_text("Keys")
        names = action_names()
        seen, order, last = set(), [], None
        deadline = time.monotonic() + WAIT
        # Scroll a line at a time once the overlay has redrawn, until End is reached.
        while time.monotonic() < deadline:
            screen = t.screen()
            if screen == last:
                break
            last = screen
            # Rows of the overlay: border, keys (18 columns), the action's name, its help.
            for m in (re.match(r"^\s*\S .{18} ([a-z][a-z-]*) ", line)
                      for line in screen.splitlines()):
                if m and m.group(1) in names and m.group(1) not in seen:
                    seen.add(m.group(1))
                    order.append(m.group(1))
            t.keys("PageDown")
            time.sleep(0.3)
        self.assertEqual(order[:2], ["status-filter", "clear-filters"])
        self.assertIn("filter", seen)  # every list's, among the global ones
        self.assertIn("quit", seen)
        self.assertIn("refresh", seen)
        self.assertNotIn("deactivate", seen)  # another view's
        # End and j stay within the list: the overlay stays open.
        t.keys("G", "j", "j")
        time.sleep(0.3)
        self.assertIn("Keys", t.screen())
        t.keys("Escape")
        t.wait_for(lambda s: "Keys" not in s, "the help closed")
        self.quit_and_check_terminal(t)

    def test_help_screen_matches_the_expected_text(self):
        t = self.start()
        self.log_in(t)
        self.wait_dashboard(t)
        t.keys("2")
        t.wait_text("Licenses (")
        t.keys("?")
        t.wait_text("Cycle the status filter")
        self.assert_screen_matches(t, "help_100x30.txt")
        t.keys("Escape")
        self.quit_and_check_terminal(t)

    def test_refresh_changes_the_time_in_the_title_bar(self):
        t = self.start()
        self.log_in(t)
        screen = self.wait_dashboard(t)
        first = re.search(r"refreshed (\d\d:\d\d:\d\d)", screen).group(1)
        deadline = time.monotonic() + 3
        while time.strftime("%H:%M:%S") == first and time.monotonic() < deadline:
            time.sleep(0.05)
        t.keys("r")
        t.wait_for(lambda s: re.search(r"refreshed (\d\d:\d\d:\d\d)", s)
                   and re.search(r"refreshed (\d\d:\d\d:\d\d)", s).group(1) != first,
                   "a new refresh time")
        self.quit_and_check_terminal(t)

    def test_the_prompt_runs_an_action_by_name(self):
        t = self.start()
        self.log_in(t)
        self.wait_dashboard(t)
        t.text(":downloads")
        t.keys("Enter")
        t.wait_text("Downloads (")
        self.quit_and_check_terminal(t)

    def test_resizing_never_crashes_and_says_when_too_small(self):
        t = self.start()
        self.log_in(t)
        self.wait_dashboard(t)
        t.resize(60, 20)
        screen = t.wait_for(lambda s: "Total licenses" in s and "3 Activations" not in s,
                            "the dashboard without its sidebar")
        self.assertRegex(screen.splitlines()[0], r"refreshed \d\d:\d\d:\d\d")
        t.resize(30, 8)
        t.wait_text("too small")
        t.keys("2")
        t.resize(100, 30)
        screen = self.wait_dashboard(t)
        self.assertIn("3 Activations", screen)
        self.assertNotIn("Licenses (", screen)
        self.assertTrue(t.running())
        self.quit_and_check_terminal(t)


class ViewsTest(TuiTestCase):
    def test_mouse_clicks_select_and_open(self):
        t = self.start()
        self.log_in(t)
        screen = self.wait_dashboard(t)
        row = next(i for i, line in enumerate(screen.splitlines()) if "Manage activations" in line)
        col = screen.splitlines()[row].index("Manage activations")
        # An SGR mouse report of a left click (1-based column and row), as xterm sends it.
        t.text(f"\x1b[<0;{col + 2};{row + 1}M\x1b[<0;{col + 2};{row + 1}m")
        t.wait_text("Activations (")
        screen = t.screen()
        row = next(i for i, line in enumerate(screen.splitlines()) if "4 Downloads" in line)
        t.text(f"\x1b[<0;4;{row + 1}M\x1b[<0;4;{row + 1}m")
        t.wait_text("Downloads (")
        self.quit_and_check_terminal(t)

    def test_the_full_key_shows_only_after_the_reveal_key(self):
        api = self.login()
        first = api.get("/licenses", headers=None).json["items"][0]
        t = self.start()
        self.log_in(t)
        self.wait_dashboard(t)
        t.keys("2")
        # Lists show a key by its last group; the full mask is the detail's.
        t.wait_for(lambda s: "Licenses (" in s and key_tail(first["key_masked"]) in s,
                   "the license list")
        self.assertNotIn(first["key_masked"], t.screen())
        t.keys("Enter")
        screen = t.wait_text("reveals the full key")
        self.assertIn(first["key_masked"], screen)
        full = api.post(f"/licenses/{first['id']}/reveal").json["key"]
        self.assertNotIn(full, screen)
        t.keys("v")
        t.wait_text(full)
        self.quit_and_check_terminal(t)

    def test_renewal_url_is_copied_with_osc52_and_shown_as_a_qr_code(self):
        api = self.login()
        detail = None
        for summary in api.list_all("/licenses", {"status": "active"})[0]:
            candidate = api.get(f"/licenses/{summary['id']}").json
            if len(candidate["renewal"]["options"]) >= 2:
                detail = candidate
                break
        self.assertIsNotNone(detail, "the demo data has a license with two renewal options")
        t = self.start()
        t.tmux("set-option", "-g", "set-clipboard", "on")
        self.log_in(t)
        self.wait_dashboard(t)
        t.keys("2")
        t.wait_text("Licenses (")
        t.keys("/")
        t.text(detail["key_masked"][-4:])
        t.keys("Enter")
        t.wait_text("Licenses (1)")
        t.keys("Enter")
        t.wait_text("QR code")
        t.keys("n", "y")
        t.wait_text("Checkout URL copied.")
        def clipboard():
            try:
                return t.tmux("show-buffer").strip()
            except subprocess.CalledProcessError:
                return ""  # no buffer yet

        deadline = time.monotonic() + WAIT
        while clipboard() != detail["renewal"]["options"][1]["checkout_url"]:
            self.assertLess(time.monotonic(), deadline, "the clipboard never got the URL")
            time.sleep(0.05)
        t.keys("Q")
        screen = t.wait_text("Scan to renew")
        self.assertGreater(screen.count("\u2588"), 50)
        t.keys("x")
        t.wait_text("next option")
        self.quit_and_check_terminal(t)

    def test_a_download_lands_in_the_current_directory_with_its_checksum(self):
        api = self.login()
        newest = api.get("/downloads").json["items"][0]
        t = self.start()
        self.log_in(t)
        self.wait_dashboard(t)
        t.keys("4")
        t.wait_text("Downloads (")
        t.keys("Enter")
        t.wait_text(newest["sha256"])
        t.keys("D")
        t.wait_text("Save to:")
        t.keys("Enter")
        screen = t.wait_text("Saved")
        t.wait_text("100%")
        path = os.path.join(self.home, os.path.basename(newest["filename"]))
        with open(path, "rb") as f:
            self.assertEqual(hashlib.sha256(f.read()).hexdigest(), newest["sha256"])
        self.quit_and_check_terminal(t)

    def test_without_a_keyring_the_session_can_be_kept_in_a_file(self):
        t = self.start(args=("--credential-store", "auto"))
        t.wait_text("Remember this login in a file")
        t.wait_text("Log in to")
        t.text("demo1@example.com")
        t.keys("Tab")
        t.text(harness.DEMO_PASSWORD)
        t.keys("Tab", "Space")
        t.wait_text("[x] Remember")
        t.keys("Enter")
        self.wait_dashboard(t)
        self.quit_and_check_terminal(t)
        with open(os.path.join(self.home, ".config", "licportal", "config")) as f:
            self.assertRegex(f.read(), r"credential_store\s*=\s*file")
        creds = os.path.join(self.home, ".state", "licportal", "credentials")
        self.assertEqual(os.stat(creds).st_mode & 0o777, 0o600)
        # The next run finds the session and skips the login screen.
        t = self.start(args=())
        self.wait_dashboard(t)
        self.quit_and_check_terminal(t)


class TwoFactorTest(TuiTestCase):
    OTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"

    @classmethod
    def prepare(cls, portal):
        portal.add_user("otp@example.com", name="Otp User", otp_secret=cls.OTP_SECRET)

    def test_the_one_time_code_is_asked_for_when_the_server_wants_it(self):
        t = self.start()
        self.log_in(t, email="otp@example.com", password=harness.ADDED_PASSWORD)
        t.wait_text("enter the one-time code")
        t.wait_text("One-time code")
        t.text("000000" if harness.totp(self.OTP_SECRET) != "000000" else "111111")
        t.keys("Enter")
        t.wait_text("not accepted")
        t.text(harness.totp(self.OTP_SECRET))
        t.keys("Enter")
        screen = self.wait_dashboard(t)
        self.assertIn("Otp User", screen.splitlines()[0])
        self.quit_and_check_terminal(t)


class KeyBindingsTest(TuiTestCase):
    def test_the_keys_section_rebinds_an_action(self):
        config_dir = os.path.join(self.home, ".config", "licportal")
        os.makedirs(config_dir, exist_ok=True)
        with open(os.path.join(config_dir, "config"), "w", encoding="utf-8") as f:
            f.write("[keys]\nquit = x, C-q\nview-all-licenses = L\n")
        t = self.start()
        self.log_in(t)
        self.wait_dashboard(t)
        t.wait_text("L licenses")  # the hints follow the bindings
        t.keys("L")
        t.wait_text("Licenses (")
        t.keys("q")  # no longer bound: nothing happens
        t.keys("?")
        t.wait_for(lambda s: re.search(r"x, C-q\s+quit", s), "quit listed with its new keys")
        t.keys("Escape")
        t.wait_for(lambda s: "Keys" not in s, "the help closed")
        self.assertTrue(t.running())
        t.keys("x")
        self.assertEqual(t.exit_status(), 0)
        before, after = t.stty()
        self.assertEqual(before, after)


class RefusedSessionTest(TuiTestCase):
    access_ttl = 1
    refresh_ttl = 2

    def test_a_refused_session_goes_back_to_the_login_screen(self):
        t = self.start()
        self.log_in(t)
        self.wait_dashboard(t)
        # Each refresh rotates the refresh token: only idleness lets the session run out.
        time.sleep(self.refresh_ttl + 1.5)
        t.keys("r")
        screen = t.wait_text("please log in again")
        self.assertIn("demo1@example.com", screen)
        t.text(harness.DEMO_PASSWORD)
        t.keys("Enter")
        self.wait_dashboard(t)
        self.quit_and_check_terminal(t)


class SlowServerTest(TuiTestCase):
    def test_a_spinner_shows_keys_keep_working_and_esc_cancels(self):
        t = self.start()
        self.log_in(t)
        self.wait_dashboard(t)
        server = self.portal._server
        os.kill(server.pid, signal.SIGSTOP)  # requests now hang until SIGCONT
        try:
            t.keys("2")
            t.wait_text("Loading (Esc cancels)")
            frames = set()
            deadline = time.monotonic() + WAIT
            while len(frames) < 2 and time.monotonic() < deadline:
                match = re.search(r"(\S) Loading \(Esc cancels\)", t.screen())
                if match:
                    frames.add(match.group(1))
                time.sleep(0.03)
            self.assertGreaterEqual(len(frames), 2, "the spinner turns")
            t.keys("?")
            t.wait_text("Keys")
            t.keys("Escape")
            t.wait_for(lambda s: "Keys" not in s, "the help closed")
            t.keys("Escape")
            screen = t.wait_text("Cancelled.")
            self.assertNotIn("Loading", screen)
            self.assertIn("Not loaded", screen)
        finally:
            os.kill(server.pid, signal.SIGCONT)
        t.keys("r")
        t.wait_text("Licenses (")
        self.quit_and_check_terminal(t)


class FirstFrameTest(TuiTestCase):
    """With a stored session the dashboard request starts before the terminal is set up."""

    def stored_session(self):
        t = self.start(args=("--credential-store", "file"))
        self.log_in(t)
        self.wait_dashboard(t)
        self.quit_and_check_terminal(t)

    def first_paint_output(self):
        """Everything licportal writes to an 80x24 pseudo-terminal until its first complete
        dashboard (LICPORTAL_EXIT_AFTER_FIRST_PAINT=1), and its exit status."""
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        env = {
            "HOME": self.home,
            "XDG_CONFIG_HOME": os.path.join(self.home, ".config"),
            "XDG_STATE_HOME": os.path.join(self.home, ".state"),
            "XDG_CACHE_HOME": os.path.join(self.home, ".cache"),
            "LICPORTAL_SERVER": self.portal.origin,
            "LICPORTAL_EXIT_AFTER_FIRST_PAINT": "1",
            "LANG": "C.UTF-8",
            "TERM": "xterm-256color",
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        }
        argv = [harness.required_binary("LICPORTAL"), "--cacert", self.portal.ca_file,
                "--credential-store", "file"]
        proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env,
                                cwd=self.home, start_new_session=True)
        os.close(slave)
        chunks = []
        try:
            while True:
                try:
                    data = os.read(master, 65536)
                except OSError:  # EIO: the terminal's last holder closed it
                    break
                if not data:
                    break
                chunks.append(data)
            status = proc.wait(timeout=WAIT)
        finally:
            os.close(master)
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        return b"".join(chunks).decode("utf-8", errors="replace"), status

    @unittest.skipIf(harness.slowdown() > 1, "a matter of timing: not under a slow wrapper")
    def test_a_quick_answer_is_painted_without_a_loading_frame_first(self):
        self.stored_session()
        outputs = []
        # A loaded machine may now and then take longer than the grace period.
        for _ in range(3):
            output, status = self.first_paint_output()
            self.assertEqual(status, 0, output)
            self.assertIn("Recent licen", output)
            outputs.append(output)
            if "(loading)" not in output:
                return
        self.fail("every first frame was the loading frame:\n" + outputs[-1])

    def test_a_slow_answer_shows_the_loading_frame_until_the_dashboard_comes(self):
        self.stored_session()
        server = self.portal._server
        os.kill(server.pid, signal.SIGSTOP)  # the request now hangs until SIGCONT
        try:
            t = self.start(args=("--credential-store", "file"))
            # Both bars of the loading frame: a slowed-down client may be caught mid-frame.
            screen = t.wait_for(lambda s: "Dashboard (loading)" in s
                                and "Loading (Esc cancels)" in s, "the loading frame")
            self.assertNotIn("Log in to", screen)
        finally:
            os.kill(server.pid, signal.SIGCONT)
        self.wait_dashboard(t)
        self.quit_and_check_terminal(t)


class TerminalKindsTest(TuiTestCase):
    def run_with(self, term, extra_env=None):
        t = self.start(term=term, extra_env=extra_env)
        self.log_in(t)
        self.wait_dashboard(t)
        escapes = t.screen(escapes=True)
        self.quit_and_check_terminal(t)
        return escapes

    def test_xterm_256color(self):
        escapes = self.run_with("xterm-256color")
        self.assertRegex(escapes, r"\x1b\[[0-9;]*38;5;\d+")

    def test_screen(self):
        self.run_with("screen")

    def test_vt100(self):
        self.run_with("vt100")

    def test_no_color_draws_with_attributes_only(self):
        escapes = self.run_with("xterm-256color", {"NO_COLOR": "1"})
        self.assertNotRegex(escapes, r"\x1b\[[0-9;]*(3[0-7]|38;5;\d+|4[0-7]|48;5;\d+)[;m]")
        self.assertIn("\x1b[7m", escapes)  # reverse video marks the bars


class ActivationsTest(TuiTestCase):
    def test_a_deactivation_through_the_api_shows_on_refresh(self):
        api = self.login()
        items, _ = api.list_all("/activations")
        t = self.start()
        self.log_in(t)
        self.wait_dashboard(t)
        t.keys("3")
        t.wait_text(f"Activations ({len(items)})")
        gone = items[0]
        self.assertStatus(api.delete(f"/activations/{gone['id']}"), 204)
        t.keys("r")
        t.wait_text(f"Activations ({len(items) - 1})")
        t.keys("1")
        # The last dashboard stays on screen until the fresh one arrives.
        t.wait_for(lambda s: kpis_on_screen(s).get("activations_in_use") == len(items) - 1,
                   "the dashboard counting one activation less")
        self.quit_and_check_terminal(t)



class DeactivationTest(TuiTestCase):
    demo_users = 1

    def activation_where(self, allowed):
        """(index in the list, item) of an activation whose license allows (or not)
        self-service deactivation; the flag is not in the API, so ask the database."""
        rows = self.portal.sql(
            "SELECT a.id FROM activations a JOIN licenses l ON l.id = a.license_id "
            "WHERE l.allow_deactivation = ?", (1 if allowed else 0,))
        ids = {f"act_{row[0]}" for row in rows}
        items, _ = self.login().list_all("/activations")
        for index, item in enumerate(items):
            if item["id"] in ids:
                return index, item, len(items)
        self.fail(f"the demo data has no activation with allow_deactivation={allowed}")

    def select_row(self, t, index, total):
        t.keys("g")
        t.wait_text(f" 1/{total}")
        for _ in range(index):
            t.keys("j")
        t.wait_text(f" {index + 1}/{total}")

    def test_deactivating_asks_then_removes_the_row_and_lowers_the_kpi(self):
        index, item, total = self.activation_where(allowed=True)
        t = self.start()
        self.log_in(t)
        in_use = kpis_on_screen(self.wait_dashboard(t))["activations_in_use"]
        t.keys("3")
        t.wait_text(f"Activations ({total})")
        self.select_row(t, index, total)
        t.keys("d")
        t.wait_text(f"Deactivate {item['kind']} {item['name']}")
        t.keys("n")
        t.wait_for(lambda s: "y yes   n no" not in s, "the question gone")
        self.assertEqual(len(self.login().list_all("/activations")[0]), total)
        t.keys("d")
        t.wait_text("y yes   n no")
        t.keys("y")
        t.wait_text(f"Deactivated {item['kind']} {item['name']}")
        t.wait_text(f"Activations ({total - 1})")
        self.assertEqual(len(self.login().list_all("/activations")[0]), total - 1)
        t.keys("1")
        t.wait_for(lambda s: kpis_on_screen(s).get("activations_in_use") == in_use - 1,
                   "the KPI one lower")
        self.quit_and_check_terminal(t)

    def test_a_refused_deactivation_is_said_in_words_and_changes_nothing(self):
        index, item, total = self.activation_where(allowed=False)
        t = self.start()
        self.log_in(t)
        self.wait_dashboard(t)
        t.keys("3")
        t.wait_text(f"Activations ({total})")
        self.select_row(t, index, total)
        t.keys("DC")  # tmux's name for the Delete key
        t.wait_text("y yes   n no")
        t.keys("y")
        screen = t.wait_text("does not allow self-service deactivation")
        self.assertIn(f"Activations ({total})", screen)
        self.assertIn(item["name"][:12], screen)
        self.assertEqual(len(self.login().list_all("/activations")[0]), total)
        self.quit_and_check_terminal(t)


class OfflineTest(TuiTestCase):
    def test_stored_session_skips_login_and_offline_shows_the_snapshot(self):
        # The demo has a license lapsing as the data is made: let it lapse before the KPIs
        # seen online are compared with the snapshot written by a later fetch.
        harness.settle_expiry(self.login())
        t = self.start(args=("--credential-store", "file"))
        self.log_in(t)
        online = kpis_on_screen(self.wait_dashboard(t))
        self.quit_and_check_terminal(t)

        # A stored session goes straight to the dashboard, and the first-paint switch exits.
        t = self.start(args=("--credential-store", "file"),
                       extra_env={"LICPORTAL_EXIT_AFTER_FIRST_PAINT": "1"})
        self.assertEqual(t.exit_status(), 0)

        self.portal.stop()
        try:
            t = self.start(args=("--credential-store", "file"))
            screen = t.wait_text("offline, as of")
            self.assertNotIn("Log in to", screen)
            self.assertEqual(kpis_on_screen(screen), online)
            self.quit_and_check_terminal(t)
        finally:
            self.portal.start()
        cache = os.path.join(self.home, ".cache", "licportal")
        for name in os.listdir(cache):
            with open(os.path.join(cache, name), encoding="utf-8") as f:
                text = f.read()
            self.assertNotIn("token", text)
            self.assertNotRegex(text, r'"key"\s*:')


if __name__ == "__main__":
    unittest.main()
