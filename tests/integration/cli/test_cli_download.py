# licportal download: target paths, refusal to overwrite, resume after a kill, sha256 mismatch.
import hashlib
import os
import signal
import time

from cli_support import CliTestCase
from slow_proxy import SlowProxy


def sha256_of(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


class DownloadTest(CliTestCase):
    demo_users = 1

    def setUp(self):
        self.cli = self.logged_in_home()
        self.api = self.login()

    def releases(self):
        items, _ = self.api.list_all("/downloads")
        self.assertTrue(items)
        return items

    def server_file(self, release):
        for folder, _, names in os.walk(self.portal.files):
            if release["filename"] in names:
                return os.path.join(folder, release["filename"])
        self.fail(f"{release['filename']} not under {self.portal.files}")

    def test_download_into_the_current_directory_and_say_where(self):
        release = self.releases()[0]
        res = self.cli.run("download", release["id"])
        self.assertExit(res, 0)
        target = os.path.join(self.cli.work, os.path.basename(release["filename"]))
        self.assertTrue(os.path.exists(target))
        self.assertEqual(sha256_of(target), release["sha256"])
        self.assertEqual(os.path.getsize(target), release["size_bytes"])
        self.assertIn(target, res.out)
        self.assertFalse(os.path.exists(target + ".part"))

    def test_output_directory_and_output_name(self):
        release = self.releases()[1]
        folder = os.path.join(self.cli.dir, "into")
        os.makedirs(folder)
        self.assertExit(self.cli.run("download", release["id"], "-o", folder), 0)
        self.assertEqual(sha256_of(os.path.join(folder, os.path.basename(release["filename"]))),
                         release["sha256"])
        named = os.path.join(self.cli.dir, "renamed.bin")
        self.assertExit(self.cli.run("download", release["id"], "--output", named), 0)
        self.assertEqual(sha256_of(named), release["sha256"])

    def test_existing_file_is_kept_unless_forced(self):
        release = self.releases()[0]
        target = os.path.join(self.cli.work, os.path.basename(release["filename"]))
        with open(target, "wb") as f:
            f.write(b"mine")
        res = self.cli.run("download", release["id"])
        self.assertExit(res, 1)
        self.assertIn("--force", self.assertOneLineError(res))
        with open(target, "rb") as f:
            self.assertEqual(f.read(), b"mine")
        self.assertExit(self.cli.run("download", release["id"], "--force"), 0)
        self.assertEqual(sha256_of(target), release["sha256"])

    def test_unknown_download_exits_3(self):
        res = self.cli.run("download", "rel_does_not_exist")
        self.assertExit(res, 3)
        self.assertOneLineError(res)

    def test_killed_download_resumes_to_the_right_file(self):
        release = max(self.releases(), key=lambda r: r["size_bytes"])
        target = os.path.join(self.cli.work, os.path.basename(release["filename"]))
        part = target + ".part"
        proxy = SlowProxy(rate=max(8192, release["size_bytes"] // 8))
        self.addCleanup(proxy.close)
        proc = self.cli.spawn("download", release["id"], env={"HTTPS_PROXY": proxy.url})
        self.addCleanup(lambda: proc.poll() is None and proc.kill())
        deadline = time.monotonic() + 30
        size = 0
        while time.monotonic() < deadline:
            if os.path.exists(part):
                size = os.path.getsize(part)
                if size > 0:
                    break
            self.assertIsNone(proc.poll(), "the download ended before it could be interrupted")
            time.sleep(0.05)
        time.sleep(0.3)
        grown = os.path.getsize(part)
        self.assertGreater(grown, 0)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
        self.assertGreater(proxy.tunnels, 0, "the client did not use HTTPS_PROXY")
        kept = os.path.getsize(part)
        self.assertLess(kept, release["size_bytes"])
        self.assertFalse(os.path.exists(target))
        res = self.cli.run("download", release["id"])
        self.assertExit(res, 0)
        self.assertEqual(sha256_of(target), release["sha256"])
        self.assertFalse(os.path.exists(part))
        self.assertIn(" 206 ", self.portal.log_text())

    def test_progress_bar_on_a_terminal(self):
        release = max(self.releases(), key=lambda r: r["size_bytes"])
        proxy = SlowProxy(rate=max(8192, release["size_bytes"] // 3))
        self.addCleanup(proxy.close)
        res = self.cli.run_pty("download", release["id"], env={"HTTPS_PROXY": proxy.url})
        self.assertExit(res, 0)
        self.assertRegex(res.out, r"\[#+ *\] +\d+%")
        self.assertIn("100%", res.out)
        self.assertRegex(res.out, r"/s")
        self.assertIn("ETA", res.out)

    def test_no_progress_bar_when_stderr_is_not_a_terminal(self):
        release = self.releases()[0]
        res = self.cli.run("download", release["id"])
        self.assertExit(res, 0)
        self.assertEqual(res.err, "")

    def test_checksum_mismatch_exits_6_and_writes_no_file(self):
        release = self.releases()[-1]
        path = self.server_file(release)
        with open(path, "r+b") as f:
            first = f.read(1)
            f.seek(0)
            f.write(bytes([first[0] ^ 0xFF]))
        try:
            res = self.cli.run("download", release["id"])
        finally:
            with open(path, "r+b") as f:
                f.write(first)
        self.assertExit(res, 6)
        line = self.assertOneLineError(res)
        self.assertIn("sha256", line.lower())
        target = os.path.join(self.cli.work, os.path.basename(release["filename"]))
        self.assertFalse(os.path.exists(target))

    def target_of(self, release):
        return os.path.join(self.cli.work, os.path.basename(release["filename"]))

    def file_requests(self):
        return self.portal.log_text().count("/file")

    def test_a_file_with_the_right_sha256_is_up_to_date_and_not_fetched_again(self):
        release = self.releases()[0]
        self.assertExit(self.cli.run("download", release["id"]), 0)
        before = self.file_requests()
        res = self.cli.run("download", release["id"])
        self.assertExit(res, 0)
        self.assertIn("Up to date", res.out)
        self.assertIn(self.target_of(release), res.out)
        self.assertEqual(self.file_requests(), before, "the file was fetched again")
        self.assertEqual(sha256_of(self.target_of(release)), release["sha256"])

    def plant_bad_part(self, release):
        """A .part whose bytes are not the file's start: resuming it can only fail."""
        part = self.target_of(release) + ".part"
        with open(part, "wb") as f:
            f.write(b"\xff" * min(64, release["size_bytes"] - 1))
        return part

    def test_a_part_failing_its_checksum_is_removed_so_the_retry_succeeds(self):
        release = max(self.releases(), key=lambda r: r["size_bytes"])
        part = self.plant_bad_part(release)
        res = self.cli.run("download", release["id"])
        self.assertExit(res, 6)
        self.assertIn("removed", self.assertOneLineError(res))
        self.assertFalse(os.path.exists(part))
        self.assertFalse(os.path.exists(self.target_of(release)))
        self.assertExit(self.cli.run("download", release["id"]), 0)
        self.assertEqual(sha256_of(self.target_of(release)), release["sha256"])

    def test_force_starts_afresh_instead_of_resuming_a_part(self):
        release = max(self.releases(), key=lambda r: r["size_bytes"])
        part = self.plant_bad_part(release)
        self.assertExit(self.cli.run("download", release["id"], "--force"), 0)
        self.assertEqual(sha256_of(self.target_of(release)), release["sha256"])
        self.assertFalse(os.path.exists(part))

