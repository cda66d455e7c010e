# Local traps and leaks: FIFOs planted at the files licportal reads, core dumps while tokens are held.
import os
import resource
import time
import unittest

from faults_support import FaultTestCase

LIMIT = 15


class LocalFiles(FaultTestCase):
    def test_a_fifo_at_the_config_path_is_refused_at_once(self):
        client = self.client()
        folder = os.path.join(client.env["XDG_CONFIG_HOME"], "licportal")
        os.makedirs(folder)
        os.mkfifo(os.path.join(folder, "config"))
        result = client.run("dashboard", limit=LIMIT)
        line = self.assertFails(result, 1, LIMIT)
        self.assertIn("not a regular file", line)

    def test_a_fifo_at_the_credentials_path_is_refused_at_once(self):
        client = self.client()
        folder = os.path.join(client.env["XDG_STATE_HOME"], "licportal")
        os.makedirs(folder, mode=0o700)
        os.mkfifo(os.path.join(folder, "credentials"), 0o600)
        del client.env["LICPORTAL_TOKEN"]
        client.argv = lambda args, argv=client.argv: [
            a if a != "none" else "file" for a in argv(args)]
        result = client.run("dashboard", limit=LIMIT)
        line = self.assertFails(result, 1, LIMIT)
        self.assertIn("not a regular file", line)

    def test_a_fifo_as_the_ca_file_is_refused_at_once(self):
        client = self.client()
        fifo = os.path.join(client.dir, "ca.pem")
        os.mkfifo(fifo)
        client.cacert = fifo
        result = client.run("dashboard", limit=LIMIT)
        line = self.assertFails(result, (1, 2), LIMIT)
        self.assertIn("not a regular file", line)

    def test_no_core_dump_while_tokens_are_in_memory(self):
        """The process that holds a token may dump no core: RLIMIT_CORE is 0, although it
        was started with core dumps allowed."""
        self.server.fault = "stall"
        client = self.client()
        saved = resource.getrlimit(resource.RLIMIT_CORE)
        resource.setrlimit(resource.RLIMIT_CORE, (saved[1], saved[1]))
        try:
            proc = client.start("dashboard")
        finally:
            resource.setrlimit(resource.RLIMIT_CORE, saved)
        self.addCleanup(lambda: proc.poll() is None and proc.kill())
        limits = ""
        deadline = time.monotonic() + LIMIT
        while time.monotonic() < deadline:
            # The request reaches the server only after the client set itself up.
            if any(p.endswith("/dashboard") for m, p, h in self.server.requests):
                with open(f"/proc/{proc.pid}/limits") as f:
                    limits = f.read()
                break
            time.sleep(0.05)
        core = [line.split()[-3:-1] for line in limits.splitlines()
                if line.startswith("Max core file size")]
        self.assertEqual(core, [["0", "0"]], limits)
        proc.kill()
        proc.communicate()


if __name__ == "__main__":
    unittest.main()
