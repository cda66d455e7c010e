# The terminal UI against hostile server text: injected sequences never reach the terminal.
import fcntl
import os
import pty
import re
import select
import signal
import struct
import termios
import time
import unittest

from faults_support import FaultTestCase

# What an injected sequence would leave in the byte stream if it got through:
# the OSC 52 clipboard payload, the OSC 0 title, the OSC 8 link target, C1
# controls as UTF-8, BiDi embeddings/overrides/isolates and marks.
LEAKS = re.compile(rb"ZXZpbA|\x1b\]52;|\x1b\]0;owned|evil\.example|\xc2[\x80-\x9f]"
                   rb"|\xe2\x80[\x8e\x8f\xaa-\xae]|\xe2\x81[\xa6-\xa9]|\xd8\x9c")
# Views by key, then a licence's detail (Enter in the licence list), then back.
KEYS = [b"2", b"\r", b"\x1b", b"3", b"4", b"1"]


class TuiHostileText(FaultTestCase):
    def run_tui(self, fault):
        self.server.fault = fault
        client = self.client()
        argv = client.argv([])
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
            nonlocal screen
            end = time.monotonic() + seconds
            while time.monotonic() < end:
                ready, _, _ = select.select([fd], [], [], 0.05)
                if ready:
                    try:
                        chunk = os.read(fd, 65536)
                    except OSError:
                        return False
                    if not chunk:
                        return False
                    screen += chunk
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
            waited, status = os.waitpid(pid, os.WNOHANG)
            if waited == 0:
                os.kill(pid, signal.SIGKILL)
                _, status = os.waitpid(pid, 0)
        finally:
            os.close(fd)
        return status, screen

    def check(self, fault, shown):
        status, screen = self.run_tui(fault)
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
