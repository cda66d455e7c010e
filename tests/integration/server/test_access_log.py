# The access log cannot be forged: control bytes, escapes and spaces in the method and path are escaped.
import re
import time

import harness
import raw_tls

# What licportald writes per request: time, client, method, path, status, duration, request id.
LOG_LINE = re.compile(r"^\S+ \S+ \S+ \S+ \d{3} [0-9.]+ms request_id=[0-9a-f]{16}$")


class AccessLogForgeryTest(harness.PortalTestCase):
    demo_users = 1

    def _requests_logged(self, count, timeout=10.0):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            lines = [l for l in self.portal.log_text().split("\n") if "request_id=" in l]
            if len(lines) >= count:
                return
            time.sleep(0.1)

    def test_a_path_and_method_cannot_write_a_fake_line_or_an_escape(self):
        before = self.portal.log_text().count("request_id=")
        fake = ("%0a2026-01-01T00:00:00Z%20127.0.0.1%20POST%20/api/v1/auth/login%20200%200.1ms"
                "%20request_id=0000000000000000%0d%1b]0;owned%07%1b[2J%c2%9b31m")
        raw_tls.exchange(self.portal, f"GET /api/v1/me/{fake} HTTP/1.1\r\nHost: x\r\n"
                                      "Connection: close\r\n\r\n".encode())
        raw_tls.exchange(self.portal, b"G\x1b[31mET /api/v1/me HTTP/1.1\r\nHost: x\r\n"
                                      b"Connection: close\r\n\r\n")
        self._requests_logged(before + 2)
        log = self.portal.log_text()
        self.assertNotIn("\x1b", log)
        self.assertNotIn("\r", log)
        self.assertNotIn("\x07", log)
        self.assertNotIn("\u009b", log)
        lines = [l for l in log.split("\n") if "request_id=" in l]
        self.assertGreaterEqual(len(lines), before + 2, log)
        for line in lines:
            self.assertRegex(line, LOG_LINE)
        self.assertNotIn("request_id=0000000000000000", [l.split(" ")[-1] for l in lines])
        self.assertTrue(any("\\x0a2026-01-01T00:00:00Z\\x20127.0.0.1" in l for l in lines), log)
        self.assertTrue(any(" G\\x1b[31mET " in l for l in lines), log)
