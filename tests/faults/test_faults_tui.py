# The terminal UI against hostile server text: injected sequences never reach the terminal.
import fcntl
import os
import pty
import re
import select
import signal
import struct
import sys
import termios
import time
import unittest

from faults_support import FaultTestCase

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "integration"))
import harness  # noqa: E402

# What an injected sequence would leave in the byte stream if it got through:
# the OSC 52 clipboard payload, the OSC 0 title, the OSC 8 link target, C1
# controls as UTF-8, BiDi embeddings/overrides/isolates and marks.
LEAKS = re.compile(rb"ZXZpbA|\x1b\]52;|\x1b\]0;owned|evil\.example|\xc2[\x80-\x9f]"
                   rb"|\xe2\x80[\x8e\x8f\xaa-\xae]|\xe2\x81[\xa6-\xa9]|\xd8\x9c")
# Views by key, then a license's detail (Enter in the license list), then back.
KEYS = [b"2", b"\r", b"\x1b", b"3", b"4", b"1"]
# How long a quit may take before the client is killed: under a wrapper, valgrind's leak
# check runs after the program's own exit.
EXIT_WAIT = 5.0


class TuiHostileText(FaultTestCase):
    def run_tui(self, fault, wrapper):
        self.server.fault = fault
        client = self.client()
        argv = wrapper.wrap(client.argv([]))
        slowdown = harness.slowdown()
        pid, fd = pty.fork()
        if pid == 0:
            try:
                os.chdir(client.work)
                os.execve(argv[0], argv, client.env)
            finally:
                os._exit(127)
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
        screen = b""

        def pump(seconds):
            """Reads for `seconds`; a slowed-down client gets up to `slowdown` times that,
            until it has been quiet for `seconds` after drawing something."""
            nonlocal screen
            start = time.monotonic()
            end = start + seconds * slowdown
            last_output = None
            while time.monotonic() < end:
                if time.monotonic() - (last_output or start) >= seconds \
                        and (last_output is not None or slowdown == 1.0):
                    break
                ready, _, _ = select.select([fd], [], [], 0.05)
                if ready:
                    try:
                        chunk = os.read(fd, 65536)
                    except OSError:
                        return False
                    if not chunk:
                        return False
                    screen += chunk
                    last_output = time.monotonic()
            return True

        try:
            alive = pump(3)
            for key in KEYS:
                if alive:
                    os.write(fd, key)
                    alive = pump(1.5)
            if alive:
                os.write(fd, b"q")
                alive = pump(0.5)
            if alive:
                os.write(fd, b"y")
                pump(1)
            end = time.monotonic() + EXIT_WAIT * slowdown
            waited, status = os.waitpid(pid, os.WNOHANG)
            while waited == 0 and time.monotonic() < end:
                time.sleep(0.05)
                waited, status = os.waitpid(pid, os.WNOHANG)
            if waited == 0:
                wrapper.killed(pid)
                os.kill(pid, signal.SIGKILL)
                _, status = os.waitpid(pid, 0)
        finally:
            os.close(fd)
        return status, screen

    def check(self, fault, shown):
        wrapper = harness.ClientWrapper()
        try:
            status, screen = self.run_tui(fault, wrapper)
        finally:
            problems = wrapper.problems()
            wrapper.cleanup(keep=bool(problems))
        if problems:
            self.fail("\n\n".join(problems))
        self.assertFalse(os.WIFSIGNALED(status) and os.WTERMSIG(status) != signal.SIGKILL,
                         f"the terminal UI died of signal {os.WTERMSIG(status)}")
        self.assertIn(shown, screen, "the views did not draw the server's data")
        leak = LEAKS.search(screen)
        if leak is not None:
            at = leak.start()
            self.fail(f"{leak.group()!r} reached the terminal: ...{screen[max(0, at - 200):at + 100]!r}")

    def test_escape_sequences_never_reach_the_terminal(self):
        self.check("esc", b"redlink")

    def test_c1_controls_never_reach_the_terminal(self):
        self.check("c1", b"c1end")

    def test_bidi_controls_never_reach_the_terminal(self):
        self.check("bidi", b"gnp.exe")


if __name__ == "__main__":
    unittest.main()
