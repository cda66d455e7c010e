# End-to-end tests of what power users expect of the terminal UI: place kept, the terminal's own keys.
"""licportal in tmux against a real licportald, as in test_tui.py: the selected row survives
Back and refresh, Ctrl-L repairs the screen, Ctrl-Z suspends to the shell and `fg` resumes,
a terminal without cursor addressing is refused, and without UTF-8 nothing above ASCII is
drawn."""

import hashlib
import os
import re
import shlex
import signal
import subprocess
import sys
import time

import harness
from test_tui import WAIT, TuiTestCase

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "cli"))
from slow_proxy import SlowProxy  # noqa: E402


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


class TerminalTest(TuiTestCase):
    def licportal_pid(self, t):
        shell = t.tmux("display-message", "-p", "#{pane_pid}").strip()
        with open(f"/proc/{shell}/task/{shell}/children") as f:
            return int(f.read().split()[0])

    def test_ctrl_l_repairs_the_screen_after_another_program_wrote_to_it(self):
        t = self.start()
        self.log_in(t)
        self.wait_dashboard(t)
        tty = t.tmux("display-message", "-p", "#{pane_tty}").strip()
        with open(tty, "w") as f:
            f.write("\033[5;5HGARBAGE-FROM-ELSEWHERE\033[12;30HMORE-GARBAGE")
        t.wait_text("GARBAGE-FROM-ELSEWHERE")
        t.keys("C-l")
        t.wait_for(lambda s: "GARBAGE" not in s and "Recent licenses" in s, "the screen repaired")
        self.quit_and_check_terminal(t)

    def test_sigterm_and_sighup_give_the_terminal_back(self):
        for sig, status in ((signal.SIGTERM, 128 + signal.SIGTERM),
                            (signal.SIGHUP, 128 + signal.SIGHUP)):
            with self.subTest(signal=sig.name):
                t = self.start()
                self.log_in(t)
                self.wait_dashboard(t)
                os.kill(self.licportal_pid(t), sig)
                self.assertEqual(t.exit_status(), status)
                before, after = t.stty()
                self.assertEqual(before, after, "the terminal settings changed")

    def test_a_terminal_without_cursor_addressing_is_refused_with_a_pointer(self):
        t = self.start(term="dumb")
        self.assertEqual(t.exit_status(), 2)
        screen = t.screen()
        self.assertIn("cannot move the cursor", screen)
        self.assertIn("licportal --help", screen)

    def test_without_utf8_nothing_above_ascii_reaches_the_screen(self):
        t = self.start(term="screen", cols=80, lines=24, extra_env={"LANG": "C", "LC_ALL": "C"})
        self.log_in(t)
        self.wait_dashboard(t)
        for keys, text in (("", "Recent licenses"), ("2", "Licenses ("), ("3", "Activations ("),
                           ("4", "Downloads ("), ("?", "Keys")):
            if keys:
                t.keys(keys)
            screen = t.wait_text(text)
            raw = t.tmux("capture-pane", "-p", "-e").encode("utf-8", "surrogateescape")
            self.assertEqual([b for b in raw if b > 0x7F], [], f"{text}: bytes above 0x7F")
            title = screen.splitlines()[0]
            self.assertIn("refreshed", title)
            if keys == "2":
                self.assertRegex(screen, r"\.\.\.\w{4} ")  # the key's last group
            if keys == "?":
                t.keys("Escape")
        self.quit_and_check_terminal(t)


class SuspendTest(TuiTestCase):
    def test_ctrl_z_suspends_to_an_interactive_shell_and_fg_resumes(self):
        """licportal started from an interactive shell with job control, in a tmux of its own."""
        socket = f"lp-tui-job-{os.getpid()}"
        env = {
            "HOME": self.home, "XDG_CONFIG_HOME": os.path.join(self.home, ".config"),
            "XDG_STATE_HOME": os.path.join(self.home, ".state"),
            "XDG_CACHE_HOME": os.path.join(self.home, ".cache"),
            "LICPORTAL_SERVER": self.portal.origin, "LANG": "C.UTF-8", "TERM": "xterm-256color",
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"), "PS1": "SHELL-READY$ ",
        }
        exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
        shell = subprocess.run(["tmux", "-L", socket, "-f", "/dev/null", "new-session",
                                "-d", "-x", "100", "-y", "30",
                                f"env -i {exports} bash --norc --noprofile -i"],
                               capture_output=True, text=True, timeout=10)
        self.assertEqual(shell.returncode, 0, shell.stderr)

        def tmux(*args):
            return subprocess.run(["tmux", "-L", socket, "-f", "/dev/null", *args],
                                  capture_output=True, text=True, timeout=10, check=True).stdout

        def wait(predicate, what):
            deadline = time.monotonic() + WAIT
            screen = ""
            while time.monotonic() < deadline:
                screen = tmux("capture-pane", "-p")
                if predicate(screen):
                    return screen
                time.sleep(0.05)
            raise AssertionError(f"timed out waiting for {what}; screen:\n{screen}")

        try:
            wait(lambda s: "SHELL-READY$" in s, "the shell prompt")
            argv = [harness.required_binary("LICPORTAL"), "--cacert", self.portal.ca_file,
                    "--credential-store", "none"]
            tmux("send-keys", "-l", " ".join(shlex.quote(a) for a in argv))
            tmux("send-keys", "Enter")
            wait(lambda s: "Log in to" in s, "the login screen")
            tmux("send-keys", "-l", "demo1@example.com")
            tmux("send-keys", "Tab")
            tmux("send-keys", "-l", harness.DEMO_PASSWORD)
            tmux("send-keys", "Enter")
            wait(lambda s: "Recent licenses" in s, "the dashboard")
            tmux("send-keys", "C-z")
            screen = wait(lambda s: "Stopped" in s and s.rstrip().endswith("SHELL-READY$"),
                          "the shell with licportal stopped")
            self.assertNotIn("Recent licenses", screen.splitlines()[-1])
            tmux("send-keys", "-l", "fg")
            tmux("send-keys", "Enter")
            wait(lambda s: "Recent licenses" in s and "licportal |" in s, "the dashboard again")
            tmux("send-keys", "q")
            wait(lambda s: s.rstrip().endswith("SHELL-READY$") and "Recent licenses" not in s,
                 "the shell after quitting")
        finally:
            subprocess.run(["tmux", "-L", socket, "kill-server"], capture_output=True,
                           timeout=10)


class DeadServerTest(TuiTestCase):
    def test_a_dead_server_is_said_in_the_title_and_its_error_kept_in_the_log(self):
        t = self.start()
        self.log_in(t)
        screen = self.wait_dashboard(t)
        self.assertIn("refreshed", screen.splitlines()[0])
        self.portal.stop()  # the server goes away for good
        t.keys("r")
        screen = t.wait_text("offline since")
        self.assertNotIn("refreshed", screen.splitlines()[0])
        self.assertIn("Recent licenses", screen)  # the view keeps its data
        t.keys("M")
        screen = t.wait_text("Messages (")
        self.assertRegex(screen, r"\d\d:\d\d:\d\d")
        t.keys("Escape")
        t.wait_for(lambda s: "Messages (" not in s, "the log closed")
        self.quit_and_check_terminal(t)


class ManyAtOnceTest(TuiTestCase):
    def test_marked_activations_go_after_one_question_and_failures_are_reported(self):
        api = self.login()
        before, _ = api.list_all("/activations")
        t = self.start()
        self.log_in(t)
        self.wait_dashboard(t)
        t.keys("3")
        t.wait_text(f"Activations ({len(before)})")
        t.keys("Space", "Space", "Space")
        t.wait_for(lambda s: s.count("* ") >= 3, "three rows marked")
        t.keys("d")
        screen = t.wait_text("y yes")
        self.assertRegex(screen, r"Deactivate 3 activations of \d licenses?")
        t.keys("y")
        screen = t.wait_for(lambda s: "Deactivated " in s, "the outcome")
        after, _ = api.list_all("/activations")
        gone = len(before) - len(after)
        match = re.search(r"Deactivated (\d+)", screen)
        self.assertEqual(int(match.group(1)), gone)
        if gone < 3:
            self.assertIn("failed and stay marked", screen)
        self.quit_and_check_terminal(t)

    def test_read_only_refuses_a_deactivation(self):
        api = self.login()
        before, _ = api.list_all("/activations")
        t = self.start(args=("--credential-store", "none", "--read-only"))
        self.log_in(t)
        self.wait_dashboard(t)
        t.keys("3")
        t.wait_text(f"Activations ({len(before)})")
        t.keys("d")
        t.wait_text("Read-only")
        self.assertNotIn("y yes", t.screen())
        self.assertEqual(len(api.list_all("/activations")[0]), len(before))
        self.quit_and_check_terminal(t)


class CommandsAndMouseTest(TuiTestCase):
    def mouse_reported(self, t):
        flags = t.tmux("display-message", "-p",
                       "#{mouse_standard_flag}#{mouse_button_flag}#{mouse_any_flag}").strip()
        return "1" in flags

    def test_m_switches_mouse_reporting_and_the_profile_can_start_without(self):
        t = self.start()
        self.log_in(t)
        self.wait_dashboard(t)
        self.assertTrue(self.mouse_reported(t))
        t.keys("m")
        t.wait_text("Mouse off")
        t.wait_for(lambda s: not self.mouse_reported(t), "mouse reporting off")
        self.quit_and_check_terminal(t)
        config = os.path.join(self.home, ".config", "licportal", "config")
        with open(config, "a", encoding="utf-8") as f:
            f.write("\n[profile default]\nmouse = false\n")
        t = self.start()
        self.log_in(t)
        self.wait_dashboard(t)
        self.assertFalse(self.mouse_reported(t))
        self.quit_and_check_terminal(t)

    def test_colon_commands_take_arguments_complete_with_tab_and_recall_with_up(self):
        t = self.start()
        self.log_in(t)
        self.wait_dashboard(t)
        t.keys(":")
        t.text("sta")
        t.keys("Tab")
        t.wait_text("status-filter")  # the candidates are shown
        t.text(" exp")
        t.keys("Tab")
        t.wait_text(":status expired_")
        t.keys("Enter")
        t.wait_text("status: expired")
        t.keys(":", "Up")
        t.wait_text(":status expired_")
        t.keys("Escape")
        download = self.login().get("/downloads").json["items"][0]
        t.keys(":")
        t.text(f"download {download['id']}")
        t.keys("Enter")
        t.wait_text(download["sha256"])
        t.wait_text("Save to: " + os.path.basename(download["filename"]))
        t.keys("Escape")
        self.quit_and_check_terminal(t)


class DownloadDestinationTest(TuiTestCase):
    def test_the_profiles_folder_is_offered_and_the_download_goes_on_while_browsing(self):
        api = self.login()
        newest = api.get("/downloads").json["items"][0]
        folder = os.path.join(self.home, "fetched")
        os.makedirs(folder)
        config = os.path.join(self.home, ".config", "licportal")
        os.makedirs(config, exist_ok=True)
        with open(os.path.join(config, "config"), "a", encoding="utf-8") as f:
            f.write(f"[profile default]\ndownload_dir = {folder}\n")
        t = self.start()
        self.log_in(t)
        self.wait_dashboard(t)
        t.keys("4")
        t.wait_text("Downloads (")
        t.keys("Enter")
        t.wait_text(newest["sha256"])
        t.keys("D")
        target = os.path.join(folder, os.path.basename(newest["filename"]))
        t.wait_text(f"Save to: {target}")
        t.keys("Enter", "Escape")  # keeps going while you browse
        deadline = time.monotonic() + WAIT
        while not os.path.exists(target):
            self.assertLess(time.monotonic(), deadline, "the file never arrived")
            time.sleep(0.05)
        t.keys("M")  # the outcome is kept in the log
        screen = t.wait_text("(SHA-256 verified)")
        self.assertIn(os.path.basename(target), screen)
        with open(target, "rb") as f:
            self.assertEqual(hashlib.sha256(f.read()).hexdigest(), newest["sha256"])
        t.keys("Escape")
        t.wait_for(lambda s: "Messages (" not in s, "the log closed")
        self.quit_and_check_terminal(t)

    def test_a_slow_download_shows_its_progress_in_the_title_while_browsing(self):
        api = self.login()
        items, _ = api.list_all("/downloads")
        item = max(items, key=lambda d: d["size_bytes"])
        index = items.index(item)
        proxy = SlowProxy(rate=16 * 1024)
        try:
            t = self.start(extra_env={"HTTPS_PROXY": proxy.url})
            self.log_in(t)
            self.wait_dashboard(t)
            t.keys("4")
            t.wait_text(f"Downloads ({len(items)})")
            t.keys(*["Down"] * index, "Enter")
            t.wait_text(item["sha256"])
            t.keys("D")
            t.wait_text("Save to:")
            t.keys("Enter", "Escape", "1")  # back to the dashboard while it runs
            t.wait_for(lambda s: re.search(r"download \d+% \|", s.splitlines()[0]),
                       "the progress in the title bar")
            t.keys("q")
            t.wait_text("A download is running")
            t.keys("y")
            self.assertEqual(t.exit_status(), 0)
        finally:
            proxy.close()
