# Activations: list, filter, order, paging, ETag, self-service deactivation and its refusal.
import time
import urllib.parse

import harness

FIELDS = ("id", "license_id", "license_key_masked", "product", "kind", "name", "fingerprint",
          "platform", "ip", "activated_at", "last_seen_at")


class ActivationListTest(harness.PortalTestCase):
    demo_users = 1

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.api = cls.portal.login("demo1@example.com")
        cls.all, totals = cls.api.list_all("/activations")
        cls.total = totals[0]

    def test_list_has_activations_newest_first(self):
        self.assertGreater(self.total, 1)
        self.assertEqual(len(self.all), self.total)
        for item in self.all:
            for field in FIELDS:
                self.assertIn(field, item)
            self.assertIn(item["kind"], ("device", "domain"))
            self.assertRegex(item["license_key_masked"], r"[A-Za-z0-9]{4}$")
        self.assertEqual({x["kind"] for x in self.all}, {"device", "domain"})
        stamps = [harness.parse_ts(x["activated_at"]) for x in self.all]
        self.assertEqual(stamps, sorted(stamps, reverse=True))

    def test_paging_visits_each_activation_once(self):
        for limit in (1, 2, 5):
            with self.subTest(limit=limit):
                items, totals = self.api.list_all("/activations", limit=limit)
                self.assertEqual([x["id"] for x in items], [x["id"] for x in self.all])
                self.assertEqual(set(totals), {self.total})

    def test_license_filter_and_counts_match_the_licenses(self):
        licenses, _ = self.api.list_all("/licenses")
        by_license = {}
        for item in self.all:
            by_license.setdefault(item["license_id"], []).append(item["id"])
        for license in licenses:
            with self.subTest(license_id=license["id"]):
                expected = by_license.get(license["id"], [])
                self.assertEqual(license["activations_in_use"], len(expected))
                if license["max_activations"] is not None:
                    self.assertLessEqual(len(expected), license["max_activations"])
                if not expected:
                    continue
                items, totals = self.api.list_all("/activations", {"license_id": license["id"]})
                self.assertEqual(sorted(x["id"] for x in items), sorted(expected))
                self.assertEqual(totals[0], len(expected))

    def test_q_matches_name_and_sql_metacharacters_only_literally(self):
        sample = self.all[0]
        items, _ = self.api.list_all("/activations", {"q": sample["name"].upper()})
        self.assertIn(sample["id"], {x["id"] for x in items})
        for needle in ("' OR 1=1 --", "%", "_", "\"; DROP TABLE activations; --"):
            with self.subTest(q=needle):
                resp = self.api.get("/activations?" + urllib.parse.urlencode({"q": needle}))
                self.assertStatus(resp, 200)
                for x in resp.json["items"]:
                    text = " ".join(str(x.get(f) or "") for f in FIELDS).lower()
                    self.assertIn(needle.lower(), text)
        self.assertEqual(self.api.get("/activations?limit=1").json["total"], self.total)

    def test_list_etag_gives_304(self):
        resp = self.api.get("/activations")
        etag = resp.headers.get("ETag")
        self.assertTrue(etag)
        again = self.api.get("/activations", headers={"If-None-Match": etag})
        self.assertStatus(again, 304)
        self.assertEqual(again.raw, b"")


class DeactivationTest(harness.PortalTestCase):
    demo_users = 1

    def test_delete_frees_a_seat_and_refusals_change_nothing(self):
        api = self.login("demo1@example.com")
        activations, _ = api.list_all("/activations")
        listing = api.get("/activations")
        etag = listing.headers.get("ETag")
        licenses_etag = api.get("/licenses").headers.get("ETag")
        deleted, refused = [], []
        for activation in activations:
            license_before = api.get(f"/licenses/{activation['license_id']}").json
            resp = api.delete(f"/activations/{activation['id']}")
            license_after = api.get(f"/licenses/{activation['license_id']}").json
            if resp.status == 204:
                self.assertEqual(resp.raw, b"")
                deleted.append(activation["id"])
                self.assertEqual(license_after["activations_in_use"],
                                 license_before["activations_in_use"] - 1)
                self.assertError(api.delete(f"/activations/{activation['id']}"),
                                 404, "not_found")
            else:
                self.assertError(resp, 403, "deactivation_not_allowed")
                refused.append(activation["id"])
                self.assertEqual(license_after["activations_in_use"],
                                 license_before["activations_in_use"])
        self.assertTrue(deleted, "demo data should allow some self-service deactivation")
        self.assertTrue(refused, "demo data should have a license that forbids deactivation")
        remaining, totals = api.list_all("/activations")
        self.assertEqual(sorted(x["id"] for x in remaining), sorted(refused))
        self.assertEqual(totals[0], len(refused))
        self.assertEqual(api.get("/dashboard").json["kpis"]["activations_in_use"], len(refused))
        changed = api.get("/activations", headers={"If-None-Match": etag})
        self.assertStatus(changed, 200)
        # Seat counts changed, so the license list is a new representation too.
        self.assertStatus(api.get("/licenses", headers={"If-None-Match": licenses_etag}), 200)


class DeactivationAuditTest(harness.PortalTestCase):
    demo_users = 1

    def test_each_deactivation_is_recorded_with_who_when_and_where(self):
        api = self.login("demo1@example.com")
        count = "SELECT COUNT(*) FROM audit_log WHERE action LIKE '%deactivat%'"
        before = self.portal.sql(count)[0][0]
        for activation in api.list_all("/activations")[0]:
            resp = api.delete(f"/activations/{activation['id']}")
            if resp.status == 204:
                break
        else:
            self.fail("no activation of demo1 may be deactivated")
        self.assertEqual(self.portal.sql(count)[0][0], before + 1)
        at, user_id, ip, object_id = self.portal.sql(
            "SELECT at, user_id, ip, object_id FROM audit_log WHERE action LIKE '%deactivat%' "
            "ORDER BY id DESC LIMIT 1")[0]
        self.assertIsNotNone(user_id)
        self.assertEqual(ip, "127.0.0.1")
        self.assertLess(abs(int(at) - time.time()), 120)
        self.assertIn(str(object_id), (activation["id"], activation["id"].split("_")[-1]))
        # A refused or unknown deactivation changes nothing in the trail.
        self.assertError(api.delete(f"/activations/{activation['id']}"), 404, "not_found")
        self.assertEqual(self.portal.sql(count)[0][0], before + 1)


class ActivationSortTest(harness.PortalTestCase):
    """Every sort key of the API, each with its reverse, stable with id breaking ties."""
    demo_users = 1

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.api = cls.portal.login("demo1@example.com")
        cls.all, _ = cls.api.list_all("/activations")

    def expected(self, key, descending):
        def value(item):
            if key == "product":
                return item["product"]["name"]
            if key == "last_seen_at":
                seen = item["last_seen_at"]
                # Never seen sorts last both ways.
                if seen is None:
                    return float("-inf") if descending else float("inf")
                return harness.parse_ts(seen)
            if key == "activated_at":
                return harness.parse_ts(item["activated_at"])
            return item[key]

        # Ties by id, in the sort's direction: ids compare as their row numbers.
        return [x["id"] for x in sorted(self.all, key=lambda x: (value(x), row(x["id"])),
                                         reverse=descending)]

    def test_each_sort_and_its_reverse_pages_in_order(self):
        for key in ("activated_at", "name", "last_seen_at", "product"):
            for descending in (False, True):
                sort = ("-" if descending else "") + key
                with self.subTest(sort=sort):
                    items, _ = self.api.list_all("/activations", {"sort": sort}, limit=7)
                    self.assertEqual([x["id"] for x in items], self.expected(key, descending))

    def test_an_unknown_sort_is_invalid_request(self):
        resp = self.api.get("/activations?sort=bogus", rejected_by_contract=True)
        self.assertError(resp, 400, "invalid_request")
        self.assertIn("-last_seen_at", resp.json["error"]["message"])

    def test_a_cursor_of_another_order_is_refused(self):
        page = self.api.get("/activations?sort=name&limit=2").json
        self.assertIsNotNone(page["next_cursor"])
        query = urllib.parse.urlencode({"sort": "-name", "cursor": page["next_cursor"]})
        self.assertError(self.api.get("/activations?" + query), 400, "invalid_request")


def row(object_id):
    """The row number inside an object id, for ordering ties as the server does."""
    return int(object_id.split("_", 1)[1])
