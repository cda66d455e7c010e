# One user with 100,000 licenses: cursor paging at limit=200 visits every license exactly once.
import time

import harness
import test_licenses

COUNT = 100000


class LargeAccountPagingTest(harness.PortalTestCase):
    demo_users = 1
    licenses_per_user = COUNT
    demo_timeout = 300

    def test_paging_visits_every_license_once(self):
        api = self.login("demo1@example.com")
        started = time.monotonic()
        items, totals = api.list_all("/licenses", limit=200, max_pages=COUNT // 200 + 10)
        elapsed = time.monotonic() - started
        ids = [x["id"] for x in items]
        self.assertEqual(set(totals), {COUNT})
        self.assertEqual(len(ids), COUNT)
        self.assertEqual(len(set(ids)), COUNT, "some license was visited twice")
        print(f"# paged {COUNT} licenses in {elapsed:.1f} s")

    def test_paging_a_sorted_filtered_view_visits_each_once(self):
        api = self.login("demo1@example.com")
        expected = api.get("/licenses?limit=1&status=active").json["total"]
        self.assertGreater(expected, 0)
        items, totals = api.list_all("/licenses", {"status": "active", "sort": "expires_at"},
                                     limit=200, max_pages=COUNT // 200 + 10)
        ids = [x["id"] for x in items]
        self.assertEqual(set(totals), {expected})
        self.assertEqual(len(ids), expected)
        self.assertEqual(len(set(ids)), expected)
        stamps = [harness.parse_ts(x["expires_at"]) for x in items if x["expires_at"]]
        self.assertEqual(stamps, sorted(stamps))

    def test_dashboard_counts_the_whole_account(self):
        api = self.login("demo1@example.com")
        kpis = api.get("/dashboard").json["kpis"]
        self.assertEqual(kpis["total_licenses"], COUNT)
        self.assertEqual(kpis["active_licenses"],
                         api.get("/licenses?limit=1&status=active").json["total"])

    def test_every_sort_pages_through_all_licenses_in_order(self):
        api = self.login("demo1@example.com")
        for sort in test_licenses.SORTS:
            with self.subTest(sort=sort):
                items, totals = api.list_all("/licenses", {"sort": sort}, limit=200,
                                             max_pages=COUNT // 200 + 10)
                ids = [x["id"] for x in items]
                self.assertEqual(set(totals), {COUNT})
                self.assertEqual(len(ids), COUNT)
                self.assertEqual(len(set(ids)), COUNT, f"sort={sort} repeated a license")
                test_licenses.assert_sorted_by(self, items, sort)
