# The Secret Service store for real (gnome-keyring in a private D-Bus session), and its absence.
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "cli"))

from cli_support import CliTestCase  # noqa: E402


def secret_tool(*args):
    """secret-tool prints the label and secret on stdout and the attributes on stderr:
    both come back as one text."""
    proc = subprocess.run(["secret-tool", *args], stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, timeout=20)
    text = proc.stdout.decode(errors="replace")
    return proc.returncode, text, text


class SilentBus:
    """A unix socket that accepts D-Bus clients and never answers: a Secret Service that hangs."""

    def __init__(self, folder):
        self.path = os.path.join(folder, "silent-bus")
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.bind(self.path)
        self.sock.listen(8)
        self.held = []
        self.closed = False
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while not self.closed:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.held.append(conn)

    def close(self):
        self.closed = True
        for conn in self.held:
            conn.close()
        self.sock.close()


class KeyringTest(CliTestCase):
    demo_users = 1

    def setUp(self):
        if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
            self.skipTest("needs the private D-Bus session of with_keyring.sh")
        self.bus = {"DBUS_SESSION_BUS_ADDRESS": os.environ["DBUS_SESSION_BUS_ADDRESS"]}

    def keyring_home(self, store="keyring"):
        home = self.home(store)
        home.env.update(self.bus)
        return home

    def test_login_stores_one_item_with_server_and_email_only(self):
        home = self.keyring_home()
        res = home.login()
        self.assertExit(res, 0)
        self.assertIn("Secret Service keyring", res.out)
        self.assertFalse(os.path.exists(home.credentials_path))
        code, out, err = secret_tool("search", "--all", "server", self.portal.origin)
        self.assertEqual(code, 0, err)
        self.assertIn("attribute.email = demo1@example.com", out)
        self.assertIn(f"attribute.server = {self.portal.origin}", out)
        attributes = [l for l in out.splitlines() if l.startswith("attribute.")]
        names = sorted(l.split("=")[0].strip() for l in attributes)
        self.assertEqual(names, ["attribute.email", "attribute.server"], out)
        secret = [l for l in out.splitlines() if l.startswith("secret = ")]
        self.assertEqual(len(secret), 1, out)
        self.assertIn("refresh_token", secret[0])
        for line in attributes:
            self.assertNotIn("token", line.split("=", 1)[1])
        self.assertExit(home.run("logout"), 0)

    def test_a_second_process_reads_the_session_back(self):
        home = self.keyring_home()
        self.assertExit(home.login(), 0)
        other = self.keyring_home()          # another home: only the keyring is shared
        res = other.run("status")
        self.assertExit(res, 0)
        self.assertIn("Secret Service keyring", res.out)
        self.assertIn("demo1@example.com", res.out)
        res = other.run("dashboard", "--json")
        self.assertExit(res, 0)
        self.assertIn("kpis", res.out)
        self.assertExit(other.run("logout"), 0)
        code, out, _ = secret_tool("search", "--all", "server", self.portal.origin)
        self.assertNotIn("demo1@example.com", out)
        self.assertExit(home.run("status"), 4)

    def test_auto_uses_the_keyring_when_it_answers(self):
        home = self.keyring_home("auto")
        res = home.login()
        self.assertExit(res, 0)
        self.assertNotIn("this run only", res.err)
        self.assertIn("Secret Service keyring", home.run("status").out)
        self.assertFalse(os.path.exists(home.credentials_path))
        self.assertExit(home.run("logout"), 0)


    def test_a_locked_keyring_is_never_used(self):
        # A second D-Bus session starts its own keyring daemon on demand, over the same
        # keyring files: the collection is there but locked, and unlocking needs a prompt.
        runtime = tempfile.mkdtemp(dir=self.home("none").dir)
        os.chmod(runtime, 0o700)
        env = {"XDG_RUNTIME_DIR": runtime, "XDG_DATA_HOME": os.environ["XDG_DATA_HOME"]}
        wrapper = ("dbus-run-session", "--")
        home = self.home("keyring")
        res = home.run("login", "--email", "demo1@example.com", "--password-stdin",
                       stdin=b"demo\n", env=env, wrapper=wrapper)
        self.assertExit(res, 1)
        self.assertLess(res.seconds, 5)
        self.assertIn("locked", res.err)
        self.assertIn("--credential-store file", res.err)
        home.store = "auto"
        res = home.run("login", "--email", "demo1@example.com", "--password-stdin",
                       stdin=b"demo\n", env=env, wrapper=wrapper)
        # Without a terminal to ask about the file, login keeps nothing and says how to opt in.
        self.assertExit(res, 4)
        self.assertIn("--credential-store file", res.err)
        self.assertFalse(os.path.exists(home.credentials_path))


class NoSecretServiceTest(CliTestCase):
    demo_users = 1

    def test_auto_without_a_bus_keeps_the_session_for_this_run_only(self):
        home = self.home("auto")
        home.env["DBUS_SESSION_BUS_ADDRESS"] = "unix:path=/nonexistent"
        res = home.login()
        # No terminal to ask whether to use the file: no session that the next command would miss.
        self.assertExit(res, 4)
        self.assertLess(res.seconds, 3.0)
        self.assertIn("--credential-store file", res.err)
        self.assertEqual(len(res.err.strip().splitlines()), 1, res)
        self.assertFalse(os.path.exists(home.credentials_path))

    def test_keyring_without_a_bus_is_an_error_naming_the_alternatives(self):
        home = self.home("keyring")
        home.env["DBUS_SESSION_BUS_ADDRESS"] = "unix:path=/nonexistent"
        res = home.login()
        self.assertExit(res, 1)
        self.assertLess(res.seconds, 3.0)
        self.assertIn("--credential-store file", self.assertOneLineError(res))

    def test_a_service_that_never_answers_costs_at_most_two_seconds(self):
        home = self.home("auto")
        bus = SilentBus(home.dir)
        self.addCleanup(bus.close)
        home.env["DBUS_SESSION_BUS_ADDRESS"] = "unix:path=" + bus.path
        res = home.login()
        self.assertExit(res, 4)
        self.assertLess(res.seconds, 3.5)
        self.assertGreaterEqual(res.seconds, 1.9)  # it did wait for the bound, not less
        self.assertIn("--credential-store file", res.err)
        self.assertFalse(os.path.exists(home.credentials_path))
        home.store = "keyring"
        res = home.login()
        self.assertExit(res, 1)
        self.assertLess(res.seconds, 3.5)
        self.assertIn("did not answer", self.assertOneLineError(res))
