# The database holds password hashes, TOTP secrets and license keys: only its owner may read it.
import os
import stat
import subprocess
import tempfile
import unittest

import harness


def loose_umask():
    os.umask(0o022)


def run(*argv, timeout=60):
    return subprocess.run([harness.required_binary("LICPORTALD"), *argv], capture_output=True,
                          stdin=subprocess.DEVNULL, timeout=timeout, preexec_fn=loose_umask)


def mode(path):
    return stat.S_IMODE(os.stat(path).st_mode)


class DatabaseFileModeTest(harness.PortalTestCase):
    demo_users = 1

    def test_init_creates_the_database_for_its_owner_only(self):
        with tempfile.TemporaryDirectory() as tmp:
            db = os.path.join(tmp, "new.db")
            proc = run("init", "--db", db)
            self.assertEqual(proc.returncode, 0, proc.stderr)
            self.assertEqual(mode(db), 0o600)
            for companion in (db + "-wal", db + "-shm"):
                if os.path.exists(companion):
                    self.assertEqual(mode(companion), 0o600, companion)

    def test_the_served_database_and_its_wal_and_shm_are_private(self):
        self.assertStatus(self.login("demo1@example.com").get("/me"), 200)
        for path in (self.portal.db, self.portal.db + "-wal", self.portal.db + "-shm"):
            self.assertTrue(os.path.exists(path), path)
            self.assertEqual(mode(path), 0o600, path)

    def test_serve_refuses_a_database_others_can_read_and_says_how_to_fix_it(self):
        with tempfile.TemporaryDirectory() as tmp:
            db = os.path.join(tmp, "open.db")
            self.assertEqual(run("init", "--db", db).returncode, 0)
            os.chmod(db, 0o644)
            tls = self.portal.cert_dir
            proc = run("serve", "--db", db, "--files", self.portal.files, "--listen", "127.0.0.1:0",
                       "--cert", os.path.join(tls, "server.pem"), "--key", os.path.join(tls, "server.key"),
                       timeout=20)
            self.assertEqual(proc.returncode, 1, proc.stdout + proc.stderr)
            self.assertEqual(proc.stdout, b"")
            message = proc.stderr.decode()
            self.assertEqual(len(message.strip().splitlines()), 1, message)
            self.assertIn(db, message)
            self.assertIn(f"chmod 600 {db}", message)
            self.assertEqual(mode(db), 0o644, "serve must not change the mode itself")


if __name__ == "__main__":
    unittest.main()
