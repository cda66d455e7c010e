# Runs the licportal executable against a harness portal, each run in an isolated home.
"""Helpers for the client's integration tests.

CliHome is one isolated user: its own HOME and XDG folders, no Secret Service
(DBUS_SESSION_BUS_ADDRESS points at nothing), and global options that name the
test portal and its CA. `run` uses pipes (stdin/stdout are not terminals);
`run_pty` gives the program a controlling terminal and answers its prompts.
"""

import os
import pty
import re
import select
import shutil
import signal
import subprocess
import tempfile
import time

import harness

DEAD_BUS = "unix:path=/nonexistent/licportal-test-bus"


def licportal():
    return harness.required_binary("LICPORTAL")


class Result:
    def __init__(self, code, out, err, seconds):
        self.code = code
        self.out = out
        self.err = err
        self.seconds = seconds

    def __repr__(self):
        return f"<exit {self.code}; stdout {self.out[:800]!r}; stderr {self.err[:800]!r}>"


class CliHome:
    def __init__(self, portal, store="file", cacert=True):
        self.portal = portal
        self.store = store
        self.cacert = cacert
        self.dir = tempfile.mkdtemp(prefix="licportal-cli-")
        self.config_home = os.path.join(self.dir, "config")
        self.state_home = os.path.join(self.dir, "state")
        self.cache_home = os.path.join(self.dir, "cache")
        self.work = os.path.join(self.dir, "work")
        for d in (self.config_home, self.state_home, self.cache_home, self.work):
            os.makedirs(d)
        self.env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": self.dir,
            "XDG_CONFIG_HOME": self.config_home,
            "XDG_STATE_HOME": self.state_home,
            "XDG_CACHE_HOME": self.cache_home,
            "LANG": "C.UTF-8",
            "DBUS_SESSION_BUS_ADDRESS": DEAD_BUS,
            "TERM": "xterm",
        }

    @property
    def credentials_path(self):
        return os.path.join(self.state_home, "licportal", "credentials")

    def argv(self, args, server=True):
        argv = [licportal(), *args]
        if server:
            argv += ["--server", self.portal.origin]
        if self.cacert:
            argv += ["--cacert", self.portal.ca_file]
        if self.store is not None:
            argv += ["--credential-store", self.store]
        return argv

    def run(self, *args, stdin=None, timeout=60, env=None, server=True, wrapper=()):
        """Runs without a controlling terminal (a new session), stdin a pipe or empty;
        `wrapper` goes in front of the command (e.g. dbus-run-session --)."""
        full_env = dict(self.env, **(env or {}))
        started = time.monotonic()
        proc = subprocess.run([*wrapper, *self.argv(args, server)],
                              input=stdin if stdin is not None else b"", capture_output=True,
                              env=full_env, cwd=self.work, timeout=timeout,
                              start_new_session=True)
        return Result(proc.returncode, proc.stdout.decode("utf-8", "replace"),
                      proc.stderr.decode("utf-8", "replace"), time.monotonic() - started)

    def spawn(self, *args, env=None, stdout=subprocess.PIPE):
        return subprocess.Popen(self.argv(args), env=dict(self.env, **(env or {})), cwd=self.work,
                                stdin=subprocess.DEVNULL, stdout=stdout,
                                stderr=subprocess.PIPE, start_new_session=True)

    def login(self, email="demo1@example.com", password=harness.DEMO_PASSWORD, otp=None):
        args = ["login", "--email", email, "--password-stdin"]
        if otp is not None:
            args += ["--otp", otp]
        return self.run(*args, stdin=(password + "\n").encode())

    def run_pty(self, *args, answers=(), timeout=30, env=None):
        """Runs with a controlling terminal; `answers` is a list of (prompt regex, text)
        typed in order. Returns Result with everything the terminal showed as `out`."""
        argv = self.argv(args)
        full_env = dict(self.env, **(env or {}))
        pid, fd = pty.fork()
        if pid == 0:
            try:
                os.chdir(self.work)
                os.execve(argv[0], argv, full_env)
            finally:
                os._exit(127)
        started = time.monotonic()
        screen = b""
        pending = list(answers)
        search_from = 0
        deadline = started + timeout
        try:
            while time.monotonic() < deadline:
                ready, _, _ = select.select([fd], [], [], 0.1)
                if ready:
                    try:
                        chunk = os.read(fd, 4096)
                    except OSError:
                        chunk = b""
                    if not chunk:
                        break
                    screen += chunk
                shown = screen[search_from:].decode("utf-8", "replace")
                if pending and re.search(pending[0][0], shown):
                    _, text = pending.pop(0)
                    # Only what comes after this prompt counts for the next one.
                    search_from = len(screen)
                    os.write(fd, text.encode() + b"\r")
        finally:
            waited, status = os.waitpid(pid, os.WNOHANG)
            if waited == 0:
                end = time.monotonic() + max(0.0, deadline - time.monotonic())
                while waited == 0 and time.monotonic() < end:
                    time.sleep(0.05)
                    waited, status = os.waitpid(pid, os.WNOHANG)
                if waited == 0:
                    os.kill(pid, signal.SIGKILL)
                    _, status = os.waitpid(pid, 0)
            os.close(fd)
        if os.WIFEXITED(status):
            code = os.WEXITSTATUS(status)
        else:
            code = -os.WTERMSIG(status)
        return Result(code, screen.decode("utf-8", "replace"), "", time.monotonic() - started)

    def cleanup(self):
        shutil.rmtree(self.dir, ignore_errors=True)


class CliTestCase(harness.PortalTestCase):
    """A portal per class; `home()` gives an isolated client home removed after the test."""

    def home(self, store="file", cacert=True):
        home = CliHome(self.portal, store=store, cacert=cacert)
        self.addCleanup(home.cleanup)
        return home

    def logged_in_home(self, email="demo1@example.com", store="file"):
        home = self.home(store)
        res = home.login(email)
        self.assertEqual(res.code, 0, res)
        return home

    def assertExit(self, result, code):
        self.assertEqual(result.code, code, result)

    def assertOneLineError(self, result):
        lines = [l for l in result.err.splitlines() if l.strip()]
        self.assertEqual(len(lines), 1, result)
        self.assertTrue(lines[0].startswith("licportal: "), result)
        return lines[0]
