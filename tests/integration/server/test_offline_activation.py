# Offline activation: machine request -> device activation + signed license file; signing keys and rotation.
import base64
import hashlib
import json
import os
import secrets
import stat
import threading
import time

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

import harness

PAYLOAD_FIELDS = ["license_id", "license_key", "product", "edition", "features", "expires_at",
                  "activation_id", "machine", "issued_at", "valid_until"]


def b64url_decode(text):
    if "=" in text or "+" in text or "/" in text:
        raise ValueError("not base64url without padding")
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def stamp(at):
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(at))


def machine_request(hostname="airgap-01", fingerprint=None, created_at=None, nonce=None):
    return {
        "version": 1,
        "fingerprint": fingerprint or hashlib.sha256(hostname.encode()).hexdigest(),
        "hostname": hostname,
        "platform": "linux-x86_64",
        "nonce": nonce or secrets.token_hex(16),
        "created_at": stamp(time.time() if created_at is None else created_at),
    }


def verify_independently(test, license_file, keys):
    """Checks the file with Python's own Ed25519 against the published keys; returns the payload."""
    by_id = {k["id"]: k for k in keys}
    test.assertIn(license_file["key_id"], by_id)
    public = Ed25519PublicKey.from_public_bytes(b64url_decode(by_id[license_file["key_id"]]["public_key"]))
    payload = b64url_decode(license_file["payload"])
    public.verify(b64url_decode(license_file["signature"]), payload)
    return json.loads(payload.decode("utf-8"))


class OfflineActivationTest(harness.PortalTestCase):
    demo_users = 2

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.api = cls.portal.login("demo1@example.com")
        cls.licenses, _ = cls.api.list_all("/licenses")

    def pick(self, condition):
        for lic in self.api.list_all("/licenses")[0]:
            if condition(lic):
                return lic
        self.skipTest("the demo data has no such license")
        return None

    def free_seat(self, lic):
        return lic["status"] == "active" and (lic["max_activations"] is None
                                              or lic["activations_in_use"] < lic["max_activations"])

    def keys(self):
        resp = self.client().get("/signing-keys", auth=False)
        self.assertStatus(resp, 200)
        return resp.json["keys"]

    def activate(self, license_id, request, **kw):
        return self.api.post(f"/licenses/{license_id}/offline-activations", {"request": request}, **kw)

    def test_signing_keys_need_no_login_and_hold_32_byte_ed25519_keys(self):
        keys = self.keys()
        self.assertGreaterEqual(len(keys), 1)
        current = [k for k in keys if k["retired_at"] is None]
        self.assertEqual(len(current), 1)
        for key in keys:
            self.assertEqual(key["alg"], "ed25519")
            self.assertEqual(len(b64url_decode(key["public_key"])), 32)
            harness.parse_ts(key["created_at"])

    def test_private_key_files_are_0600_in_a_0700_folder(self):
        folder = self.portal.signing_keys
        self.assertEqual(stat.S_IMODE(os.stat(folder).st_mode), 0o700)
        names = os.listdir(folder)
        self.assertTrue(names)
        for name in names:
            self.assertEqual(stat.S_IMODE(os.stat(os.path.join(folder, name)).st_mode), 0o600, name)

    def test_round_trip_gives_a_device_activation_and_a_file_python_verifies(self):
        lic = self.pick(lambda l: self.free_seat(l) and l["expires_at"] is not None)
        before = self.api.get("/dashboard").json["kpis"]["activations_in_use"]
        request = machine_request("airgap-roundtrip")
        resp = self.activate(lic["id"], request)
        self.assertStatus(resp, 201)
        activation, license_file = resp.json["activation"], resp.json["license_file"]
        self.assertEqual(activation["kind"], "device")
        self.assertEqual(activation["name"], "airgap-roundtrip")
        self.assertEqual(activation["fingerprint"], request["fingerprint"])
        self.assertEqual(activation["platform"], "linux-x86_64")
        self.assertEqual(activation["license_id"], lic["id"])
        self.assertEqual(list(license_file), ["format", "version", "alg", "key_id", "payload", "signature"])
        self.assertEqual(license_file["format"], "licportal-license-file")
        self.assertEqual(license_file["version"], 1)
        self.assertEqual(license_file["alg"], "ed25519")
        payload = verify_independently(self, license_file, self.keys())
        self.assertEqual(list(payload), PAYLOAD_FIELDS)
        detail = self.api.get(f"/licenses/{lic['id']}").json
        full_key = self.api.post(f"/licenses/{lic['id']}/reveal").json["key"]
        self.assertEqual(payload["license_id"], lic["id"])
        self.assertEqual(payload["license_key"], full_key)
        self.assertEqual(payload["product"], detail["product"])
        self.assertEqual(payload["edition"], detail["edition"])
        self.assertEqual(payload["features"], detail["features"])
        self.assertEqual(payload["expires_at"], detail["expires_at"])
        self.assertEqual(payload["valid_until"], detail["expires_at"])
        self.assertEqual(payload["activation_id"], activation["id"])
        self.assertEqual(payload["machine"], {"fingerprint": request["fingerprint"],
                                              "hostname": "airgap-roundtrip", "platform": "linux-x86_64"})
        self.assertLessEqual(abs(harness.parse_ts(payload["issued_at"]) - time.time()), 60)
        # At once in the list, the license's seats and the KPI.
        listed = self.api.list_all("/activations", {"license_id": lic["id"]})[0]
        self.assertIn(activation["id"], [a["id"] for a in listed])
        self.assertEqual(detail["activations_in_use"], lic["activations_in_use"] + 1)
        self.assertEqual(self.api.get("/dashboard").json["kpis"]["activations_in_use"], before + 1)
        # Audited.
        rows = self.portal.sql("SELECT action FROM audit_log WHERE object_id = ?", (activation["id"],))
        self.assertIn(("offline_activate",), rows)
        # Deactivated like any other: the seat comes back.
        self.assertStatus(self.api.delete(f"/activations/{activation['id']}"), 204)
        self.assertEqual(self.api.get("/dashboard").json["kpis"]["activations_in_use"], before)

    def test_a_changed_payload_or_signature_fails_verification(self):
        lic = self.pick(self.free_seat)
        resp = self.activate(lic["id"], machine_request("airgap-tamper"))
        self.assertStatus(resp, 201)
        license_file = resp.json["license_file"]
        keys = self.keys()
        for field in ("payload", "signature"):
            raw = bytearray(b64url_decode(license_file[field]))
            raw[len(raw) // 2] ^= 0x01
            changed = dict(license_file, **{field: base64.urlsafe_b64encode(bytes(raw)).decode().rstrip("=")})
            with self.subTest(field=field), self.assertRaises(InvalidSignature):
                verify_independently(self, changed, keys)
        self.assertStatus(self.api.delete(f"/activations/{resp.json['activation']['id']}"), 204)

    def test_a_license_that_never_expires_gives_a_file_valid_for_a_year(self):
        lic = self.pick(lambda l: self.free_seat(l) and l["expires_at"] is None)
        resp = self.activate(lic["id"], machine_request("airgap-forever"))
        self.assertStatus(resp, 201)
        payload = verify_independently(self, resp.json["license_file"], self.keys())
        self.assertIsNone(payload["expires_at"])
        issued = harness.parse_ts(payload["issued_at"])
        self.assertIn(harness.parse_ts(payload["valid_until"]) - issued, (365 * 86400, 366 * 86400))
        self.assertStatus(self.api.delete(f"/activations/{resp.json['activation']['id']}"), 204)

    def test_the_same_request_twice_is_request_replayed(self):
        lic = self.pick(lambda l: self.free_seat(l) and (l["max_activations"] is None
                                                         or l["max_activations"] - l["activations_in_use"] >= 2))
        request = machine_request("airgap-replay")
        first = self.activate(lic["id"], request)
        self.assertStatus(first, 201)
        in_use = self.api.get(f"/licenses/{lic['id']}").json["activations_in_use"]
        self.assertError(self.activate(lic["id"], request), 409, "request_replayed")
        other = self.pick(lambda l: self.free_seat(l) and l["id"] != lic["id"])
        self.assertError(self.activate(other["id"], request), 409, "request_replayed")
        self.assertEqual(self.api.get(f"/licenses/{lic['id']}").json["activations_in_use"], in_use)
        self.assertStatus(self.api.delete(f"/activations/{first.json['activation']['id']}"), 204)

    def test_no_free_seat_is_seats_exhausted_and_changes_nothing(self):
        lic = self.pick(lambda l: l["status"] == "active" and l["max_activations"] is not None)
        made = []
        for n in range(lic["max_activations"] - lic["activations_in_use"]):
            resp = self.activate(lic["id"], machine_request(f"airgap-fill-{n}"))
            self.assertStatus(resp, 201)
            made.append(resp.json["activation"]["id"])
        before = self.api.get("/dashboard").json["kpis"]["activations_in_use"]
        self.assertError(self.activate(lic["id"], machine_request("airgap-one-too-many")), 409, "seats_exhausted")
        self.assertEqual(self.api.get("/dashboard").json["kpis"]["activations_in_use"], before)
        self.assertEqual(self.api.get(f"/licenses/{lic['id']}").json["activations_in_use"], lic["max_activations"])
        for activation_id in made:
            self.assertStatus(self.api.delete(f"/activations/{activation_id}"), 204)

    def test_parallel_requests_never_take_more_seats_than_the_license_has(self):
        lic = self.pick(lambda l: l["status"] == "active" and l["max_activations"] is not None
                        and l["max_activations"] - l["activations_in_use"] >= 1)
        free = lic["max_activations"] - lic["activations_in_use"]
        clients = [self.portal.client(token=self.api.token) for _ in range(free + 3)]
        answers = [None] * len(clients)

        def run(index, client):
            answers[index] = client.post(f"/licenses/{lic['id']}/offline-activations",
                                         {"request": machine_request(f"airgap-race-{index}")})

        threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
        statuses = sorted(a.status for a in answers)
        self.assertEqual(statuses, [201] * free + [409] * 3, [a.describe() for a in answers])
        self.assertEqual({a.error_code for a in answers if a.status == 409}, {"seats_exhausted"})
        self.assertEqual(self.api.get(f"/licenses/{lic['id']}").json["activations_in_use"], lic["max_activations"])
        for a in answers:
            if a.status == 201:
                self.assertStatus(self.api.delete(f"/activations/{a.json['activation']['id']}"), 204)

    def test_a_license_that_is_not_active_is_refused(self):
        for status in ("expired", "suspended", "revoked", "pending"):
            lic = next((l for l in self.licenses if l["status"] == status), None)
            if lic is None:
                continue
            with self.subTest(status=status):
                self.assertError(self.activate(lic["id"], machine_request(f"airgap-{status}")), 403,
                                 "offline_activation_not_allowed")

    def test_stale_or_future_requests_are_invalid(self):
        lic = self.pick(self.free_seat)
        now = time.time()
        for name, created in (("eight days old", now - 8 * 86400), ("two days ahead", now + 2 * 86400)):
            with self.subTest(name):
                self.assertError(self.activate(lic["id"], machine_request(created_at=created)), 400,
                                 "invalid_request")
        fresh_enough = self.activate(lic["id"], machine_request("airgap-six-days", created_at=now - 6 * 86400))
        self.assertStatus(fresh_enough, 201)
        self.assertStatus(self.api.delete(f"/activations/{fresh_enough.json['activation']['id']}"), 204)

    def test_malformed_requests_are_invalid_request(self):
        lic = self.pick(self.free_seat)
        good = machine_request("airgap-malformed")
        cases = {
            "version 2": dict(good, version=2),
            "upper-case fingerprint": dict(good, fingerprint=good["fingerprint"].upper()),
            "short fingerprint": dict(good, fingerprint="ab" * 8),
            "short nonce": dict(good, nonce="0" * 31),
            "hostname with a space": dict(good, hostname="air gap"),
            "hostname with escapes": dict(good, hostname="\x1b[31mred"),
            "empty platform": dict(good, platform=""),
            "time stamp without Z": dict(good, created_at=good["created_at"][:-1]),
            "unknown member": dict(good, extra=True),
            "missing nonce": {k: v for k, v in good.items() if k != "nonce"},
        }
        for name, request in cases.items():
            with self.subTest(name):
                self.assertError(self.activate(lic["id"], request, rejected_by_contract=True), 400,
                                 "invalid_request")
        self.assertError(self.api.post(f"/licenses/{lic['id']}/offline-activations", good,
                                       rejected_by_contract=True), 400, "invalid_request")
        self.assertError(self.api.post(f"/licenses/{lic['id']}/offline-activations", raw_body=b"{\"request\":",
                                       rejected_by_contract=True), 400, "invalid_request")
        # None of them spent the nonce.
        resp = self.activate(lic["id"], good)
        self.assertStatus(resp, 201)
        self.assertStatus(self.api.delete(f"/activations/{resp.json['activation']['id']}"), 204)

    def test_another_users_license_or_a_bad_id_is_not_found(self):
        other = self.portal.login("demo2@example.com")
        theirs = next(l for l in other.list_all("/licenses")[0] if self.free_seat(l))
        self.assertError(self.activate(theirs["id"], machine_request()), 404, "not_found")
        self.assertError(self.activate("lic_999999999", machine_request()), 404, "not_found")
        self.assertError(self.activate("nonsense", machine_request()), 404, "not_found")

    def test_without_a_login_it_is_unauthenticated(self):
        lic = self.pick(self.free_seat)
        resp = self.client().post(f"/licenses/{lic['id']}/offline-activations", {"request": machine_request()},
                                  auth=False, rejected_by_contract=True)
        self.assertError(resp, 401, "unauthenticated")


class KeyRotationTest(harness.PortalTestCase):
    demo_users = 1

    def test_after_rotation_old_files_verify_and_new_files_carry_the_new_key(self):
        api = self.portal.login("demo1@example.com")
        lic = next(l for l in api.list_all("/licenses")[0]
                   if l["status"] == "active" and l["max_activations"] is None)
        before = api.post(f"/licenses/{lic['id']}/offline-activations", {"request": machine_request("rot-a")})
        self.assertStatus(before, 201)
        old_key = before.json["license_file"]["key_id"]
        out = self.portal.admin("keys", "rotate", *self.portal.store_args("keys"))
        self.assertIn("key_", out)
        keys = self.client().get("/signing-keys", auth=False).json["keys"]
        self.assertEqual(len(keys), 2)
        by_id = {k["id"]: k for k in keys}
        self.assertIsNotNone(by_id[old_key]["retired_at"])
        new_key = next(k["id"] for k in keys if k["retired_at"] is None)
        self.assertNotEqual(new_key, old_key)
        after = api.post(f"/licenses/{lic['id']}/offline-activations", {"request": machine_request("rot-b")})
        self.assertStatus(after, 201)
        self.assertEqual(after.json["license_file"]["key_id"], new_key)
        verify_independently(self, before.json["license_file"], keys)
        verify_independently(self, after.json["license_file"], keys)
        self.assertTrue(os.path.exists(os.path.join(self.portal.signing_keys, new_key + ".key")))
