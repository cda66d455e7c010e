# A portal built from an empty database with the administration commands alone, then seen through the
# real client (licportal ... --json over HTTPS): dashboard KPIs, licenses, details and downloads are
# exactly what was built. The same sequence is the example in licportald(8).
import hashlib
import json
import os
import time

import harness
from admin_support import CliHome

ADA = "ada@example.com"
GRACE = "grace@example.com"
ADA_PASSWORD = "correct-horse-battery"
GRACE_PASSWORD = "grace-hopper-1906"
DAY = 86400


def date_in(days):
    return time.strftime("%Y-%m-%d", time.gmtime(time.time() + days * DAY))


def end_of(date):
    return date + "T23:59:59Z"


class BuiltPortalTest(harness.PortalTestCase):
    demo_users = 0
    built = {}

    @classmethod
    def prepare(cls, portal):
        def admin(*args, stdin=None):
            return portal.admin(*args[:2], "--db", portal.db, *args[2:], stdin=stdin)

        admin("user", "add", "--email", ADA, "--name", "Ada Lovelace", "--password-stdin",
              stdin=(ADA_PASSWORD + "\n").encode())
        admin("user", "add", "--email", GRACE, "--password-stdin",
              stdin=(GRACE_PASSWORD + "\n").encode())
        admin("product", "add", "--id", "prd_atlas", "--name", "Atlas Studio",
              "--renewal", "1 year,12,99.00 EUR", "--renewal", "3 years,36,269.00 EUR")
        admin("product", "add", "--id", "prd_beacon", "--name", "Beacon Server", "--kind", "domain",
              "--renewal", "1 year,12,499.00 USD")
        next_year, soon = date_in(365), date_in(10)
        plans = {
            "pro": ("--user", ADA, "--product", "prd_atlas", "--edition", "Professional",
                    "--seats", "3", "--expires", next_year, "--feature", "editor",
                    "--feature", "export-pdf", "--feature", "collaboration",
                    "--renewal", "2 years,24,179.00 EUR"),
            "beacon": ("--user", ADA, "--product", "prd_beacon", "--edition", "Business",
                       "--expires", soon, "--feature", "monitoring", "--feature", "alerting"),
            "lapsed": ("--user", ADA, "--product", "prd_atlas", "--edition", "Standard",
                       "--seats", "1", "--expires", "2024-01-31", "--feature", "editor"),
            "paused": ("--user", ADA, "--product", "prd_beacon", "--key", "BEAC-PAUS-ED00-0001",
                       "--status", "suspended"),
            "grace": ("--user", GRACE, "--product", "prd_atlas", "--seats", "1",
                      "--no-deactivation"),
        }
        licenses = {}
        for name, argv in plans.items():
            lic_id, key = admin("license", "add", *argv).split()
            licenses[name] = {"id": lic_id, "key": key}
        cls.built = {"licenses": licenses, "next_year": next_year, "soon": soon}
        releases = []
        for product, version, channel, platform, arch, name in (
                ("prd_atlas", "2.4.1", "stable", "linux", "x86_64", "atlas-2.4.1-linux.tar.gz"),
                ("prd_atlas", "2.5.0-beta.1", "beta", "windows", "x86_64", "atlas-2.5.0-beta.1.msi"),
                ("prd_beacon", "1.0.0", "stable", "any", "any", "beacon-1.0.0.zip")):
            path = os.path.join(portal.dir, name)
            data = (name.encode() + b"\n") * 2000
            with open(path, "wb") as f:
                f.write(data)
            rel_id = admin("release", "add", "--files", portal.files, "--product", product,
                           "--version", version, "--channel", channel, "--platform", platform,
                           "--arch", arch, "--file", path).strip()
            releases.append({"id": rel_id, "product": product, "version": version,
                             "channel": channel, "platform": platform, "arch": arch,
                             "filename": name, "size_bytes": len(data),
                             "sha256": hashlib.sha256(data).hexdigest()})
        cls.built["releases"] = releases

    def client_home(self, email, password):
        home = CliHome(self.portal)
        self.addCleanup(home.cleanup)
        res = home.login(email, password)
        self.assertEqual(res.code, 0, res)
        return home

    def run_json(self, home, *args):
        res = home.run(*args, "--json")
        self.assertEqual(res.code, 0, res)
        return json.loads(res.out)

    def lic(self, name):
        return self.built["licenses"][name]

    def test_the_dashboard_counts_what_was_built(self):
        ada = self.client_home(ADA, ADA_PASSWORD)
        doc = self.run_json(ada, "dashboard")
        self.assertEqual(doc["kpis"], {"total_licenses": 4, "active_licenses": 2,
                                       "activations_in_use": 0, "expiring_soon": 1,
                                       "expiring_window_days": 30})
        self.assertEqual(sorted(l["id"] for l in doc["recent_licenses"]),
                         sorted(self.lic(n)["id"] for n in ("pro", "beacon", "lapsed", "paused")))
        grace = self.client_home(GRACE, GRACE_PASSWORD)
        self.assertEqual(self.run_json(grace, "dashboard")["kpis"]["total_licenses"], 1)

    def test_the_license_list_is_what_was_built(self):
        doc = self.run_json(self.client_home(ADA, ADA_PASSWORD), "licenses")
        self.assertEqual(doc["total"], 4)
        got = {i["id"]: (i["product"]["id"], i["product"]["name"], i["edition"], i["status"],
                         i["max_activations"], i["activations_in_use"], i["expires_at"],
                         i["key_masked"][-4:])
               for i in doc["items"]}
        expected = {
            self.lic("pro")["id"]: ("prd_atlas", "Atlas Studio", "Professional", "active", 3, 0,
                                    end_of(self.built["next_year"]), self.lic("pro")["key"][-4:]),
            self.lic("beacon")["id"]: ("prd_beacon", "Beacon Server", "Business", "active", None, 0,
                                       end_of(self.built["soon"]), self.lic("beacon")["key"][-4:]),
            self.lic("lapsed")["id"]: ("prd_atlas", "Atlas Studio", "Standard", "expired", 1, 0,
                                       "2024-01-31T23:59:59Z", self.lic("lapsed")["key"][-4:]),
            self.lic("paused")["id"]: ("prd_beacon", "Beacon Server", None, "suspended", None, 0,
                                       None, "0001"),
        }
        self.assertEqual(got, expected)

    def test_details_show_the_key_features_and_renewal_options_that_were_built(self):
        ada = self.client_home(ADA, ADA_PASSWORD)
        pro = self.run_json(ada, "license", self.lic("pro")["id"], "--reveal")
        self.assertEqual(pro["key"], self.lic("pro")["key"])
        self.assertEqual(pro["features"], ["editor", "export-pdf", "collaboration"])
        options = [(o["label"], o["term_months"], o["price"]) for o in pro["renewal"]["options"]]
        self.assertEqual(options, [
            ("1 year", 12, {"amount_minor": 9900, "currency": "EUR"}),
            ("3 years", 36, {"amount_minor": 26900, "currency": "EUR"}),
            ("2 years", 24, {"amount_minor": 17900, "currency": "EUR"})])
        self.assertTrue(pro["renewal"]["renewable"])
        beacon = self.run_json(ada, "license", self.lic("beacon")["id"])
        self.assertEqual(beacon["features"], ["monitoring", "alerting"])
        self.assertEqual([(o["label"], o["price"]) for o in beacon["renewal"]["options"]],
                         [("1 year", {"amount_minor": 49900, "currency": "USD"})])
        lapsed = self.run_json(ada, "license", self.lic("lapsed")["id"])
        self.assertEqual([o["label"] for o in lapsed["renewal"]["options"]], ["1 year", "3 years"])
        paused = self.run_json(ada, "license", self.lic("paused")["id"], "--reveal")
        self.assertEqual(paused["key"], "BEAC-PAUS-ED00-0001")
        self.assertEqual(paused["features"], [])
        self.assertEqual(paused["renewal"], {"renewable": False, "options": []})
        # Another user's license is not there for Ada.
        res = ada.run("license", self.lic("grace")["id"])
        self.assertEqual(res.code, 3, res)

    def test_downloads_are_the_releases_that_were_added(self):
        ada = self.client_home(ADA, ADA_PASSWORD)
        doc = self.run_json(ada, "downloads")
        self.assertEqual(doc["total"], 3)
        got = sorted((i["id"], i["product"]["id"], i["version"], i["channel"], i["platform"],
                      i["arch"], i["filename"], i["size_bytes"], i["sha256"]) for i in doc["items"])
        expected = sorted((r["id"], r["product"], r["version"], r["channel"], r["platform"],
                           r["arch"], r["filename"], r["size_bytes"], r["sha256"])
                          for r in self.built["releases"])
        self.assertEqual(got, expected)
        release = self.built["releases"][0]
        res = ada.run("download", release["id"])
        self.assertEqual(res.code, 0, res)
        with open(os.path.join(ada.work, release["filename"]), "rb") as f:
            self.assertEqual(hashlib.sha256(f.read()).hexdigest(), release["sha256"])
        # Grace holds only Atlas: she sees its two releases, not Beacon's.
        grace = self.run_json(self.client_home(GRACE, GRACE_PASSWORD), "downloads")
        self.assertEqual(sorted(i["product"]["id"] for i in grace["items"]),
                         ["prd_atlas", "prd_atlas"])

    def test_a_user_added_without_a_name_is_named_after_the_local_part(self):
        resp = self.client().login(GRACE, GRACE_PASSWORD)
        self.assertStatus(resp, 200)
        self.assertEqual(resp.json["user"]["name"], "grace")
