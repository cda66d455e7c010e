# Hostile downloads: path tricks, wrong digests and short bodies never leave a trusted file behind.
import os
import unittest

from faults_support import FaultTestCase
from hostile_server import FILE_BYTES, OVERFLOW_BYTES

GOOD_NAME = "orbit-backup-4.2.0-linux-x86_64.tar.gz"
LIMIT = 30


def configure(client, text):
    """Writes the client's configuration file."""
    folder = os.path.join(client.env["XDG_CONFIG_HOME"], "licportal")
    os.makedirs(folder, mode=0o700, exist_ok=True)
    with open(os.path.join(folder, "config"), "w") as f:
        f.write(text)


def part_sizes(root):
    return [os.path.getsize(os.path.join(root, p)) for p in tree(root) if p.endswith(".part")]


def tree(root):
    """Every file under root, relative paths."""
    found = set()
    for folder, _, files in os.walk(root):
        for name in files:
            found.add(os.path.relpath(os.path.join(folder, name), root))
    return found


class HostileDownloads(FaultTestCase):
    def target(self, client):
        # Two levels down, so that ../../ from it still lands inside the client's home.
        path = os.path.join(client.work, "a", "b")
        os.makedirs(path)
        return path

    def test_valid_download_lands_in_the_folder(self):
        client = self.client()
        target = self.target(client)
        result = client.run("download", "dl_1", "-o", target, limit=LIMIT)
        self.assertEqual(result.code, 0, result)
        self.assertTerminalSafe(result)
        with open(os.path.join(target, GOOD_NAME), "rb") as f:
            self.assertEqual(f.read(), FILE_BYTES)

    def test_dot_dot_filename_stays_in_the_target_folder(self):
        self.server.fault = "evil_name"
        client = self.client()
        target = self.target(client)
        before = tree(client.dir)
        result = client.run("download", "dl_1", "-o", target, limit=LIMIT)
        self.assertIsNotNone(result.code, result)
        self.assertTerminalSafe(result)
        new = tree(client.dir) - before
        outside = [p for p in new if not os.path.join(client.dir, p).startswith(target + os.sep)]
        self.assertEqual(outside, [], f"written outside {target}: {result!r}")
        # The spec: inside the folder under the base name of the server's filename.
        self.assertEqual(result.code, 0, result)
        with open(os.path.join(target, "evil"), "rb") as f:
            self.assertEqual(f.read(), FILE_BYTES)

    def test_dot_dot_filename_without_o_stays_in_the_current_folder(self):
        self.server.fault = "evil_name"
        client = self.client()
        cwd = os.path.join(client.work, "a", "b")
        os.makedirs(cwd)
        client.work = cwd
        before = tree(client.dir)
        result = client.run("download", "dl_1", limit=LIMIT)
        self.assertIsNotNone(result.code, result)
        self.assertTerminalSafe(result)
        new = tree(client.dir) - before
        outside = [p for p in new if not os.path.join(client.dir, p).startswith(cwd + os.sep)]
        self.assertEqual(outside, [], f"written outside {cwd}: {result!r}")
        self.assertEqual(result.code, 0, result)
        self.assertTrue(os.path.isfile(os.path.join(cwd, "evil")), result)

    def test_a_disguised_filename_is_refused_and_nothing_is_written(self):
        """"\u202eexe.txt" would be saved with its right-to-left override while a terminal
        shows "txt.exe": a name that does not print as it is is refused."""
        self.server.fault = "disguised_name"
        client = self.client()
        before = tree(client.dir)
        result = client.run("download", "dl_1", limit=LIMIT)
        line = self.assertFails(result, 1, LIMIT)
        self.assertIn("unusable file name", line)
        self.assertIn("-o PATH", line)
        self.assertEqual(tree(client.dir) - before, set())
        # Named by the user, the file is saved.
        result = client.run("download", "dl_1", "-o", "release.txt", limit=LIMIT)
        self.assertEqual(result.code, 0, result)
        self.assertIn(b"Downloaded release.txt ", result.out)

    def test_wrong_sha256_leaves_no_final_file_and_exits_6(self):
        self.server.fault = "wrong_sha"
        client = self.client()
        target = self.target(client)
        result = client.run("download", "dl_1", "-o", target, limit=LIMIT)
        self.assertFails(result, 6, LIMIT)
        self.assertFalse(os.path.exists(os.path.join(target, GOOD_NAME)), tree(target))

    def test_wrong_sha256_with_explicit_file_name_leaves_no_file(self):
        self.server.fault = "wrong_sha"
        client = self.client()
        target = self.target(client)
        dest = os.path.join(target, "named.tar.gz")
        result = client.run("download", "dl_1", "-o", dest, limit=LIMIT)
        self.assertFails(result, 6, LIMIT)
        self.assertFalse(os.path.exists(dest), tree(target))

    def test_truncated_download_keeps_a_part_file_and_no_final_file(self):
        self.server.fault = "truncated"
        client = self.client()
        target = self.target(client)
        result = client.run("download", "dl_1", "-o", target, limit=LIMIT)
        self.assertFails(result, 5, LIMIT)
        files = tree(target)
        self.assertNotIn(GOOD_NAME, files, result)
        self.assertTrue(any(f.endswith(".part") for f in files), f"no .part in {files}: {result!r}")

    def interrupted(self):
        """A client whose first download broke off half way, leaving its .part."""
        self.server.fault = "truncated"
        client = self.client()
        target = self.target(client)
        first = client.run("download", "dl_1", "-o", target, limit=LIMIT)
        self.assertEqual(first.code, 5, first)
        return client, target

    def test_resume_after_a_cut_gives_the_whole_file(self):
        client, target = self.interrupted()
        self.server.fault = "ok"
        result = client.run("download", "dl_1", "-o", target, limit=LIMIT)
        self.assertEqual(result.code, 0, result)
        with open(os.path.join(target, GOOD_NAME), "rb") as f:
            self.assertEqual(f.read(), FILE_BYTES)
        self.assertEqual([f for f in tree(target) if f.endswith(".part")], [])
        ranges = [h.get("Range") for m, p, h in self.server.requests if p.endswith("/file")]
        self.assertTrue(any(r and r != "bytes=0-" for r in ranges), ranges)

    def test_resume_against_a_server_ignoring_range_never_keeps_a_wrong_file(self):
        """A 200 with the whole file answers a Range request: appending it to the .part
        would double the start. The file is either right or not there."""
        client, target = self.interrupted()
        self.server.fault = "no_range"
        result = client.run("download", "dl_1", "-o", target, limit=LIMIT)
        self.assertIn(result.code, (0, 6), result)
        self.assertTerminalSafe(result)
        final = os.path.join(target, GOOD_NAME)
        if result.code == 0:
            with open(final, "rb") as f:
                self.assertEqual(f.read(), FILE_BYTES)
        else:
            self.assertFalse(os.path.exists(final), result)
            self.assertOneErrorLine(result)

    def refused_download(self, fault, code, words):
        """Runs a download under `fault`: it fails with `code` and `words`, and leaves no
        final file. Returns the target folder."""
        self.server.fault = fault
        client = self.client()
        target = self.target(client)
        result = client.run("download", "dl_1", "-o", target, limit=LIMIT)
        self.assertIn(words, self.assertFails(result, code, LIMIT))
        self.assertNotIn(GOOD_NAME, tree(target))
        return target

    def test_a_body_past_size_bytes_stops_at_the_announced_size(self):
        target = self.refused_download("oversize", 1, "announced")
        for size in part_sizes(target):
            self.assertLessEqual(size, len(FILE_BYTES))
        # The client hung up rather than reading the 64 MiB that followed.
        self.assertLess(self.server.overflow_sent, OVERFLOW_BYTES // 4)

    def test_a_content_length_past_size_bytes_is_refused_before_writing(self):
        target = self.refused_download("long_length", 1, "Content-Length")
        self.assertEqual([s for s in part_sizes(target) if s > 0], [])

    def test_a_drip_under_the_speed_floor_fails_with_exit_5(self):
        """40 bytes a second never counts as a stall, yet 1.7 KiB would take 45 s: under a
        floor of 400 bytes/s for 2 s it fails fast, and says why."""
        self.server.fault = "drip"
        client = self.client()
        configure(client, "[profile default]\ndownload_min_speed = 400\n"
                          "download_slow_seconds = 2\n")
        target = self.target(client)
        result = client.run("download", "dl_1", "-o", target, limit=15)
        line = self.assertFails(result, 5, 15)
        self.assertIn("slower than 400 bytes/s for 2 s", line)
        self.assertNotIn(GOOD_NAME, tree(target))

    def planted_part(self, plant):
        """A client whose target folder holds GOOD_NAME.part made by `plant(path, victim)`,
        and a victim file of the user's outside the folder. Returns (client, target, victim)."""
        client = self.client()
        target = self.target(client)
        victim = os.path.join(client.dir, "victim.bin")
        with open(victim, "wb") as f:
            f.write(b"precious")
        plant(os.path.join(target, GOOD_NAME + ".part"), victim)
        return client, target, victim

    def assertPartRefused(self, client, target, victim, words):
        result = client.run("download", "dl_1", "-o", target, limit=LIMIT)
        self.assertIn(words, self.assertFails(result, 1, LIMIT))
        self.assertNotIn(GOOD_NAME, tree(target))
        with open(victim, "rb") as f:
            self.assertEqual(f.read(), b"precious")
        self.assertEqual([p for m, p, h in self.server.requests if p.endswith("/file")], [])

    def test_a_symlinked_part_is_never_followed(self):
        client, target, victim = self.planted_part(lambda path, victim: os.symlink(victim, path))
        self.assertPartRefused(client, target, victim, "symbolic link")
        # --force removes the link (not what it points to) and starts afresh.
        result = client.run("download", "dl_1", "-o", target, "--force", limit=LIMIT)
        self.assertEqual(result.code, 0, result)
        with open(os.path.join(target, GOOD_NAME), "rb") as f:
            self.assertEqual(f.read(), FILE_BYTES)
        with open(victim, "rb") as f:
            self.assertEqual(f.read(), b"precious")

    def test_a_hard_linked_part_is_refused(self):
        client, target, victim = self.planted_part(lambda path, victim: os.link(victim, path))
        self.assertPartRefused(client, target, victim, "hard links")

    def test_a_part_of_another_user_is_refused(self):
        if os.geteuid() != 0:
            self.skipTest("giving a file away needs root")

        def plant(path, victim):
            with open(path, "wb") as f:
                f.write(b"x")
            os.chown(path, 65534, 65534)

        client, target, victim = self.planted_part(plant)
        self.assertPartRefused(client, target, victim, "another user")

    def test_a_fifo_part_is_refused_without_hanging(self):
        client, target, victim = self.planted_part(lambda path, victim: os.mkfifo(path))
        self.assertPartRefused(client, target, victim, "not a regular file")

    def test_a_part_failing_the_checksum_is_removed_and_the_retry_starts_afresh(self):
        self.server.fault = "wrong_sha"
        client = self.client()
        target = self.target(client)
        result = client.run("download", "dl_1", "-o", target, limit=LIMIT)
        self.assertFails(result, 6, LIMIT)
        self.assertEqual(tree(target), set())
        self.server.fault = "ok"
        self.server.requests.clear()
        result = client.run("download", "dl_1", "-o", target, limit=LIMIT)
        self.assertEqual(result.code, 0, result)
        ranges = [h.get("Range") for m, p, h in self.server.requests if p.endswith("/file")]
        self.assertEqual(ranges, [None])

    def test_an_existing_file_with_the_right_sha256_is_up_to_date(self):
        client = self.client()
        target = self.target(client)
        self.assertEqual(client.run("download", "dl_1", "-o", target, limit=LIMIT).code, 0)
        self.server.requests.clear()
        result = client.run("download", "dl_1", "-o", target, limit=LIMIT)
        self.assertEqual(result.code, 0, result)
        self.assertIn(b"Up to date", result.out)
        self.assertEqual([p for m, p, h in self.server.requests if p.endswith("/file")], [])


if __name__ == "__main__":
    unittest.main()
