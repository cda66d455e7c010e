# TLS refusals with real certificates: wrong host name, expired, untrusted CA; each says which.
import unittest

from faults_support import Certs, Client, FaultTestCase, HostileServer

LIMIT = 20
COMMANDS = [["dashboard"], ["dashboard", "--json"], ["licenses"], ["downloads"]]


class TlsFaults(FaultTestCase):
    def server_with(self, cert, **options):
        server = HostileServer(*cert, **options)
        self.addCleanup(server.close)
        return server

    def refused(self, server, cacert, words, host="127.0.0.1"):
        client = Client(server.origin(host), cacert)
        self.addCleanup(client.cleanup)
        for result in client.run_all(COMMANDS + [["login", "--email", "demo1@example.com",
                                                  "--password-stdin"]], limit=LIMIT):
            with self.subTest(args=result.args):
                line = self.assertFails(result, 5, LIMIT)
                for word in words:
                    self.assertIn(word, line, result)
        # Nothing but the handshake: no request reached the server.
        self.assertEqual(server.requests, [])

    def test_good_certificate_is_accepted(self):
        client = self.client()
        result = client.run("dashboard", limit=LIMIT)
        self.assertEqual(result.code, 0, result)

    def test_wrong_host_name_is_refused(self):
        self.refused(self.server_with(self.certs.wrong_host), self.certs.ca, ["host name"])

    def test_expired_certificate_is_refused(self):
        self.refused(self.server_with(self.certs.expired), self.certs.ca, ["expired"])

    def test_untrusted_ca_is_refused_and_names_cacert(self):
        self.refused(self.server_with(self.certs.untrusted), self.certs.ca, ["--cacert"])

    def test_untrusted_ca_without_cacert_is_refused(self):
        self.refused(self.server_with(self.certs.server), None, ["--cacert"])

    def test_wrong_host_name_by_dns_name_is_refused(self):
        """localhost is not in the certificate's names either."""
        self.refused(self.server_with(self.certs.wrong_host), self.certs.ca, ["host name"],
                     host="localhost")

    def test_a_tls_1_0_only_server_is_refused_naming_the_protocol(self):
        """The failure is the protocol version, not the certificate: the message must
        not send the user off to --cacert."""
        server = self.server_with(self.certs.server, tls_1_0_only=True)
        client = Client(server.origin(), self.certs.ca)
        self.addCleanup(client.cleanup)
        for result in client.run_all(COMMANDS, limit=LIMIT):
            with self.subTest(args=result.args):
                line = self.assertFails(result, 5, LIMIT)
                self.assertIn("TLS protocol version", line)
                self.assertIn("TLS 1.2", line)
                self.assertNotIn("certificate", line)
                self.assertNotIn("--cacert", line)
        self.assertEqual(server.requests, [])


if __name__ == "__main__":
    unittest.main()
