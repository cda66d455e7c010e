# The server speaks HTTPS only, with the certificate it was given; clients that trust another CA fail.
import http.client
import os
import socket
import ssl
import subprocess

import harness


class TransportTest(harness.PortalTestCase):
    demo_users = 1

    def test_a_client_trusting_another_ca_refuses_the_server(self):
        other = os.path.join(self.portal.dir, "other-ca")
        subprocess.run(["bash", os.path.join(harness.source_root(), "scripts", "mkcert.sh"),
                        other], check=True, capture_output=True, timeout=60)
        stranger = harness.ApiClient(self.portal.host, self.portal.port,
                                     ca_file=os.path.join(other, "ca.pem"))
        with self.assertRaises(ssl.SSLCertVerificationError):
            stranger.get("/me")
        stranger.close()
        trusted = self.portal.direct_client()
        self.assertError(trusted.get("/me"), 401, "unauthenticated")

    def test_the_certificate_names_the_loopback_address(self):
        context = ssl.create_default_context(cafile=self.portal.ca_file)
        with socket.create_connection((self.portal.host, self.portal.port), timeout=10) as raw:
            with context.wrap_socket(raw, server_hostname="127.0.0.1") as tls:
                self.assertIn(tls.version(), ("TLSv1.2", "TLSv1.3"))
                names = [v for _, v in tls.getpeercert().get("subjectAltName", ())]
                self.assertIn("127.0.0.1", names)

    def test_plain_http_gets_no_http_answer(self):
        conn = http.client.HTTPConnection(self.portal.host, self.portal.port, timeout=10)
        try:
            conn.request("GET", "/api/v1/me")
            resp = conn.getresponse()
            status = resp.status
        except (http.client.HTTPException, OSError):
            status = None
        finally:
            conn.close()
        self.assertIsNone(status, "the server answered plain HTTP")
        # And it still serves TLS afterwards.
        self.assertStatus(self.login("demo1@example.com").get("/me"), 200)
