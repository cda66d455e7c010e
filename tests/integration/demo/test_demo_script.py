# scripts/demo.sh: --help and bad options start nothing; without a terminal it serves,
# prints the banner and the curl line before the dashboard, and removes what it made.
import glob
import json
import os
import re
import shlex
import socket
import subprocess
import tempfile
import time
import unittest

SCRIPT = os.path.join(os.environ["LP_SOURCE_ROOT"], "scripts", "demo.sh")
BUILD_ROOT = os.environ["LP_BUILD_ROOT"]


class DemoScriptTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory(prefix="lp-demo-test-")
        self.addCleanup(self.tmp.cleanup)

    def demo(self, *args, timeout=60):
        env = dict(os.environ, TMPDIR=self.tmp.name)
        started = time.monotonic()
        proc = subprocess.run(["bash", SCRIPT, *args], stdin=subprocess.DEVNULL,
                              capture_output=True, env=env, timeout=timeout)
        self.elapsed = time.monotonic() - started
        return proc.returncode, proc.stdout.decode(), proc.stderr.decode()

    def test_help_prints_the_usage_and_starts_nothing(self):
        unbuilt = os.path.join(self.tmp.name, "never-built")
        for flag in ("--help", "-h"):
            with self.subTest(flag=flag):
                status, out, err = self.demo("--build-dir", unbuilt, flag)
                self.assertEqual(status, 0, err)
                self.assertTrue(out.startswith("Usage: scripts/demo.sh [--licenses N]"), out)
                self.assertIn("--build-dir DIR", out)
                self.assertEqual(err, "")
                self.assertFalse(os.path.exists(unbuilt))
                self.assertEqual(os.listdir(self.tmp.name), [])

    def test_bad_options_are_refused_with_exit_2(self):
        cases = {
            ("--frobnicate",): "demo.sh: unknown option: --frobnicate",
            ("--licenses",): "demo.sh: --licenses needs a number",
            ("--licenses", "many"): "demo.sh: --licenses must be a number, not 'many'",
            ("--build-dir",): "demo.sh: --build-dir needs a folder",
        }
        for args, message in cases.items():
            with self.subTest(args=args):
                status, out, err = self.demo(*args)
                self.assertEqual(status, 2)
                self.assertEqual(out, "")
                self.assertEqual(err.splitlines(),
                                 [message, "Try 'scripts/demo.sh --help'."])
                self.assertEqual(os.listdir(self.tmp.name), [])

    def test_without_a_terminal_prints_banner_and_curl_then_the_dashboard(self):
        status, out, err = self.demo("--build-dir", BUILD_ROOT, "--licenses", "12", timeout=240)
        self.assertEqual(status, 0, out + err)
        banner = re.search(r"^licportald is serving (https://127\.0\.0\.1:(\d+)) \(users "
                           r"demo1@example\.com and demo2@example\.com, password: demo\)$",
                           out, re.M)
        self.assertIsNotNone(banner, out)
        url, port = banner.group(1), int(banner.group(2))
        curl = re.search(r"^  (curl .*) \\\n +(-d .*)$", out, re.M)
        self.assertIsNotNone(curl, out)
        argv = shlex.split(curl.group(1) + " " + curl.group(2))
        self.assertEqual(argv[argv.index("-X") + 1], "POST")
        self.assertEqual(argv[-1], url + "/api/v1/auth/login")
        self.assertEqual(json.loads(argv[argv.index("-d") + 1]),
                         {"email": "demo1@example.com", "password": "demo"})
        self.assertTrue(argv[argv.index("--cacert") + 1].startswith(self.tmp.name))
        # The dashboard of demo1's 12 licenses comes after the banner and the curl line.
        dashboard = re.search(r'^    "total_licenses": 12,$', out, re.M)
        self.assertIsNotNone(dashboard, out)
        self.assertLess(curl.end(), dashboard.start())
        self.assertLess(out.index("== Building licportal and licportald"), banner.start())
        # Nothing is left: no server on the port, no demo folder.
        with self.assertRaises(OSError):
            socket.create_connection(("127.0.0.1", port), timeout=2).close()
        self.assertEqual(glob.glob(os.path.join(self.tmp.name, "licportal-demo.*")), [])


if __name__ == "__main__":
    unittest.main()
