# licportald product, license, activation and release commands: what they write is what the API serves.
import json
import os
import re
import unittest

import harness
from admin_support import AdminTestCase, run


class ProductsAndLicensesTest(AdminTestCase):
    demo_users = 0

    @classmethod
    def prepare(cls, portal):
        portal.add_user("ada@example.com", name="Ada")
        portal.add_user("bob@example.com", name="Bob")
        for argv in (["--id", "prd_orbit", "--name", "Orbit Designer",
                      "--renewal", "1 year,12,99.00 EUR", "--renewal", "3 years,36,269 EUR"],
                     ["--id", "prd_quill", "--name", "Quill Server", "--kind", "domain",
                      "--renewal", "1 year,12,12000 JPY"]):
            portal.admin("product", "add", "--db", portal.db, *argv)

    def add_license(self, *args, user="ada@example.com", product="prd_orbit"):
        out = self.ok("license", "add", "--user", user, "--product", product, *args)
        self.assertRegex(out, r"^lic_[1-9][0-9]*\t[A-Z0-9-]+\n$")
        lic_id, key = out.split()
        return lic_id, key

    def test_products_are_listed_with_their_renewal_options(self):
        products = {p["id"]: p for p in self.json("product", "list")}
        self.assertEqual(products["prd_orbit"]["name"], "Orbit Designer")
        self.assertEqual(products["prd_orbit"]["activation_kind"], "device")
        self.assertEqual(products["prd_orbit"]["renewal_options"], 2)
        self.assertEqual(products["prd_quill"]["activation_kind"], "domain")
        text = self.ok("product", "list").splitlines()
        self.assertEqual(text[0].split("\t")[:3], ["ID", "NAME", "KIND"])

    def test_product_add_refuses_bad_and_duplicate_products(self):
        self.assertFails(self.admin("product", "add", "--id", "prd_orbit", "--name", "Again"), 1,
                         "exists already")
        self.assertFails(self.admin("product", "add", "--id", "../etc", "--name", "X"), 2, "--id")
        self.assertFails(self.admin("product", "add", "--id", "prd_k", "--name", "K", "--kind",
                                    "server"), 2, "--kind")
        for renewal in ("1 year,12", "1 year,0,9.00 EUR", "1 year,12,9.001 EUR", "1 year,12,9 eur",
                        "1 year,12,1.5 JPY"):
            with self.subTest(renewal=renewal):
                self.assertFails(self.admin("product", "add", "--id", "prd_k", "--name", "K",
                                            "--renewal", renewal), 2, "--renewal")
        self.assertNotIn("prd_k", {p["id"] for p in self.json("product", "list")})

    def test_a_license_reaches_the_api_with_features_seats_expiry_and_renewal_options(self):
        lic_id, key = self.add_license("--edition", "Professional", "--seats", "3",
                                       "--expires", "2031-05-31", "--feature", "editor",
                                       "--feature", "export-pdf",
                                       "--renewal", "2 years,24,179.50 EUR")
        self.assertRegex(key, r"^ORBI-[0-9A-HJ-NP-Z]{4}-[0-9A-HJ-NP-Z]{4}-[0-9A-HJ-NP-Z]{4}$")
        detail = self.login("ada@example.com", harness.ADDED_PASSWORD).get(f"/licenses/{lic_id}").json
        self.assertEqual(detail["product"], {"id": "prd_orbit", "name": "Orbit Designer"})
        self.assertEqual(detail["edition"], "Professional")
        self.assertEqual(detail["status"], "active")
        self.assertEqual(detail["max_activations"], 3)
        self.assertEqual(detail["expires_at"], "2031-05-31T23:59:59Z")
        self.assertEqual(detail["key_masked"][-4:], key[-4:])
        self.assertEqual(detail["features"], ["editor", "export-pdf"])
        options = [(o["label"], o["term_months"], o["price"]["amount_minor"], o["price"]["currency"])
                   for o in detail["renewal"]["options"]]
        self.assertEqual(options, [("1 year", 12, 9900, "EUR"), ("3 years", 36, 26900, "EUR"),
                                   ("2 years", 24, 17950, "EUR")])
        shown = self.json("license", "show", lic_id)
        self.assertEqual(shown["license_key"], key)
        self.assertEqual(shown["features"], ["editor", "export-pdf"])
        self.assertEqual([o["for"] for o in shown["renewal_options"]],
                         ["product", "product", "license"])
        # The license-only option is not offered on another license of the product.
        other, _ = self.add_license(user="bob@example.com")
        other_detail = self.login("bob@example.com", harness.ADDED_PASSWORD).get(
            f"/licenses/{other}").json
        self.assertEqual([o["label"] for o in other_detail["renewal"]["options"]],
                         ["1 year", "3 years"])
        self.assertIsNone(other_detail["max_activations"])
        self.assertIsNone(other_detail["expires_at"])
        self.assertIsNone(other_detail["edition"])

    def test_a_given_key_is_kept_and_a_duplicate_is_refused(self):
        lic_id, key = self.add_license("--key", "QUIL-GIVEN-KEY-0001", product="prd_quill")
        self.assertEqual(key, "QUIL-GIVEN-KEY-0001")
        before = self.portal.sql("SELECT COUNT(*) FROM licenses")[0][0]
        self.assertFails(self.admin("license", "add", "--user", "bob@example.com", "--product",
                                    "prd_quill", "--key", "QUIL-GIVEN-KEY-0001"), 1, "exists already")
        self.assertFails(self.admin("license", "add", "--user", "bob@example.com", "--product",
                                    "prd_quill", "--key", "bad key!"), 2, "license key")
        self.assertFails(self.admin("license", "add", "--user", "nobody@example.com", "--product",
                                    "prd_quill"), 1, "no user with e-mail 'nobody@example.com'")
        self.assertFails(self.admin("license", "add", "--user", "bob@example.com", "--product",
                                    "prd_nothing"), 1, "no product 'prd_nothing'")
        self.assertFails(self.admin("license", "add", "--user", "bob@example.com", "--product",
                                    "prd_quill", "--seats", "-1"), 2, "--seats")
        self.assertFails(self.admin("license", "add", "--user", "bob@example.com", "--product",
                                    "prd_quill", "--expires", "soon"), 2, "--expires")
        self.assertEqual(self.portal.sql("SELECT COUNT(*) FROM licenses")[0][0], before)

    def test_extend_suspend_resume_and_revoke_show_in_the_api(self):
        lic_id, _ = self.add_license("--expires", "2020-01-01", user="bob@example.com")
        api = self.login("bob@example.com", harness.ADDED_PASSWORD)
        self.assertEqual(api.get(f"/licenses/{lic_id}").json["status"], "expired")
        self.assertEqual(self.json("license", "show", lic_id)["status"], "expired")
        out = self.ok("license", "extend", "--months", "12", lic_id)
        self.assertIn(lic_id + " expires ", out)
        detail = api.get(f"/licenses/{lic_id}").json
        self.assertEqual(detail["status"], "active")
        self.assertGreater(harness.parse_ts(detail["expires_at"]), harness.parse_ts("2026-01-01T00:00:00Z"))
        self.ok("license", "extend", "--expires", "never", lic_id)
        self.assertIsNone(api.get(f"/licenses/{lic_id}").json["expires_at"])
        self.assertFails(self.admin("license", "extend", "--months", "6", lic_id), 1, "never expires")
        active = api.get("/dashboard").json["kpis"]["active_licenses"]
        self.ok("license", "suspend", lic_id)
        self.assertEqual(api.get(f"/licenses/{lic_id}").json["status"], "suspended")
        self.assertEqual(api.get("/dashboard").json["kpis"]["active_licenses"], active - 1)
        self.assertFails(self.admin("license", "suspend", lic_id), 1, "is suspended")
        self.ok("license", "resume", lic_id)
        self.assertEqual(api.get(f"/licenses/{lic_id}").json["status"], "active")
        self.ok("license", "revoke", lic_id)
        self.assertEqual(api.get(f"/licenses/{lic_id}").json["status"], "revoked")
        self.assertFails(self.admin("license", "resume", lic_id), 1, "is revoked")
        self.assertFails(self.admin("license", "revoke", "lic_999999"), 1, "no license 'lic_999999'")
        self.assertFails(self.admin("license", "revoke", "nonsense"), 1, "not a license id")
        self.assertFails(self.admin("license", "revoke"), 2, "missing argument")

    def test_license_list_filters_by_user_and_product(self):
        mine, _ = self.add_license(user="ada@example.com", product="prd_quill")
        listed = self.json("license", "list", "--user", "ada@example.com", "--product", "prd_quill")
        self.assertIn(mine, [x["id"] for x in listed])
        self.assertTrue(all(x["user"] == "ada@example.com" and x["product_id"] == "prd_quill"
                            for x in listed))
        everything = self.json("license", "list")
        self.assertEqual(len(everything), self.portal.sql("SELECT COUNT(*) FROM licenses")[0][0])
        self.assertFails(self.admin("license", "list", "--user", "nobody@example.com"), 1,
                         "no user with e-mail")
        lines = self.ok("license", "list").splitlines()
        self.assertEqual(lines[0].split("\t")[0:2], ["ID", "USER"])


class ActivationListTest(AdminTestCase):
    demo_users = 2
    licenses_per_user = 12

    def test_activations_are_listed_by_user_and_by_license(self):
        total = self.portal.sql("SELECT COUNT(*) FROM activations")[0][0]
        self.assertGreater(total, 0)
        self.assertEqual(len(self.json("activation", "list")), total)
        mine = self.json("activation", "list", "--user", "demo1@example.com")
        self.assertEqual(len(mine), self.portal.sql(
            "SELECT COUNT(*) FROM activations a JOIN users u ON u.id = a.user_id "
            "WHERE u.email = 'demo1@example.com'")[0][0])
        self.assertTrue(all(a["user"] == "demo1@example.com" for a in mine))
        api_items, _ = self.login("demo1@example.com").list_all("/activations")
        self.assertEqual(sorted(a["id"] for a in mine), sorted(a["id"] for a in api_items))
        license_id = mine[0]["license_id"]
        by_license = self.json("activation", "list", "--license", license_id)
        self.assertTrue(by_license)
        self.assertTrue(all(a["license_id"] == license_id for a in by_license))
        self.assertEqual(len(by_license), self.json("license", "show", license_id)["activations_in_use"])
        self.assertIn(mine[0]["kind"], ("device", "domain"))
        lines = self.ok("activation", "list", "--license", license_id).splitlines()
        self.assertEqual(len(lines), len(by_license) + 1)


class ReleasesOnAnInitDatabaseTest(unittest.TestCase):
    def test_release_add_list_and_remove_on_a_database_from_init_alone(self):
        portal = harness.Portal()
        self.addCleanup(portal.cleanup)
        artefact = os.path.join(portal.dir, "orbit-1.0-linux.tar.gz")
        with open(artefact, "wb") as f:
            f.write(b"orbit" * 1000)
        add = ["release", "add", "--files", portal.files, "--product", "prd_orbit", "--version",
               "1.0", "--platform", "linux", "--file", artefact]
        proc = run(portal, *add)
        self.assertEqual(proc.returncode, 1, proc)
        self.assertIn(b"no product with id 'prd_orbit'", proc.stderr)
        portal.admin("product", "add", "--db", portal.db, "--id", "prd_orbit", "--name", "Orbit")
        proc = run(portal, *add)
        self.assertEqual(proc.returncode, 0, proc)
        rel_id = proc.stdout.decode().strip()
        self.assertRegex(rel_id, r"^rel_[1-9][0-9]*$")
        listed = json.loads(run(portal, "release", "list", "--json").stdout)
        self.assertEqual([(r["id"], r["product_id"], r["version"], r["size_bytes"]) for r in listed],
                         [(rel_id, "prd_orbit", "1.0", 5000)])
        self.assertTrue(os.path.exists(os.path.join(portal.files, listed[0]["path"])))
        proc = run(portal, "release", "remove", rel_id)
        self.assertEqual(proc.returncode, 0, proc)
        self.assertEqual(json.loads(run(portal, "release", "list", "--json").stdout), [])
        # The file stays where it was.
        self.assertTrue(os.path.exists(os.path.join(portal.files, listed[0]["path"])))
        proc = run(portal, "release", "remove", rel_id)
        self.assertEqual(proc.returncode, 1, proc)
        self.assertTrue(re.match(rb"^licportald: no release 'rel_\d+'\n$", proc.stderr), proc)
