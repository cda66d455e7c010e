# End-to-end tests of the license and download views against the API's own answers.
"""The license list's filter and sort show the rows the API returns for them, the detail
shows the demo data's renewal options with price and term, and a download interrupted by
killing the client resumes from its .part file on the next run."""

import hashlib
import os
import re
import signal
import sys
import time

import harness
from test_tui import WAIT, TuiTestCase, key_tail

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "cli"))
from slow_proxy import SlowProxy  # noqa: E402

ZERO_DECIMAL = {"JPY", "KRW"}


def money(price):
    """The amount as licportal formats it: thousands separators, the currency's decimals."""
    exponent = 0 if price["currency"] in ZERO_DECIMAL else 2
    value = price["amount_minor"] / 10 ** exponent
    return f"{value:,.{exponent}f} {price['currency']}"


class LicenseListTest(TuiTestCase):
    licenses_per_user = 40

    def open_licenses(self, t):
        self.log_in(t)
        self.wait_dashboard(t)
        t.keys("2")
        t.wait_text("Licenses (")

    def assert_rows_follow(self, t, items, header):
        """The screen shows `header` and the first rows are `items`, in that order."""
        keys = [key_tail(item["key_masked"]) for item in items[:8]]

        def in_order(screen):
            if not re.search(header, screen, flags=re.MULTILINE):
                return False
            positions = [screen.find(k) for k in keys]
            return all(p >= 0 for p in positions) and positions == sorted(positions)

        t.wait_for(in_order, f"{header} with the API's first rows in order")

    def test_a_text_filter_shows_what_the_api_finds(self):
        api = self.login()
        items, _ = api.list_all("/licenses", {"q": "atlas"})
        total = len(items)
        self.assertGreater(total, 0, "the demo data has Atlas licenses")
        self.assertLess(total, api.get("/licenses").json["total"])
        t = self.start()
        self.open_licenses(t)
        t.keys("/")
        t.text("atlas")
        t.keys("Enter")
        self.assert_rows_follow(t, items, re.escape(f"Licenses ({total})"))
        self.assertIn('filter: "atlas"', t.screen())
        self.quit_and_check_terminal(t)

    def test_each_sort_shows_the_api_order(self):
        api = self.login()
        t = self.start()
        self.open_licenses(t)
        for sort in ("added_at", "expires_at", "-expires_at", "product", "-product", "status"):
            header = rf"sort: {re.escape(sort)}(\s|$)"
            t.keys("o")
            items, _ = api.list_all("/licenses", {"sort": sort})
            self.assert_rows_follow(t, items, header)
        self.quit_and_check_terminal(t)


class RenewalOptionsTest(TuiTestCase):
    def test_the_detail_shows_every_renewal_option_with_price_and_term(self):
        api = self.login()
        detail = None
        for summary in api.list_all("/licenses")[0]:
            candidate = api.get(f"/licenses/{summary['id']}").json
            if candidate["renewal"]["options"]:
                detail = candidate
                break
        self.assertIsNotNone(detail, "the demo data has renewal options")
        t = self.start(lines=50)
        self.log_in(t)
        self.wait_dashboard(t)
        t.keys("2")
        t.wait_text("Licenses (")
        t.keys("/")
        t.text(detail["key_masked"][-4:])
        t.keys("Enter")
        t.wait_text("Licenses (1)")
        t.keys("Enter")
        t.wait_text("Renewal")
        for option in detail["renewal"]["options"]:
            t.wait_text(f"{option['label']}: {money(option['price'])} for "
                        f"{option['term_months']} months")
        self.quit_and_check_terminal(t)


class InterruptedDownloadTest(TuiTestCase):
    def largest_download(self):
        items, _ = self.login().list_all("/downloads")
        total = len(items)
        index = max(range(len(items)), key=lambda i: items[i]["size_bytes"])
        return index, items[index], total

    def open_download(self, t, index, total):
        t.keys("4")
        t.wait_text(f"Downloads ({total})")
        t.keys("g")
        t.wait_text(f" 1/{total}")
        for _ in range(index):
            t.keys("j")
        t.wait_text(f" {index + 1}/{total}")
        t.keys("Enter")

    def licportal_pid(self, t):
        shell = t.tmux("display-message", "-p", "#{pane_pid}").strip()
        with open(f"/proc/{shell}/task/{shell}/children") as f:
            return int(f.read().split()[0])

    def test_a_killed_download_resumes_on_the_next_run(self):
        index, item, total = self.largest_download()
        self.assertGreater(item["size_bytes"], 64 * 1024)
        target = os.path.join(self.home, os.path.basename(item["filename"]))
        part = target + ".part"
        proxy = SlowProxy(rate=16 * 1024)
        try:
            t = self.start(extra_env={"HTTPS_PROXY": proxy.url})
            self.log_in(t)
            self.wait_dashboard(t)
            self.open_download(t, index, total)
            t.wait_text(item["sha256"])
            t.keys("D")
            t.wait_text("Save to:")
            t.keys("Enter")
            deadline = time.monotonic() + WAIT
            while not (os.path.exists(part) and os.path.getsize(part) >= 16 * 1024):
                self.assertLess(time.monotonic(), deadline, "no .part file grew")
                time.sleep(0.05)
            pid = self.licportal_pid(t)
            self.wrapper.killed(pid)
            os.kill(pid, signal.SIGKILL)
            t.exit_status()
        finally:
            proxy.close()
        kept = os.path.getsize(part)
        self.assertLess(kept, item["size_bytes"], "the download finished before the kill")
        self.assertFalse(os.path.exists(target), "an unverified file was renamed")

        t = self.start()
        self.log_in(t)
        self.wait_dashboard(t)
        self.open_download(t, index, total)
        t.wait_text(item["sha256"])
        t.keys("D")
        t.wait_text("Save to:")
        t.keys("Enter")
        t.wait_text("Saved")
        with open(target, "rb") as f:
            self.assertEqual(hashlib.sha256(f.read()).hexdigest(), item["sha256"])
        self.assertFalse(os.path.exists(part))
        file_requests = [line for line in self.portal.log_text().splitlines()
                         if "/file" in line and " 206 " in line]
        self.assertTrue(file_requests, "the second run did not resume with a Range request")
        self.quit_and_check_terminal(t)

