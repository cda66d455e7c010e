# Dashboard: the KPIs agree with the lists, recent licenses, ETag/304, and a deactivation moves the count.
import time

import harness
import test_licenses


class DashboardTest(harness.PortalTestCase):
    demo_users = 2

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.api = cls.portal.login("demo1@example.com")
        harness.settle_expiry(cls.api)

    def total(self, path):
        resp = self.api.get(path)
        self.assertStatus(resp, 200)
        return resp.json["total"]

    def dashboard(self):
        resp = self.api.get("/dashboard")
        self.assertStatus(resp, 200)
        return resp.json

    def test_unchanged_dashboard_revalidates_seconds_later(self):
        etag = self.assertRevalidates(self.api, "/dashboard")
        time.sleep(2.1)
        later = self.api.get("/dashboard", headers={"If-None-Match": etag})
        self.assertStatus(later, 304)
        self.assertEqual(later.raw, b"")

    def test_kpis_agree_with_the_lists(self):
        kpis = self.dashboard()["kpis"]
        self.assertEqual(kpis["expiring_window_days"], 30)
        self.assertEqual(kpis["total_licenses"], self.total("/licenses?limit=1"))
        self.assertEqual(kpis["active_licenses"], self.total("/licenses?limit=1&status=active"))
        self.assertEqual(kpis["expiring_soon"],
                         self.total("/licenses?limit=1&status=active&expiring_within_days=30"))
        self.assertEqual(kpis["activations_in_use"], self.total("/activations?limit=1"))
        self.assertGreater(kpis["total_licenses"], kpis["active_licenses"])
        self.assertGreater(kpis["active_licenses"], 0)
        self.assertGreater(kpis["expiring_soon"], 0, "demo data should expire something soon")
        self.assertGreater(kpis["activations_in_use"], 0)

    def test_kpis_agree_with_the_license_objects(self):
        kpis = self.dashboard()["kpis"]
        licenses, _ = self.api.list_all("/licenses")
        now = time.time()
        self.assertEqual(kpis["activations_in_use"],
                         sum(x["activations_in_use"] for x in licenses))
        self.assertEqual(kpis["active_licenses"],
                         sum(1 for x in licenses if x["status"] == "active"))
        active = [x for x in licenses if x["status"] == "active"]
        sure, edge = test_licenses.window_members(active, now, 30)
        self.assertGreaterEqual(kpis["expiring_soon"], len(sure))
        self.assertLessEqual(kpis["expiring_soon"], len(sure) + len(edge))

    def test_recent_licenses_are_the_newest_five(self):
        board = self.dashboard()
        recent = board["recent_licenses"]
        self.assertLessEqual(len(recent), 5)
        newest = self.api.get("/licenses?sort=-added_at&limit=5").json["items"]
        self.assertEqual([x["id"] for x in recent], [x["id"] for x in newest])
        stamps = [harness.parse_ts(x["added_at"]) for x in recent]
        self.assertEqual(stamps, sorted(stamps, reverse=True))
        generated = harness.parse_ts(board["generated_at"])
        self.assertLess(abs(generated - time.time()), 120)

    def test_dashboard_etag_gives_304_with_empty_body(self):
        etag = self.assertRevalidates(self.api, "/dashboard")
        other_user = self.portal.login("demo2@example.com")
        self.assertStatus(other_user.get("/dashboard", headers={"If-None-Match": etag}), 200)


class DeactivationMovesKpisTest(harness.PortalTestCase):
    demo_users = 1

    def test_deleting_an_activation_drops_activations_in_use_by_one(self):
        api = self.login("demo1@example.com")
        before = api.get("/dashboard")
        kpis = before.json["kpis"]
        etag = before.headers.get("ETag")
        activations, _ = api.list_all("/activations")
        self.assertEqual(kpis["activations_in_use"], len(activations))
        deleted = None
        for activation in activations:
            resp = api.delete(f"/activations/{activation['id']}")
            if resp.status == 204:
                deleted = activation
                break
            self.assertError(resp, 403, "deactivation_not_allowed")
        self.assertIsNotNone(deleted, "no activation of demo1 may be deactivated")
        after = api.get("/dashboard", headers={"If-None-Match": etag})
        self.assertStatus(after, 200)
        self.assertEqual(after.json["kpis"]["activations_in_use"],
                         kpis["activations_in_use"] - 1)
        self.assertEqual(after.json["kpis"]["activations_in_use"],
                         api.get("/activations?limit=1").json["total"])
