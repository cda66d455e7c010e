# Login against a Prism mock of docs/api/openapi.yaml: the server answers with another email than the
# one typed (the document's example user), and the next command must still find the session.
import http.client
import http.server
import os
import shutil
import socket
import ssl
import subprocess
import tempfile
import threading
import time
import unittest

import harness
from cli_support import CliHome

MOCK_START_TIMEOUT = 90.0


class TlsToMock(http.server.ThreadingHTTPServer):
    """HTTPS in front of Prism (which serves plain HTTP only); /api/v1 is the document's server URL."""
    daemon_threads = True

    def __init__(self, cert, key, mock_port):
        self.mock_port = mock_port
        super().__init__(("127.0.0.1", 0), Forward)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(cert, key)
        self.socket = context.wrap_socket(self.socket, server_side=True)


class Forward(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def forward(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else None
        path = self.path[len(harness.API_PREFIX):] if self.path.startswith(harness.API_PREFIX) else self.path
        conn = http.client.HTTPConnection("127.0.0.1", self.server.mock_port, timeout=30)
        headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "connection")}
        conn.request(self.command, path, body=body, headers=headers)
        resp = conn.getresponse()
        data = resp.read()
        conn.close()
        self.send_response(resp.status)
        for name, value in resp.getheaders():
            if name.lower() not in ("transfer-encoding", "connection", "content-length"):
                self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = do_DELETE = forward

    def log_message(self, *args):
        pass


class LoginAgainstMockTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="licportal-mock-")
        cls.certs = os.path.join(cls.dir, "tls")
        subprocess.run(["bash", os.path.join(harness.source_root(), "scripts", "mkcert.sh"), cls.certs],
                       check=True, capture_output=True, timeout=60)
        doc = os.path.join(harness.source_root(), "docs", "api", "openapi.yaml")
        cls.mock_port = harness.free_port()
        cls.log = open(os.path.join(cls.dir, "prism.log"), "wb")
        cls.mock = subprocess.Popen(
            [os.path.join(harness.prism_bin_dir(), "prism"), "mock", doc, "--port", str(cls.mock_port),
             "--host", "127.0.0.1"], stdout=cls.log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            env=dict(os.environ, NO_COLOR="1", FORCE_COLOR="0"), start_new_session=True)
        deadline = time.monotonic() + MOCK_START_TIMEOUT
        while time.monotonic() < deadline and cls.mock.poll() is None:
            try:
                socket.create_connection(("127.0.0.1", cls.mock_port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.3)
        cls.tls = TlsToMock(os.path.join(cls.certs, "server.pem"), os.path.join(cls.certs, "server.key"),
                            cls.mock_port)
        threading.Thread(target=cls.tls.serve_forever, daemon=True).start()

    @classmethod
    def tearDownClass(cls):
        cls.tls.shutdown()
        cls.tls.server_close()
        os.killpg(cls.mock.pid, 15)
        cls.mock.wait(timeout=20)
        cls.log.close()
        shutil.rmtree(cls.dir, ignore_errors=True)

    def test_the_session_is_found_when_the_server_answers_another_email(self):
        portal = type("MockPortal", (), {"origin": f"https://127.0.0.1:{self.tls.server_address[1]}",
                                          "ca_file": os.path.join(self.certs, "ca.pem")})()
        home = CliHome(portal, store="file")
        self.addCleanup(home.cleanup)
        res = home.run("login", "--email", "Ops.Team@Example.ORG", "--password-stdin", stdin=b"secret\n")
        self.assertEqual(res.code, 0, res)
        self.assertIn("Logged in", res.out)
        res = home.run("status")
        self.assertEqual(res.code, 0, res)
        self.assertNotIn("not logged in", res.err)
        fields = dict(line.split("\t", 1) for line in res.out.splitlines())
        self.assertEqual(fields["Server answers"], "yes")


if __name__ == "__main__":
    unittest.main()
