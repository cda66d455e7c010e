# TLS 1.2 and 1.3 only, AEAD ciphers with forward secrecy only: openssl s_client offers the rest.
import os
import subprocess

import harness


def handshake(portal, *options):
    """True when `openssl s_client` with these options completes a handshake."""
    argv = ["openssl", "s_client", "-connect", f"{portal.host}:{portal.port}",
            "-CAfile", portal.ca_file, "-verify_return_error", *options]
    proc = subprocess.run(argv, stdin=subprocess.DEVNULL, capture_output=True, timeout=20)
    return proc.returncode == 0 and b"Cipher is (NONE)" not in proc.stdout


# The client side would refuse these old suites by itself at its default security level.
OLD = "DEFAULT@SECLEVEL=0"


class EcdsaCertificateTlsPolicyTest(harness.PortalTestCase):
    demo_users = 0

    def test_tls_1_0_and_1_1_are_refused(self):
        self.assertFalse(handshake(self.portal, "-tls1", "-cipher", OLD))
        self.assertFalse(handshake(self.portal, "-tls1_1", "-cipher", OLD))

    def test_cbc_sha1_suites_are_refused(self):
        for cipher in ("ECDHE-ECDSA-AES128-SHA", "ECDHE-ECDSA-AES256-SHA", "ECDHE-ECDSA-AES128-SHA256"):
            with self.subTest(cipher=cipher):
                self.assertFalse(handshake(self.portal, "-tls1_2", "-cipher", cipher + "@SECLEVEL=0"))

    def test_tls_1_2_with_ecdhe_and_gcm_is_accepted(self):
        for cipher in ("ECDHE-ECDSA-AES128-GCM-SHA256", "ECDHE-ECDSA-AES256-GCM-SHA384",
                       "ECDHE-ECDSA-CHACHA20-POLY1305"):
            with self.subTest(cipher=cipher):
                self.assertTrue(handshake(self.portal, "-tls1_2", "-cipher", cipher))

    def test_tls_1_3_is_accepted(self):
        self.assertTrue(handshake(self.portal, "-tls1_3"))


class RsaCertificateTlsPolicyTest(harness.PortalTestCase):
    """An RSA certificate makes key exchange by RSA possible: it must still be refused."""
    demo_users = 0

    @classmethod
    def prepare(cls, portal):
        tls = portal.cert_dir
        subprocess.run(["openssl", "req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost",
                        "-keyout", os.path.join(tls, "server.key"), "-out", os.path.join(tls, "rsa.csr")],
                       check=True, capture_output=True, timeout=60)
        with open(os.path.join(tls, "rsa.ext"), "w", encoding="ascii") as f:
            f.write("subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n")
        subprocess.run(["openssl", "x509", "-req", "-in", os.path.join(tls, "rsa.csr"),
                        "-CA", os.path.join(tls, "ca.pem"), "-CAkey", os.path.join(tls, "ca.key"),
                        "-CAcreateserial", "-days", "2", "-extfile", os.path.join(tls, "rsa.ext"),
                        "-out", os.path.join(tls, "server.pem")],
                       check=True, capture_output=True, timeout=60)

    def test_rsa_key_exchange_is_refused(self):
        for cipher in ("AES128-GCM-SHA256", "AES256-GCM-SHA384", "AES128-SHA", "AES256-SHA256"):
            with self.subTest(cipher=cipher):
                self.assertFalse(handshake(self.portal, "-tls1_2", "-cipher", cipher + "@SECLEVEL=0"))

    def test_cbc_sha1_with_ecdhe_is_refused(self):
        self.assertFalse(handshake(self.portal, "-tls1_2", "-cipher", "ECDHE-RSA-AES128-SHA@SECLEVEL=0"))

    def test_ecdhe_rsa_with_gcm_and_tls_1_3_are_accepted(self):
        self.assertTrue(handshake(self.portal, "-tls1_2", "-cipher", "ECDHE-RSA-AES128-GCM-SHA256"))
        self.assertTrue(handshake(self.portal, "-tls1_3"))
