# Slow clients: one address holding many slow TLS connections locks no one else out, and is cut off.
import socket
import ssl
import time

import harness
import raw_tls

PER_ADDRESS = 8
REQUEST_TIMEOUT = 3
ATTACKER = "127.0.0.2"
BYSTANDER = "127.0.0.3"


def open_slow(portal, count):
    """Tries `count` TLS connections from the attacker's address, each starting a request it
    never finishes. Returns the ones the server took (it may refuse the others at once)."""
    held = []
    for _ in range(count):
        try:
            tls = raw_tls.connect(portal, source=ATTACKER, timeout=5)
            tls.sendall(b"GET /api/v1/me HTTP/1.1\r\nHost: x\r\n")
            held.append(tls)
        except (OSError, ssl.SSLError):
            pass
    # A refused connection may still complete its handshake before the server's close is
    # seen: only the ones still open a moment later count.
    time.sleep(0.3)
    return [tls for tls in held if is_open(tls)]


def is_open(tls):
    tls.settimeout(0.01)
    try:
        return tls.recv(1) != b""
    except (socket.timeout, ssl.SSLWantReadError):
        return True
    except (OSError, ssl.SSLError):
        return False


def assert_served(test, portal, source):
    """A whole request from `source` gets its answer (401: no token)."""
    answer = raw_tls.exchange(portal, b"GET /api/v1/me HTTP/1.1\r\nHost: x\r\n"
                                      b"Connection: close\r\n\r\n", source=source)
    test.assertTrue(answer.startswith(b"HTTP/1.1 401"), answer[:200])


def drip(held):
    """One more header line on every connection still open; returns those still open."""
    still = []
    for tls in held:
        try:
            tls.sendall(b"X-Slow: 1\r\n")
        except (OSError, ssl.SSLError):
            tls.close()
            continue
        if is_open(tls):
            still.append(tls)
        else:
            tls.close()
    return still


class SlowClientsTest(harness.PortalTestCase):
    demo_users = 1
    connections_per_address = PER_ADDRESS
    serve_args = ("--max-connections", "100", "--request-timeout", str(REQUEST_TIMEOUT))

    def test_one_address_cannot_hold_more_than_its_share_and_others_are_served(self):
        started = time.monotonic()
        held = open_slow(self.portal, 300)
        try:
            self.assertGreater(len(held), 0, "no slow connection was accepted at all")
            self.assertLessEqual(len(held), PER_ADDRESS)
            assert_served(self, self.portal, BYSTANDER)
        finally:
            for tls in held:
                tls.close()
        self.assertLess(time.monotonic() - started, 30)

    def test_a_request_dripped_one_header_line_at_a_time_is_cut_off_at_the_deadline(self):
        held = open_slow(self.portal, PER_ADDRESS)
        self.assertGreater(len(held), 0)
        started = time.monotonic()
        try:
            # Each drip renews an idle timeout; the deadline counts from the connection.
            while held and time.monotonic() - started < REQUEST_TIMEOUT + 5:
                time.sleep(0.5)
                held = drip(held)
            self.assertEqual(held, [], f"{len(held)} slow connections outlived the deadline")
            self.assertGreaterEqual(time.monotonic() - started, REQUEST_TIMEOUT - 1.5)
        finally:
            for tls in held:
                tls.close()
        # The address has its share again.
        assert_served(self, self.portal, ATTACKER)

    def test_a_kept_alive_connection_serves_requests_sent_in_time(self):
        api = self.login("demo1@example.com")
        for _ in range(3):
            self.assertStatus(api.get("/me"), 200)
            time.sleep(0.5)


class SlowClientsAtDefaultLimitsTest(harness.PortalTestCase):
    """Without the options: the global limit shared with no per-address cap was the attack."""
    demo_users = 0
    connections_per_address = None

    def test_one_address_holding_many_connections_leaves_room_for_others(self):
        held = open_slow(self.portal, 100)
        try:
            self.assertLessEqual(len(held), 32)
            assert_served(self, self.portal, BYSTANDER)
        finally:
            for tls in held:
                tls.close()
