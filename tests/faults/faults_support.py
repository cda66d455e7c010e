# Certificates, an isolated client home and output checks for the fault tests.
"""Helpers shared by tests/faults/test_*.py.

Certs makes, in a temporary folder and at test time, a CA and server
certificate (scripts/mkcert.sh) plus the bad ones: a certificate for another
host name, an expired one, and one from a CA the client does not trust.
Client runs licportal in an isolated home against a HostileServer, with
LICPORTAL_TOKEN so no login is needed, and checks what it prints.
"""

import os
import re
import shutil
import subprocess
import tempfile
import threading
import time
import unittest

from hostile_server import HostileServer

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE_ROOT = os.environ.get("LP_SOURCE_ROOT", os.path.dirname(os.path.dirname(HERE)))

# Characters that must never reach a terminal from server text: C1 controls,
# BiDi embeddings/overrides/isolates and marks, line/paragraph separators, and
# invisible format characters (soft hyphen, Hangul fillers, zero width space,
# U+2060..U+206F, the BOM, tag characters).
FORBIDDEN_CHARS = re.compile("[\u0080-\u009f\u00ad\u061c\u115f\u1160\u200b\u200e\u200f"
                             "\u202a-\u202e\u2060-\u206f\u2028\u2029\u3164\ufeff\uffa0"
                             "\U000e0000-\U000e007f]")
# Raw C0 controls and DEL, except the newline that ends a line and the tab that
# separates plain-text columns (server text must add neither: the string tests
# compare line and column counts with a clean run).
FORBIDDEN_BYTES = re.compile(rb"[\x00-\x08\x0b-\x1f\x7f]")


def licportal():
    path = os.environ.get("LICPORTAL")
    if not path:
        path = os.path.join(SOURCE_ROOT, "build", "src", "cli", "licportal")
    path = os.path.abspath(path)
    if not os.access(path, os.X_OK):
        raise unittest.SkipTest(f"licportal not built at {path}")
    return path


def openssl(*args, cwd):
    subprocess.run(["openssl", *args], cwd=cwd, check=True, capture_output=True, timeout=60)


class Certs:
    """ca.pem/server.pem/server.key (good), wronghost.pem, expired.pem, and
    other-ca server certificate other/server.pem, all with keys."""

    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="licportal-faults-certs-")
        subprocess.run([os.path.join(SOURCE_ROOT, "scripts", "mkcert.sh"), self.dir],
                       check=True, capture_output=True, timeout=60)
        self.other_dir = os.path.join(self.dir, "other")
        subprocess.run([os.path.join(SOURCE_ROOT, "scripts", "mkcert.sh"), self.other_dir],
                       check=True, capture_output=True, timeout=60)
        self.ca = self.path("ca.pem")
        self.server = (self.path("server.pem"), self.path("server.key"))
        self.untrusted = (os.path.join(self.other_dir, "server.pem"),
                          os.path.join(self.other_dir, "server.key"))
        self.wrong_host = self._signed("wronghost", "DNS:wrong-host.example")
        self.expired = self._expired()

    def path(self, name):
        return os.path.join(self.dir, name)

    def _csr(self, name, cn):
        openssl("req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-subj", f"/CN={cn}", "-keyout", f"{name}.key", "-out", f"{name}.csr",
                cwd=self.dir)
        with open(self.path(f"{name}.ext"), "w") as f:
            f.write(f"subjectAltName={self._san}\nbasicConstraints=CA:FALSE\n"
                    "extendedKeyUsage=serverAuth\n")

    def _signed(self, name, san):
        self._san = san
        self._csr(name, san.split(":", 1)[1])
        openssl("x509", "-req", "-in", f"{name}.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
                "-CAcreateserial", "-days", "2", "-extfile", f"{name}.ext", "-out",
                f"{name}.pem", cwd=self.dir)
        return self.path(f"{name}.pem"), self.path(f"{name}.key")

    def _expired(self):
        """Right host name, trusted CA, validity over long ago (openssl ca sets the dates)."""
        self._san = "DNS:localhost,IP:127.0.0.1"
        self._csr("expired", "localhost")
        ca_dir = self.path("ca-db")
        os.makedirs(os.path.join(ca_dir, "new"))
        open(os.path.join(ca_dir, "index.txt"), "w").close()
        with open(os.path.join(ca_dir, "serial"), "w") as f:
            f.write("1000\n")
        with open(self.path("ca.cnf"), "w") as f:
            f.write(f"""[ca]
default_ca = ca_default
[ca_default]
database = {ca_dir}/index.txt
new_certs_dir = {ca_dir}/new
serial = {ca_dir}/serial
default_md = sha256
policy = policy_any
unique_subject = no
[policy_any]
commonName = supplied
""")
        openssl("ca", "-batch", "-notext", "-config", "ca.cnf", "-cert", "ca.pem", "-keyfile",
                "ca.key", "-in", "expired.csr", "-out", "expired.pem", "-extfile", "expired.ext",
                "-startdate", "20200101000000Z", "-enddate", "20200201000000Z", cwd=self.dir)
        return self.path("expired.pem"), self.path("expired.key")

    def cleanup(self):
        shutil.rmtree(self.dir, ignore_errors=True)


class Result:
    def __init__(self, args, code, out, err, seconds):
        self.args = args
        self.code = code
        self.out = out
        self.err = err
        self.seconds = seconds

    def __repr__(self):
        return (f"<licportal {' '.join(self.args)}: exit {self.code} after {self.seconds:.1f} s;"
                f" stdout {self.out[:600]!r}; stderr {self.err[:600]!r}>")


class Client:
    """One isolated home; runs licportal against a server origin with a CA file."""

    def __init__(self, origin, cacert):
        self.origin = origin
        self.cacert = cacert
        self.dir = tempfile.mkdtemp(prefix="licportal-faults-")
        self.work = os.path.join(self.dir, "work")
        os.makedirs(self.work)
        self.env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": self.dir,
            "XDG_CONFIG_HOME": os.path.join(self.dir, "config"),
            "XDG_STATE_HOME": os.path.join(self.dir, "state"),
            "XDG_CACHE_HOME": os.path.join(self.dir, "cache"),
            "LANG": "C.UTF-8",
            "DBUS_SESSION_BUS_ADDRESS": "unix:path=/nonexistent/licportal-test-bus",
            "TERM": "xterm",
            "LICPORTAL_TOKEN": "rt_hostile",
        }

    def argv(self, args):
        argv = [licportal(), *args, "--server", self.origin, "--credential-store", "none"]
        if self.cacert:
            argv += ["--cacert", self.cacert]
        return argv

    def start(self, *args):
        # A login reads its password from stdin; everything else gets nothing there.
        password = b"demo-password\n" if "--password-stdin" in args else None
        proc = subprocess.Popen(self.argv(args), env=self.env, cwd=self.work,
                                stdin=subprocess.PIPE if password else subprocess.DEVNULL,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                start_new_session=True)
        proc.lp_input = password
        proc.lp_args = args
        proc.lp_started = time.monotonic()
        return proc

    @staticmethod
    def finish(proc, limit):
        """Waits up to `limit` seconds from the start; a run still going is killed and
        reported with code None."""
        remaining = max(0.1, limit - (time.monotonic() - proc.lp_started))
        try:
            out, err = proc.communicate(input=proc.lp_input, timeout=remaining)
            code = proc.returncode
        except subprocess.TimeoutExpired:
            proc.kill()
            out, err = proc.communicate()
            code = None
        return Result(list(proc.lp_args), code, out, err, time.monotonic() - proc.lp_started)

    def run(self, *args, limit=30):
        return self.finish(self.start(*args), limit)

    def run_all(self, commands, limit=30):
        """All at once, so that stalls are waited out in parallel; each is timed on its own."""
        procs = [self.start(*c) for c in commands]
        results = [None] * len(procs)

        def wait(i):
            results[i] = self.finish(procs[i], limit)

        threads = [threading.Thread(target=wait, args=(i,)) for i in range(len(procs))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        return results

    def cleanup(self):
        shutil.rmtree(self.dir, ignore_errors=True)


class FaultTestCase(unittest.TestCase):
    """A hostile server per class (good certificate), a fresh client home per test."""

    cert_kind = "server"

    @classmethod
    def setUpClass(cls):
        cls.certs = Certs()
        cert, key = getattr(cls.certs, cls.cert_kind)
        cls.server = HostileServer(cert, key)

    @classmethod
    def tearDownClass(cls):
        cls.server.close()
        cls.certs.cleanup()

    def setUp(self):
        self.server.resume()
        self.server.fault = "ok"
        self.server.requests.clear()
        self.server.plain_hits.clear()

    def tearDown(self):
        self.server.release()

    def client(self, host="127.0.0.1", cacert=True):
        c = Client(self.server.origin(host), self.certs.ca if cacert else None)
        self.addCleanup(c.cleanup)
        return c

    # --- checks ---------------------------------------------------------------------------
    def assertTerminalSafe(self, result):
        for name, data in (("stdout", result.out), ("stderr", result.err)):
            bad = FORBIDDEN_BYTES.search(data)
            if bad is not None:
                self.fail(f"raw control byte {bad.group()!r} on {name}: {result!r}")
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError as e:
                self.fail(f"{name} is not valid UTF-8 ({e}): {result!r}")
            bad = FORBIDDEN_CHARS.search(text)
            if bad is not None:
                self.fail(f"control character U+{ord(bad.group()):04X} on {name}: {result!r}")

    def assertOneErrorLine(self, result):
        lines = [l for l in result.err.decode("utf-8", "replace").split("\n") if l.strip()]
        self.assertEqual(len(lines), 1, f"expected one line on stderr: {result!r}")
        return lines[0]

    def assertFails(self, result, codes, limit):
        codes = codes if isinstance(codes, (tuple, list, set)) else (codes,)
        self.assertIsNotNone(result.code, f"still running after {limit} s: {result!r}")
        self.assertIn(result.code, codes, result)
        self.assertLess(result.seconds, limit, result)
        self.assertTerminalSafe(result)
        return self.assertOneErrorLine(result)
