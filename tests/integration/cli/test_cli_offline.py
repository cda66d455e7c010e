# Offline activation end to end: offline-request -> activate-offline -> verify, over HTTPS against licportald.
import base64
import hashlib
import json
import os
import re
import stat

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from cli_support import CliTestCase

MACHINE_ID = "4c1f0e9a7b3d2c4e6f8091a2b3c4d5e6\n"
OTHER_MACHINE_ID = "0123456789abcdef0123456789abcdef\n"


def b64url_decode(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def b64url(data):
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


class OfflineCliTest(CliTestCase):
    demo_users = 1

    def setUp(self):
        self.cli = self.logged_in_home()
        self.api = self.login()
        self.machine_id = self.write("machine-id", MACHINE_ID)
        self.other_machine_id = self.write("other-machine-id", OTHER_MACHINE_ID)

    def write(self, name, text):
        path = os.path.join(self.cli.work, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return path

    def on_machine(self, *args, machine_id=None, server=False):
        """licportal run as on the air-gapped machine: its own machine ID, no server given."""
        return self.cli.run(*args, server=server, env={"LICPORTAL_MACHINE_ID_FILE": machine_id or self.machine_id})

    def free_license(self, seats=1):
        for lic in self.api.list_all("/licenses", {"status": "active"})[0]:
            if lic["max_activations"] is None or lic["max_activations"] - lic["activations_in_use"] >= seats:
                return lic
        self.skipTest("no active license with free seats")
        return None

    def request(self, name):
        path = os.path.join(self.cli.work, name)
        res = self.on_machine("offline-request", "--out", path)
        self.assertExit(res, 0)
        return path

    def activate(self, license_id, request, *more):
        return self.cli.run("activate-offline", license_id, "--request", request, *more)

    def save_keys(self, name="keys.json"):
        path = os.path.join(self.cli.work, name)
        res = self.cli.run("verify", "--save-keys", path)
        self.assertExit(res, 0)
        return path

    def test_request_needs_no_server_login_or_configuration(self):
        fresh = self.home()
        res = fresh.run("offline-request", server=False,
                        env={"LICPORTAL_MACHINE_ID_FILE": self.machine_id,
                             "XDG_CONFIG_HOME": "/nonexistent/licportal-config"})
        self.assertExit(res, 0)
        request = json.loads(res.out)
        self.assertEqual(list(request), ["version", "fingerprint", "hostname", "platform", "nonce", "created_at"])
        self.assertEqual(request["version"], 1)
        self.assertEqual(request["fingerprint"], hashlib.sha256(MACHINE_ID.strip().encode()).hexdigest())
        self.assertRegex(request["hostname"], r"^[A-Za-z0-9._-]{1,253}$")
        self.assertRegex(request["platform"], r"^[a-z0-9_.-]+-[a-z0-9_.-]+$")
        self.assertRegex(request["nonce"], r"^[0-9a-f]{32}$")
        again = json.loads(fresh.run("offline-request", server=False,
                                     env={"LICPORTAL_MACHINE_ID_FILE": self.machine_id}).out)
        self.assertNotEqual(again["nonce"], request["nonce"])
        self.assertEqual(again["fingerprint"], request["fingerprint"])

    def test_request_without_a_machine_id_fails_in_one_line(self):
        res = self.on_machine("offline-request", machine_id=os.path.join(self.cli.work, "missing"))
        self.assertExit(res, 1)
        self.assertIn("LICPORTAL_MACHINE_ID_FILE", self.assertOneLineError(res))

    def test_round_trip_verifies_on_the_machine_with_saved_keys(self):
        lic = self.free_license()
        request = self.request("airgap.json")
        res = self.activate(lic["id"], request)
        self.assertExit(res, 0)
        license_path = os.path.join(self.cli.work, "airgap.license")
        self.assertIn(license_path, res.out)
        self.assertEqual(stat.S_IMODE(os.stat(license_path).st_mode), 0o600)
        keys = self.save_keys()
        # On the machine: no server, only the saved keys.
        res = self.on_machine("verify", license_path, "--keys", keys)
        self.assertExit(res, 0)
        self.assertTrue(res.out.startswith("Valid: "), res)
        res = self.on_machine("verify", license_path, "--keys", keys, "--json")
        self.assertExit(res, 0)
        doc = json.loads(res.out)
        self.assertEqual(doc["result"], "valid")
        self.assertEqual(doc["license"]["license_id"], lic["id"])
        self.assertNotIn("license_key", doc["license"])
        # The activation is there at once, and counted.
        activations = self.api.list_all("/activations", {"license_id": lic["id"]})[0]
        self.assertIn(doc["license"]["activation_id"], [a["id"] for a in activations])
        # Online too: keys straight from the server.
        res = self.on_machine("verify", license_path, server=True)
        self.assertExit(res, 0)

    def test_file_checked_with_an_independent_ed25519(self):
        lic = self.free_license()
        request = self.request("independent.json")
        res = self.activate(lic["id"], request, "--json")
        self.assertExit(res, 0)
        answer = json.loads(res.out)
        with open(answer["path"], encoding="utf-8") as f:
            license_file = json.load(f)
        with open(self.save_keys(), encoding="utf-8") as f:
            keys = {k["id"]: k for k in json.load(f)["keys"]}
        public = Ed25519PublicKey.from_public_bytes(b64url_decode(keys[license_file["key_id"]]["public_key"]))
        payload = b64url_decode(license_file["payload"])
        public.verify(b64url_decode(license_file["signature"]), payload)
        claims = json.loads(payload)
        self.assertEqual(claims["machine"]["fingerprint"], hashlib.sha256(MACHINE_ID.strip().encode()).hexdigest())
        self.assertEqual(claims["activation_id"], answer["activation"]["id"])

    def test_a_changed_byte_in_payload_or_signature_exits_6(self):
        lic = self.free_license()
        res = self.activate(lic["id"], self.request("tamper.json"))
        self.assertExit(res, 0)
        keys = self.save_keys()
        with open(os.path.join(self.cli.work, "tamper.license"), encoding="utf-8") as f:
            original = json.load(f)
        for field in ("payload", "signature"):
            raw = bytearray(b64url_decode(original[field]))
            raw[len(raw) // 3] ^= 0x20
            changed = self.write(f"tamper-{field}.license", json.dumps(dict(original, **{field: b64url(bytes(raw))})))
            with self.subTest(field=field):
                res = self.on_machine("verify", changed, "--keys", keys)
                self.assertExit(res, 6)
                self.assertIn("signature", self.assertOneLineError(res))
                res = self.on_machine("verify", changed, "--keys", keys, "--json")
                self.assertExit(res, 6)
                self.assertEqual(json.loads(res.out)["result"], "bad_signature")

    def test_a_file_for_another_machine_exits_1(self):
        lic = self.free_license()
        res = self.activate(lic["id"], self.request("other.json"))
        self.assertExit(res, 0)
        keys = self.save_keys()
        license_path = os.path.join(self.cli.work, "other.license")
        res = self.on_machine("verify", license_path, "--keys", keys, machine_id=self.other_machine_id)
        self.assertExit(res, 1)
        self.assertIn("another machine", self.assertOneLineError(res))
        res = self.on_machine("verify", license_path, "--keys", keys, "--json", machine_id=self.other_machine_id)
        self.assertEqual(json.loads(res.out)["result"], "other_machine")
        res = self.on_machine("verify", license_path, "--keys", keys, "--any-machine",
                              machine_id=self.other_machine_id)
        self.assertExit(res, 0)

    def test_the_same_request_twice_is_refused(self):
        lic = self.free_license(seats=2)
        request = self.request("twice.json")
        self.assertExit(self.activate(lic["id"], request), 0)
        res = self.activate(lic["id"], request, "--out", os.path.join(self.cli.work, "twice-again.license"))
        self.assertExit(res, 1)
        self.assertIn("used before", self.assertOneLineError(res))
        self.assertFalse(os.path.exists(os.path.join(self.cli.work, "twice-again.license")))

    def test_seats_exhausted_says_so_and_exits_1(self):
        lic = next((l for l in self.api.list_all("/licenses", {"status": "active"})[0]
                    if l["max_activations"] is not None), None)
        if lic is None:
            self.skipTest("no active license with a seat limit")
        for n in range(lic["max_activations"] - lic["activations_in_use"]):
            self.assertExit(self.activate(lic["id"], self.request(f"fill-{n}.json")), 0)
        res = self.activate(lic["id"], self.request("full.json"))
        self.assertExit(res, 1)
        line = self.assertOneLineError(res)
        self.assertIn("every seat", line)
        self.assertIn("deactivate", line)
        self.assertFalse(os.path.exists(os.path.join(self.cli.work, "full.license")))
        direct = self.api.post(f"/licenses/{lic['id']}/offline-activations",
                               {"request": json.load(open(os.path.join(self.cli.work, "full.json")))})
        self.assertEqual(direct.status, 409)
        self.assertEqual(direct.error_code, "seats_exhausted")

    def test_bad_input_gets_one_line_and_a_defined_exit(self):
        lic = self.free_license()
        res = self.cli.run("activate-offline", lic["id"])
        self.assertExit(res, 2)
        res = self.activate(lic["id"], os.path.join(self.cli.work, "missing.json"))
        self.assertExit(res, 1)
        self.assertOneLineError(res)
        res = self.activate(lic["id"], self.write("garbage.json", "not json"))
        self.assertExit(res, 1)
        self.assertIn("not a machine request", self.assertOneLineError(res))
        res = self.activate("lic_999999", self.request("unknown-license.json"))
        self.assertExit(res, 3)
        res = self.on_machine("verify", self.write("garbage.license", "{}"), "--keys", self.save_keys())
        self.assertExit(res, 1)
        res = self.cli.run("verify")
        self.assertExit(res, 2)
        res = self.on_machine("verify", "x.license", "--keys", "k.json", "--save-keys", "s.json")
        self.assertExit(res, 2)

    def test_not_logged_in_activation_exits_4(self):
        fresh = self.home()
        res = fresh.run("activate-offline", "lic_1", "--request", self.request("nologin.json"))
        self.assertExit(res, 4)


class OfflineRotationCliTest(CliTestCase):
    demo_users = 1

    def test_old_files_still_verify_after_rotation_and_new_ones_carry_the_new_key(self):
        cli = self.logged_in_home()
        api = self.login()
        machine_id = os.path.join(cli.work, "machine-id")
        with open(machine_id, "w", encoding="utf-8") as f:
            f.write(MACHINE_ID)
        env = {"LICPORTAL_MACHINE_ID_FILE": machine_id}
        lic = next(l for l in api.list_all("/licenses", {"status": "active"})[0] if l["max_activations"] is None)
        paths = []
        for name in ("before", "after"):
            request = os.path.join(cli.work, f"{name}.json")
            self.assertExit(cli.run("offline-request", "--out", request, server=False, env=env), 0)
            self.assertExit(cli.run("activate-offline", lic["id"], "--request", request), 0)
            paths.append(os.path.join(cli.work, f"{name}.license"))
            if name == "before":
                old_keys = os.path.join(cli.work, "old-keys.json")
                self.assertExit(cli.run("verify", "--save-keys", old_keys), 0)
                self.portal.admin("keys", "rotate", "--db", self.portal.db)
        key_ids = [json.load(open(p, encoding="utf-8"))["key_id"] for p in paths]
        self.assertNotEqual(key_ids[0], key_ids[1])
        current = [k["id"] for k in self.client().get("/signing-keys", auth=False).json["keys"]
                   if k["retired_at"] is None]
        self.assertEqual(current, [key_ids[1]])
        for path in paths:
            res = cli.run("verify", path, env=env)
            self.assertExit(res, 0)
            self.assertTrue(re.search(r"signed by key_[0-9a-f]{16}", res.out), res)
        # A copy of the keys saved before the rotation does not know the new key: exit 6.
        self.assertExit(cli.run("verify", paths[0], "--keys", old_keys, server=False, env=env), 0)
        res = cli.run("verify", paths[1], "--keys", old_keys, server=False, env=env)
        self.assertExit(res, 6)
        self.assertIn("not among", res.err)
