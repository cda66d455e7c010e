# Licenses: list, filters, search (including SQL metacharacters), sorting, cursor paging, detail, reveal.
import re
import time
import urllib.parse

import harness

STATUSES = ("active", "expired", "suspended", "revoked", "pending")
SORTS = ("added_at", "-added_at", "expires_at", "-expires_at", "product", "-product", "status", "-status")
SUMMARY_FIELDS = ("id", "key_masked", "product", "edition", "status", "added_at", "expires_at",
                  "max_activations", "activations_in_use")


def natural_key(text):
    return [(0, int(part), "") if part.isdigit() else (1, 0, part)
            for part in re.split(r"(\d+)", text) if part]


def ids_ordered(ids):
    """Ties must follow the id: by plain string or natural (numeric-aware) order, either way."""
    for key in (lambda s: s, natural_key):
        keys = [key(i) for i in ids]
        if keys == sorted(keys) or keys == sorted(keys, reverse=True):
            return True
    return False


def window_members(licenses, now, days, slack=3):
    """Ids of licenses whose expires_at is surely inside [now, now + days], and of those
    within `slack` seconds of either end (the server's clock reads a moment later)."""
    sure, edge = set(), set()
    end = now + days * 86400
    for x in licenses:
        if x["expires_at"] is None:
            continue
        at = harness.parse_ts(x["expires_at"])
        if abs(at - now) <= slack or abs(at - end) <= slack:
            edge.add(x["id"])
        elif now < at < end:
            sure.add(x["id"])
    return sure, edge


def sort_value(item, field):
    if field == "product":
        return item["product"]["name"]
    if field in ("added_at", "expires_at"):
        value = item[field]
        return None if value is None else harness.parse_ts(value)
    return item[field]


def first_disorder(keys, descending=False):
    """Index of the first neighbour pair out of order, or None."""
    for i in range(1, len(keys)):
        if (keys[i] > keys[i - 1]) if descending else (keys[i] < keys[i - 1]):
            return i
    return None


def assert_sorted_by(test, items, sort):
    """The order the contract gives `sort`: by the key (nulls of expires_at together at one
    end; status by name or by the contract's list; product names with or without case),
    and ties by id."""
    field = sort.lstrip("-")
    descending = sort.startswith("-")
    values = [sort_value(x, field) for x in items]
    present = [v for v in values if v is not None]
    if field == "expires_at":
        nulls = [i for i, v in enumerate(values) if v is None]
        if nulls:
            ends = (nulls == list(range(len(nulls))) or
                    nulls == list(range(len(values) - len(nulls), len(values))))
            test.assertTrue(ends, f"sort={sort}: licenses without expiry are scattered")
    if field == "status":
        candidates = [[list(STATUSES).index(v) for v in present], present]
    elif field == "product":
        candidates = [present, [v.casefold() for v in present]]
    else:
        candidates = [present]
    where = [first_disorder(keys, descending) for keys in candidates]
    if None not in where:
        at = where[0]
        test.fail(f"sort={sort}: out of order at {at}: {present[at - 1]!r} then {present[at]!r}")
    groups = {}
    for x, v in zip(items, values):
        key = v.casefold() if isinstance(v, str) and field == "product" else v
        groups.setdefault(key, []).append(x["id"])
    for key, ids in groups.items():
        test.assertTrue(ids_ordered(ids), f"sort={sort}: ties {key!r} not by id: {ids[:20]}")


class LicenseListTest(harness.PortalTestCase):
    demo_users = 2
    # More than one default page (50), so the default page size shows.
    licenses_per_user = 60

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.api = cls.portal.login("demo1@example.com")
        harness.settle_expiry(cls.api)
        cls.all, totals = cls.api.list_all("/licenses")
        cls.total = totals[0]

    def query(self, **params):
        resp = self.api.get("/licenses?" + urllib.parse.urlencode(params))
        self.assertStatus(resp, 200)
        return resp.json

    def test_list_has_summaries_with_masked_keys(self):
        self.assertGreater(self.total, 5, "demo data should give demo1 several licenses")
        self.assertEqual(len(self.all), self.total)
        page = self.query()
        self.assertLessEqual(len(page["items"]), 50)
        self.assertEqual(page["total"], self.total)
        for item in self.all:
            for field in SUMMARY_FIELDS:
                self.assertIn(field, item)
            self.assertIn(item["status"], STATUSES)
            self.assertRegex(item["key_masked"], r"^[X*\u2022-]+[A-Za-z0-9]{4}$")
            self.assertIsInstance(item["product"]["id"], str)
            self.assertIsInstance(item["product"]["name"], str)
            self.assertIsInstance(item["activations_in_use"], int)
            self.assertTrue(item["max_activations"] is None
                            or isinstance(item["max_activations"], int))
            harness.parse_ts(item["added_at"])
            if item["status"] == "active" and item["expires_at"] is not None:
                self.assertGreater(harness.parse_ts(item["expires_at"]), time.time() - 5,
                                   f"{item['id']} is past expiry but reported active")
        self.assertTrue({x["status"] for x in self.all} >= {"active", "expired"})

    def test_a_stored_active_license_past_expiry_is_reported_expired(self):
        rows = self.portal.sql(
            "SELECT licenses.id FROM licenses JOIN users ON users.id = licenses.user_id "
            "WHERE users.email = 'demo1@example.com' AND licenses.status = 'active' "
            "AND licenses.expires_at IS NOT NULL AND licenses.expires_at < ?",
            (int(time.time()) - 1,))
        self.assertTrue(rows, "demo data should hold an active license that has run out")
        active = {x["id"] for x in self.api.list_all("/licenses", {"status": "active"})[0]}
        expired = {x["id"] for x in self.api.list_all("/licenses", {"status": "expired"})[0]}
        for (row,) in rows:
            license = f"lic_{row}"
            with self.subTest(license=license):
                self.assertEqual(self.api.get(f"/licenses/{license}").json["status"], "expired")
                self.assertIn(license, expired)
                self.assertNotIn(license, active)

    def test_default_page_size_is_50(self):
        self.assertGreater(self.total, 50, "demo1 needs more licenses than one default page")
        page = self.query()
        self.assertEqual(len(page["items"]), 50)
        self.assertIsNotNone(page["next_cursor"])

    def test_status_filter_partitions_the_list(self):
        seen = 0
        for status in STATUSES:
            with self.subTest(status=status):
                items, totals = self.api.list_all("/licenses", {"status": status})
                self.assertEqual(len(items), totals[0])
                self.assertTrue(all(x["status"] == status for x in items))
                expected = [x["id"] for x in self.all if x["status"] == status]
                self.assertEqual(sorted(x["id"] for x in items), sorted(expected))
                seen += len(items)
        self.assertEqual(seen, self.total)

    def test_product_filter_keeps_that_product(self):
        products = {x["product"]["id"] for x in self.all}
        for product in sorted(products):
            with self.subTest(product=product):
                items, totals = self.api.list_all("/licenses", {"product": product})
                self.assertEqual(len(items), totals[0])
                expected = sorted(x["id"] for x in self.all if x["product"]["id"] == product)
                self.assertEqual(sorted(x["id"] for x in items), expected)

    def test_expiring_within_days_keeps_that_window(self):
        for days in (7, 30, 365):
            with self.subTest(days=days):
                now = time.time()
                items, totals = self.api.list_all("/licenses", {"expiring_within_days": days})
                self.assertEqual(len(items), totals[0])
                sure, edge = window_members(self.all, now, days)
                got = {x["id"] for x in items}
                self.assertLessEqual(sure, got, "licenses inside the window are missing")
                self.assertLessEqual(got, sure | edge, "licenses outside the window were kept")

    def test_q_matches_product_edition_and_key_tail_case_insensitively(self):
        sample = self.all[0]
        needles = [sample["product"]["name"][:5].swapcase(), sample["key_masked"][-4:].lower()]
        if sample["edition"]:
            needles.append(sample["edition"].upper())
        for needle in needles:
            with self.subTest(q=needle):
                items, totals = self.api.list_all("/licenses", {"q": needle})
                low = needle.lower()
                expected = sorted(
                    x["id"] for x in self.all
                    if low in x["product"]["name"].lower()
                    or low in (x["edition"] or "").lower()
                    or low in x["key_masked"][-4:].lower())
                self.assertIn(sample["id"], expected)
                self.assertEqual(sorted(x["id"] for x in items), expected)
                self.assertEqual(totals[0], len(expected))

    def test_sql_metacharacters_in_q_match_only_literally(self):
        for needle in ("' OR 1=1 --", "%", "_", "\"; DROP TABLE licenses; --", "\\", "%%",
                       "a%", "'", "*"):
            with self.subTest(q=needle):
                items, totals = self.api.list_all("/licenses", {"q": needle})
                self.assertEqual(len(items), totals[0])
                low = needle.lower()
                for x in items:
                    self.assertTrue(low in x["product"]["name"].lower()
                                    or low in (x["edition"] or "").lower()
                                    or low in x["key_masked"][-4:].lower(),
                                    f"q={needle!r} matched {x}")
        for needle in ("' OR 1=1 --", "%", "_"):
            acts = self.api.get("/activations?" + urllib.parse.urlencode({"q": needle}))
            self.assertStatus(acts, 200)
        # Nothing was changed by the attempts.
        self.assertEqual(self.query(limit=1)["total"], self.total)
        other = self.portal.login("demo2@example.com").get("/licenses?limit=1")
        self.assertStatus(other, 200)
        self.assertGreater(other.json["total"], 0)
        kpis = self.api.get("/dashboard").json["kpis"]
        self.assertEqual(kpis["total_licenses"], self.total)

    def test_every_sort_orders_as_specified_with_ties_by_id(self):
        for sort in SORTS:
            with self.subTest(sort=sort):
                items, totals = self.api.list_all("/licenses", {"sort": sort})
                self.assertEqual(len(items), totals[0])
                self.assertEqual(sorted(x["id"] for x in items),
                                 sorted(x["id"] for x in self.all))
                self.assertSortedBy(items, sort)

    def assertSortedBy(self, items, sort):
        assert_sorted_by(self, items, sort)

    def test_every_sort_key_has_its_exact_reverse(self):
        for sort in (s for s in SORTS if not s.startswith("-")):
            with self.subTest(sort=sort):
                forward, _ = self.api.list_all("/licenses", {"sort": sort}, limit=7)
                backward, _ = self.api.list_all("/licenses", {"sort": "-" + sort}, limit=7)
                self.assertEqual([x["id"] for x in backward], [x["id"] for x in reversed(forward)])

    def test_default_sort_is_newest_added_first(self):
        first = self.query(limit=200)["items"]
        explicit = self.query(limit=200, sort="-added_at")["items"]
        self.assertEqual([x["id"] for x in first], [x["id"] for x in explicit])
        self.assertSortedBy(first, "-added_at")

    def test_cursor_paging_visits_each_item_once_in_order(self):
        for sort in SORTS:
            for limit in (1, 3, 7):
                with self.subTest(sort=sort, limit=limit):
                    items, totals = self.api.list_all("/licenses", {"sort": sort}, limit=limit)
                    whole, _ = self.api.list_all("/licenses", {"sort": sort}, limit=200)
                    ids = [x["id"] for x in items]
                    self.assertEqual(len(ids), len(set(ids)), "an item was repeated")
                    self.assertEqual(ids, [x["id"] for x in whole])
                    self.assertEqual(len(ids), self.total)
                    self.assertEqual(set(totals), {self.total})

    def test_paging_with_filter_counts_the_filter(self):
        items, totals = self.api.list_all("/licenses", {"status": "active"}, limit=2)
        self.assertEqual(set(totals), {len(items)})
        self.assertEqual(len(items), len({x["id"] for x in items}))

    def test_list_etag_gives_304_with_empty_body(self):
        resp = self.api.get("/licenses?limit=5")
        self.assertStatus(resp, 200)
        etag = resp.headers.get("ETag")
        self.assertTrue(etag, "list without ETag")
        self.assertFalse(etag.startswith("W/"), f"weak ETag {etag}")
        again = self.api.get("/licenses?limit=5", headers={"If-None-Match": etag})
        self.assertStatus(again, 304)
        self.assertEqual(again.raw, b"")
        self.assertTrue(again.headers.get("X-Request-Id"))
        other = self.api.get("/licenses?limit=6", headers={"If-None-Match": etag})
        self.assertStatus(other, 200)
        stale = self.api.get("/licenses?limit=5", headers={"If-None-Match": '"stale"'})
        self.assertStatus(stale, 200)


class LicenseDetailTest(harness.PortalTestCase):
    demo_users = 1

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.api = cls.portal.login("demo1@example.com")
        cls.all, _ = cls.api.list_all("/licenses")

    def test_detail_extends_the_summary(self):
        for summary in self.all[:20]:
            with self.subTest(id=summary["id"]):
                resp = self.api.get(f"/licenses/{summary['id']}")
                self.assertStatus(resp, 200)
                detail = resp.json
                for field in SUMMARY_FIELDS:
                    self.assertEqual(detail[field], summary[field], field)
                self.assertIsInstance(detail["features"], list)
                self.assertTrue(all(isinstance(f, str) for f in detail["features"]))
                renewal = detail["renewal"]
                self.assertIsInstance(renewal["renewable"], bool)
                for option in renewal["options"]:
                    for field in ("id", "label", "term_months", "checkout_url"):
                        self.assertIn(field, option)
                    self.assertIsInstance(option["price"]["amount_minor"], int)
                    self.assertRegex(option["price"]["currency"], r"^[A-Z]{3}$")

    def test_some_license_offers_renewal(self):
        offered = []
        for summary in self.all:
            detail = self.api.get(f"/licenses/{summary['id']}").json
            if detail["renewal"]["renewable"] and detail["renewal"]["options"]:
                offered.append(detail)
        self.assertTrue(offered, "demo data should have a renewable license with options")

    def test_detail_etag_gives_304(self):
        license = self.all[0]["id"]
        resp = self.api.get(f"/licenses/{license}")
        etag = resp.headers.get("ETag")
        self.assertTrue(etag)
        again = self.api.get(f"/licenses/{license}", headers={"If-None-Match": etag})
        self.assertStatus(again, 304)
        self.assertEqual(again.raw, b"")

    def test_reveal_gives_the_full_key_matching_the_mask(self):
        listing_text = self.api.get("/licenses?limit=200").raw.decode()
        for summary in self.all[:10]:
            with self.subTest(id=summary["id"]):
                resp = self.api.post(f"/licenses/{summary['id']}/reveal")
                self.assertStatus(resp, 200)
                key = resp.json["key"]
                self.assertIsInstance(key, str)
                self.assertGreater(len(key), 4)
                self.assertTrue(key.endswith(summary["key_masked"][-4:]))
                self.assertNotEqual(key, summary["key_masked"])
                self.assertNotIn(key, listing_text, "full key appears in the list")
                detail = self.api.get(f"/licenses/{summary['id']}").raw.decode()
                self.assertNotIn(key, detail, "full key appears in the detail")

    def test_each_reveal_is_recorded_with_who_when_and_where(self):
        count = "SELECT COUNT(*) FROM audit_log WHERE action LIKE '%reveal%'"
        before = self.portal.sql(count)[0][0]
        license = self.all[0]["id"]
        for _ in range(2):
            self.assertStatus(self.api.post(f"/licenses/{license}/reveal"), 200)
        deadline = time.monotonic() + 5
        while self.portal.sql(count)[0][0] < before + 2 and time.monotonic() < deadline:
            time.sleep(0.1)
        self.assertEqual(self.portal.sql(count)[0][0], before + 2)
        rows = self.portal.sql("SELECT at, user_id, ip, object_id FROM audit_log "
                               "WHERE action LIKE '%reveal%' ORDER BY id DESC LIMIT 2")
        for at, user_id, ip, object_id in rows:
            self.assertIsNotNone(user_id, "reveal recorded without who")
            self.assertEqual(ip, "127.0.0.1", "reveal recorded without where")
            self.assertLess(abs(int(at) - time.time()), 120, "reveal recorded without when")
            self.assertIsNotNone(object_id)
