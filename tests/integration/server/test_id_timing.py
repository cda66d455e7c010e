# Another user's id is answered like a missing one: the same 404, headers and body, and the same time within noise.
import http.client
import json
import random
import ssl
import statistics
import time

import harness

WARM_UP = 20            # requests of each kind before measuring
SAMPLES = 200           # measured requests of each kind, interleaved at random
# The medians of the two kinds may differ by at most this much...
ABSOLUTE_SLACK_S = 0.0005
# ...or by this share of the pooled median, when that is larger (slow sanitizer builds).
RELATIVE_SLACK = 0.25
# Headers that differ from one response to the next by design.
PER_RESPONSE_HEADERS = {"x-request-id", "date"}


class KeptConnection:
    """One HTTPS connection to the server itself (never through a proxy), trusting only the
    test CA, that times each exchange and refuses to reconnect."""

    def __init__(self, portal, token):
        context = ssl.create_default_context(ssl.Purpose.SERVER_AUTH, cafile=portal.ca_file)
        context.check_hostname = True
        context.verify_mode = ssl.CERT_REQUIRED
        self.conn = http.client.HTTPSConnection(portal.host, portal.port, timeout=60,
                                                context=context)
        self.conn.connect()
        self.sock = self.conn.sock
        self.headers = {"Authorization": f"Bearer {token}", "Accept": "application/json"}

    def close(self):
        self.conn.close()

    def exchange(self, method, path):
        """Returns (seconds, status, headers, raw body) of one request and its whole answer."""
        body = b"" if method == "POST" else None
        started = time.perf_counter()
        self.conn.request(method, harness.API_PREFIX + path, body=body, headers=self.headers)
        resp = self.conn.getresponse()
        raw = resp.read()
        elapsed = time.perf_counter() - started
        if self.conn.sock is not self.sock:
            raise AssertionError(f"{method} {path}: the server closed the kept connection")
        return elapsed, resp.status, resp.getheaders(), raw


class IdTimingTest(harness.PortalTestCase):
    demo_users = 2

    @classmethod
    def prepare(cls, portal):
        # Entitled to nothing, so every release is one it may not see.
        portal.add_user("outsider@example.com", name="No Licenses")

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.alice = cls.portal.login("demo1@example.com")
        cls.bob = cls.portal.login("demo2@example.com")
        cls.outsider = cls.portal.login("outsider@example.com", harness.ADDED_PASSWORD)
        portal = cls.portal
        alice_id = int(cls.alice.user["id"].split("_")[1])
        cls.alice_license = "lic_%d" % portal.sql(
            "SELECT id FROM licenses WHERE user_id = ? ORDER BY id LIMIT 1 OFFSET 5",
            (alice_id,))[0][0]
        cls.alice_activation = "act_%d" % portal.sql(
            "SELECT id FROM activations WHERE user_id = ? ORDER BY id LIMIT 1 OFFSET 2",
            (alice_id,))[0][0]
        cls.release = "rel_%d" % portal.sql("SELECT MIN(id) FROM releases")[0][0]
        # Ids that could be the next ones made, so they sit where real rows would.
        cls.missing_license = "lic_%d" % (portal.sql("SELECT MAX(id) FROM licenses")[0][0] + 1)
        cls.missing_activation = "act_%d" % (
            portal.sql("SELECT MAX(id) FROM activations")[0][0] + 1)
        cls.missing_release = "rel_%d" % (portal.sql("SELECT MAX(id) FROM releases")[0][0] + 1)

    def setUp(self):
        # Alice really holds these, so any difference is ownership, not existence.
        self.assertStatus(self.alice.get(f"/licenses/{self.alice_license}"), 200)
        self.assertStatus(self.alice.get(f"/downloads/{self.release}"), 200)
        activations = self.alice.list_all("/activations")[0]
        self.assertIn(self.alice_activation, {a["id"] for a in activations})

    def comparable(self, status, headers, raw):
        """The parts of a 404 that must not tell the two kinds apart."""
        self.assertEqual(status, 404, raw[:300])
        body = json.loads(raw)
        request_id = body["error"].pop("request_id")
        named = {name.lower(): value for name, value in headers}
        self.assertEqual(request_id, named.get("x-request-id"))
        kept = tuple(sorted((name, value) for name, value in named.items()
                            if name not in PER_RESPONSE_HEADERS))
        return kept, json.dumps(body, sort_keys=True)

    def measure(self, token, method, other_path, missing_path, seed):
        """Interleaves both kinds at random on one kept connection; returns their timings."""
        connection = KeptConnection(self.portal, token)
        self.addCleanup(connection.close)
        paths = {"other": other_path, "missing": missing_path}
        for _ in range(WARM_UP):
            for kind in paths:
                connection.exchange(method, paths[kind])
        order = ["other", "missing"] * SAMPLES
        random.Random(seed).shuffle(order)
        timings = {"other": [], "missing": []}
        seen = {"other": set(), "missing": set()}
        for kind in order:
            elapsed, status, headers, raw = connection.exchange(method, paths[kind])
            timings[kind].append(elapsed)
            seen[kind].add(self.comparable(status, headers, raw))
        self.assertEqual(len(seen["other"]), 1, f"{method} {other_path}: answers vary")
        self.assertEqual(seen["other"], seen["missing"],
                         f"{method}: another user's id and a missing id are answered differently")
        return timings

    def assertTimingEqual(self, token, method, other_path, missing_path):
        """The medians agree within noise; a noisy first measurement gets one more try."""
        verdicts = []
        for attempt in (1, 2):
            timings = self.measure(token, method, other_path, missing_path, seed=attempt)
            other = statistics.median(timings["other"])
            missing = statistics.median(timings["missing"])
            pooled = statistics.median(timings["other"] + timings["missing"])
            allowed = max(ABSOLUTE_SLACK_S, RELATIVE_SLACK * pooled)
            verdicts.append(f"attempt {attempt}: median {other * 1e3:.3f} ms for another "
                            f"user's id, {missing * 1e3:.3f} ms for a missing id, allowed "
                            f"difference {allowed * 1e3:.3f} ms")
            if abs(other - missing) <= allowed:
                # A TAP comment, so the test log shows how close the two were.
                print(f"# {method} {other_path}: {verdicts[-1]}", flush=True)
                return
        self.fail(f"{method} {other_path} vs {missing_path} differ in time:\n"
                  + "\n".join(verdicts))

    def test_license_detail(self):
        other = f"/licenses/{self.alice_license}"
        missing = f"/licenses/{self.missing_license}"
        # Through the checking proxy too, when the suite runs there.
        self.assertError(self.bob.get(other), 404, "not_found")
        self.assertError(self.bob.get(missing), 404, "not_found")
        self.assertTimingEqual(self.bob.token, "GET", other, missing)

    def test_license_key_reveal(self):
        other = f"/licenses/{self.alice_license}/reveal"
        missing = f"/licenses/{self.missing_license}/reveal"
        self.assertError(self.bob.post(other), 404, "not_found")
        self.assertError(self.bob.post(missing), 404, "not_found")
        self.assertTimingEqual(self.bob.token, "POST", other, missing)

    def test_deactivation(self):
        other = f"/activations/{self.alice_activation}"
        missing = f"/activations/{self.missing_activation}"
        self.assertError(self.bob.delete(other), 404, "not_found")
        self.assertError(self.bob.delete(missing), 404, "not_found")
        self.assertTimingEqual(self.bob.token, "DELETE", other, missing)
        # Hundreds of attempts later, Alice's device is still there.
        activations = self.alice.list_all("/activations")[0]
        self.assertIn(self.alice_activation, {a["id"] for a in activations})

    def test_download_detail_without_entitlement(self):
        other = f"/downloads/{self.release}"
        missing = f"/downloads/{self.missing_release}"
        self.assertError(self.outsider.get(other), 404, "not_found")
        self.assertError(self.outsider.get(missing), 404, "not_found")
        self.assertTimingEqual(self.outsider.token, "GET", other, missing)
