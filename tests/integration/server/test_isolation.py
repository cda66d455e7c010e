# Per-user isolation: another user's license, activation or download is 404; unentitled files are 403.
import harness


class UserIsolationTest(harness.PortalTestCase):
    demo_users = 2
    # With seed 5 and 12 licenses each, demo1 holds Driftwood Sync only through an expired
    # and a lapsed license while demo2 also holds it actively: the inactive-only case below.
    licenses_per_user = 12
    demo_seed = 5

    @classmethod
    def prepare(cls, portal):
        # A customer with an account but no licenses: entitled to nothing.
        portal.add_user("empty@example.com", name="No Licenses")

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.alice = cls.portal.login("demo1@example.com")
        harness.settle_expiry(cls.alice)
        cls.bob = cls.portal.login("demo2@example.com")
        cls.empty = cls.portal.login("empty@example.com", harness.ADDED_PASSWORD)

    def test_users_see_disjoint_licenses_and_activations(self):
        a_lic, _ = self.alice.list_all("/licenses")
        b_lic, _ = self.bob.list_all("/licenses")
        self.assertTrue(a_lic and b_lic, "demo users need licenses")
        self.assertFalse({x["id"] for x in a_lic} & {x["id"] for x in b_lic})
        a_act, _ = self.alice.list_all("/activations")
        b_act, _ = self.bob.list_all("/activations")
        self.assertFalse({x["id"] for x in a_act} & {x["id"] for x in b_act})

    def test_another_users_license_is_not_found(self):
        license = self.alice.get("/licenses?limit=1").json["items"][0]["id"]
        self.assertStatus(self.alice.get(f"/licenses/{license}"), 200)
        self.assertError(self.bob.get(f"/licenses/{license}"), 404, "not_found")
        self.assertError(self.bob.post(f"/licenses/{license}/reveal"), 404, "not_found")
        self.assertError(self.empty.get(f"/licenses/{license}"), 404, "not_found")

    def test_another_users_activation_is_not_found_and_survives(self):
        items = self.alice.get("/activations?limit=200").json["items"]
        self.assertTrue(items, "demo1 needs activations")
        target = items[0]
        self.assertError(self.bob.delete(f"/activations/{target['id']}"), 404, "not_found")
        self.assertError(self.empty.delete(f"/activations/{target['id']}"), 404, "not_found")
        still = self.alice.list_all("/activations")[0]
        self.assertIn(target["id"], {x["id"] for x in still})
        bob_filtered = self.bob.get(f"/activations?license_id={target['license_id']}")
        self.assertIn(bob_filtered.status, (200, 404), bob_filtered.describe())
        if bob_filtered.status == 200:
            self.assertEqual(bob_filtered.json["items"], [])
            self.assertEqual(bob_filtered.json["total"], 0)

    def test_user_without_licenses_sees_no_downloads(self):
        resp = self.empty.get("/downloads")
        self.assertStatus(resp, 200)
        self.assertEqual(resp.json["items"], [])
        self.assertEqual(resp.json["total"], 0)
        self.assertIsNone(resp.json["next_cursor"])
        for path in ("/licenses", "/activations"):
            page = self.empty.get(path).json
            self.assertEqual((page["items"], page["total"]), ([], 0))
        kpis = self.empty.get("/dashboard").json["kpis"]
        self.assertEqual((kpis["total_licenses"], kpis["active_licenses"],
                          kpis["activations_in_use"], kpis["expiring_soon"]), (0, 0, 0, 0))

    def test_download_without_entitling_license_is_forbidden_and_hidden(self):
        downloads = self.alice.get("/downloads?limit=1").json["items"]
        self.assertTrue(downloads, "demo1 needs downloads")
        target = downloads[0]
        self.assertStatus(self.alice.get(f"/downloads/{target['id']}"), 200)
        self.assertError(self.empty.get(f"/downloads/{target['id']}"), 404, "not_found")
        resp = self.empty.get(f"/downloads/{target['id']}/file", binary=True)
        self.assertError(resp, 403, "forbidden")
        self.assertNotEqual(resp.headers.get("Content-Type"), "application/octet-stream")

    def test_download_of_product_held_only_by_inactive_license_is_forbidden(self):
        # Products demo1 holds only through expired/suspended/revoked/pending licenses.
        licenses, _ = self.alice.list_all("/licenses")
        active = {x["product"]["id"] for x in licenses if x["status"] == "active"}
        inactive_only = {x["product"]["id"] for x in licenses} - active
        listed = self.alice.list_all("/downloads")[0]
        self.assertTrue(listed)
        for item in listed:
            self.assertIn(item["product"]["id"], active,
                          f"download {item['id']} listed without an active license")
        # Find a release of an inactive-only product through another user's catalogue.
        others = self.bob.list_all("/downloads")[0]
        candidates = [d for d in others if d["product"]["id"] in inactive_only]
        self.assertTrue(inactive_only and candidates,
                        "the demo data needs a product demo1 holds only inactively and demo2 "
                        "holds actively")
        target = candidates[0]
        self.assertError(self.alice.get(f"/downloads/{target['id']}"), 404, "not_found")
        self.assertError(self.alice.get(f"/downloads/{target['id']}/file", binary=True),
                         403, "forbidden")
