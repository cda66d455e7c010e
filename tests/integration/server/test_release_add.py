# `licportald release add`: a release added by command is listed, described and served byte for byte.
import base64
import hashlib
import os
import re
import subprocess
import time

import harness


class ReleaseAddTest(harness.PortalTestCase):
    demo_users = 1

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.api = cls.portal.login("demo1@example.com")
        listed, _ = cls.api.list_all("/downloads")
        if not listed:
            raise AssertionError("demo1 needs an entitling license")
        # Releases are added while the server runs, as an operator would.
        cls.product = listed[0]["product"]["id"]

    def run_release_add(self, *args):
        argv = [self.portal.licportald, "release", "add", "--db", self.portal.db,
                "--files", self.portal.files, *args]
        return subprocess.run(argv, stdin=subprocess.DEVNULL, capture_output=True, timeout=120)

    def add(self, *args):
        proc = self.run_release_add(*args)
        self.assertEqual(proc.returncode, 0, proc.stderr.decode(errors="replace"))
        self.assertEqual(proc.stderr, b"")
        self.assertRegex(proc.stdout.decode(), r"^rel_[1-9][0-9]*\n$")
        return proc.stdout.decode().strip()

    def scratch_file(self, name, data):
        path = os.path.join(self.portal.dir, name)
        with open(path, "wb") as f:
            f.write(data)
        return path

    def release_count(self):
        return self.portal.sql("SELECT COUNT(*) FROM releases")[0][0]

    def fetch(self, download_id, **headers):
        return self.api.get(f"/downloads/{download_id}/file", headers=headers or None,
                            binary=True)

    def test_added_release_is_listed_and_its_bytes_are_served_by_range(self):
        data = os.urandom(300 * 1024 + 17)
        source = self.scratch_file("outside.tar.gz", data)
        release_id = self.add("--product", self.product, "--version", "7.1.0",
                              "--platform", "linux", "--arch", "x86_64", "--file", source)
        sha = hashlib.sha256(data).hexdigest()

        listed, _ = self.api.list_all("/downloads", {"product": self.product})
        matches = [x for x in listed if x["id"] == release_id]
        self.assertEqual(len(matches), 1, f"{release_id} not listed")
        item = matches[0]
        self.assertEqual(item["product"]["id"], self.product)
        self.assertEqual((item["version"], item["channel"], item["platform"], item["arch"]),
                         ("7.1.0", "stable", "linux", "x86_64"))
        self.assertEqual(item["filename"], "outside.tar.gz")
        self.assertEqual(item["size_bytes"], len(data))
        self.assertEqual(item["sha256"], sha)
        self.assertIsNone(item["release_notes"])
        self.assertLessEqual(abs(harness.parse_ts(item["released_at"]) - time.time()), 120)
        # The newest release heads the list.
        self.assertEqual(listed[0]["id"], release_id)
        self.assertEqual(self.api.get(f"/downloads/{release_id}").json, item)

        whole = self.fetch(release_id)
        self.assertStatus(whole, 200)
        self.assertEqual(whole.raw, data)
        digest = base64.b64encode(hashlib.sha256(data).digest()).decode()
        self.assertEqual(whole.headers.get("Repr-Digest"), f"sha-256=:{digest}:")
        self.assertIn('filename="outside.tar.gz"', whole.headers.get("Content-Disposition", ""))

        start = len(data) - 100000
        part = self.fetch(release_id, Range=f"bytes={start}-")
        self.assertStatus(part, 206)
        self.assertEqual(part.raw, data[start:])
        self.assertEqual(part.headers.get("Content-Range"),
                         f"bytes {start}-{len(data) - 1}/{len(data)}")
        self.assertEqual(hashlib.sha256(whole.raw[:start] + part.raw).hexdigest(), sha)

        # A copy under the files directory, so the source may go away.
        os.unlink(source)
        copy = os.path.join(self.portal.files, self.product, "7.1.0", "outside.tar.gz")
        with open(copy, "rb") as f:
            self.assertEqual(f.read(), data)
        self.assertEqual(self.fetch(release_id, Range="bytes=5-").raw, data[5:])

    def test_file_already_under_the_files_directory_is_used_in_place(self):
        folder = os.path.join(self.portal.files, "bench")
        os.makedirs(folder, exist_ok=True)
        data = os.urandom(64 * 1024)
        path = os.path.join(folder, "in-place.bin")
        with open(path, "wb") as f:
            f.write(data)
        release_id = self.add("--product", self.product, "--version", "7.2.0",
                              "--platform", "any", "--file", path)
        row = int(release_id.split("_")[1])
        self.assertEqual(self.portal.sql("SELECT path FROM releases WHERE id = ?", (row,)),
                         [("bench/in-place.bin",)])
        self.assertFalse(os.path.exists(os.path.join(self.portal.files, self.product, "7.2.0")))
        item = self.api.get(f"/downloads/{release_id}").json
        self.assertEqual((item["platform"], item["arch"]), ("any", "any"))
        self.assertEqual(item["sha256"], hashlib.sha256(data).hexdigest())
        self.assertEqual(self.fetch(release_id, Range="bytes=1000-").raw, data[1000:])

    def test_optional_fields_reach_the_api(self):
        source = self.scratch_file("build-output.bin", b"beta bytes")
        release_id = self.add("--product", self.product, "--version", "8.0.0-beta.2",
                              "--platform", "macos", "--arch", "aarch64", "--channel", "beta",
                              "--filename", "Product 8 beta.dmg", "--notes", "try the new sync",
                              "--released-at", "2026-01-02T03:04:05Z", "--file", source)
        item = self.api.get(f"/downloads/{release_id}").json
        self.assertEqual((item["version"], item["channel"], item["platform"], item["arch"]),
                         ("8.0.0-beta.2", "beta", "macos", "aarch64"))
        self.assertEqual(item["filename"], "Product 8 beta.dmg")
        self.assertEqual(item["release_notes"], "try the new sync")
        self.assertEqual(item["released_at"], "2026-01-02T03:04:05Z")
        self.assertEqual(item["size_bytes"], len(b"beta bytes"))
        resp = self.fetch(release_id)
        self.assertEqual(resp.raw, b"beta bytes")
        self.assertIn('filename="Product 8 beta.dmg"', resp.headers.get("Content-Disposition"))
        beta, _ = self.api.list_all("/downloads", {"channel": "beta", "platform": "macos"})
        self.assertIn(release_id, [x["id"] for x in beta])

    def assertRefused(self, status, args, message):
        before = self.release_count()
        proc = self.run_release_add(*args)
        stderr = proc.stderr.decode(errors="replace")
        self.assertEqual(proc.returncode, status, stderr)
        self.assertEqual(proc.stdout, b"")
        self.assertEqual(len(stderr.splitlines()), 1, stderr)
        self.assertTrue(stderr.startswith("licportald: "), stderr)
        self.assertRegex(stderr, message)
        self.assertEqual(self.release_count(), before)

    def test_errors_exit_1_with_one_line_and_add_nothing(self):
        source = self.scratch_file("refused.bin", b"refused")
        base = ["--version", "7.3.0", "--platform", "linux"]
        self.assertRefused(1, ["--product", "prd_nothing", *base, "--file", source],
                           r"no product with id 'prd_nothing'")
        self.assertRefused(1, ["--product", self.product, *base, "--file",
                               os.path.join(self.portal.dir, "missing.bin")],
                           r"missing\.bin does not exist")
        self.assertRefused(1, ["--product", self.product, *base, "--file", self.portal.dir],
                           r"is not a regular file")
        if os.geteuid() != 0:
            unreadable = self.scratch_file("unreadable.bin", b"secret")
            os.chmod(unreadable, 0)
            self.assertRefused(1, ["--product", self.product, *base, "--file", unreadable],
                               r"cannot read .*unreadable\.bin")
        self.assertFalse(os.path.exists(os.path.join(self.portal.files, self.product, "7.3.0")))

    def test_duplicate_release_exits_1_and_keeps_the_first(self):
        first = self.scratch_file("first.bin", b"first")
        second = self.scratch_file("second.bin", b"second")
        args = ["--product", self.product, "--version", "7.4.0", "--platform", "windows"]
        release_id = self.add(*args, "--file", first)
        self.assertRefused(1, [*args, "--file", second], rf"already exists as {release_id}$")
        self.assertFalse(os.path.exists(os.path.join(self.portal.files, self.product, "7.4.0",
                                                     "second.bin")))
        # Another channel is another release, but it may not overwrite the first one's file.
        self.assertRefused(1, [*args, "--channel", "beta", "--filename", "first.bin",
                               "--file", second], r"first\.bin already exists")
        self.assertEqual(self.fetch(release_id).raw, b"first")

    def test_usage_errors_exit_2(self):
        source = self.scratch_file("usage.bin", b"usage")
        good = ["--product", self.product, "--version", "7.5.0", "--platform", "linux",
                "--file", source]
        cases = {
            "platform": (["--platform", "plan9"], r"--platform must be one of"),
            "arch": (["--arch", "arm64"], r"--arch must be one of"),
            "channel": (["--channel", "nightly"], r"--channel must be stable or beta"),
            "version": (["--version", "../7.5.0"], r"--version may hold only"),
            "filename": (["--filename", 'a"b.zip'], r"file name 'a\"b\.zip' is not usable"),
            "time": (["--released-at", "yesterday"], r"--released-at must be an RFC 3339 time"),
            "unknown": (["--colour", "red"], r"unknown option --colour"),
        }
        for name, (extra, message) in cases.items():
            with self.subTest(name):
                self.assertRefused(2, good + extra, message)
        for missing in ("--product", "--version", "--platform", "--file"):
            with self.subTest(missing=missing):
                at = good.index(missing)
                self.assertRefused(2, good[:at] + good[at + 2:], r"are required")

    def test_help_lists_the_options(self):
        proc = subprocess.run([self.portal.licportald, "release", "add", "--help"],
                              capture_output=True, timeout=30)
        self.assertEqual(proc.returncode, 0)
        for option in ("--db", "--files", "--product", "--version", "--platform", "--file",
                       "--arch", "--channel", "--filename", "--notes", "--released-at"):
            self.assertTrue(re.search(rf"^\s+{option}\b", proc.stdout.decode(), re.MULTILINE),
                            option)
