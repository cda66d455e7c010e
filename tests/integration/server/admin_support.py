# Running licportald's administration commands against a test portal's database.
import json
import os
import subprocess
import sys

import harness

# The client's helpers: runs of licportal in an isolated home, and of any program on a terminal.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "cli"))
from cli_support import CliHome  # noqa: E402,F401


def run(portal, *args, stdin=b""):
    """licportald ARGS --db DB; the CompletedProcess."""
    return subprocess.run([portal.licportald, *args, "--db", portal.db], input=stdin,
                          capture_output=True, timeout=120)


class AdminTestCase(harness.PortalTestCase):
    def admin(self, *args, stdin=b""):
        return run(self.portal, *args, stdin=stdin)

    def ok(self, *args, stdin=b""):
        proc = self.admin(*args, stdin=stdin)
        self.assertEqual(proc.returncode, 0, proc)
        self.assertEqual(proc.stderr, b"", proc)
        return proc.stdout.decode()

    def json(self, *args):
        return json.loads(self.ok(*args, "--json"))

    def assertFails(self, proc, status, text):
        """Exit `status` with one line on stderr, "licportald: ..." naming `text`."""
        self.assertEqual(proc.returncode, status, proc)
        lines = proc.stderr.decode().strip().splitlines()
        self.assertEqual(len(lines), 1, proc)
        self.assertTrue(lines[0].startswith("licportald: "), proc)
        self.assertIn(text, lines[0])
