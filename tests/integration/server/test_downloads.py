# Downloads: list, filters, detail, and the file itself with Range/206/416, ETag and Repr-Digest.
import base64
import hashlib
import re
import urllib.parse

import harness

FIELDS = ("id", "product", "version", "channel", "platform", "arch", "filename", "size_bytes",
          "sha256", "released_at", "release_notes")


class DownloadTest(harness.PortalTestCase):
    demo_users = 1

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.api = cls.portal.login("demo1@example.com")
        cls.all, totals = cls.api.list_all("/downloads")
        cls.total = totals[0]

    def fetch(self, download_id, **headers):
        return self.api.get(f"/downloads/{download_id}/file", headers=headers or None,
                            binary=True)

    def smallest_nonempty(self):
        candidates = [d for d in self.all if d["size_bytes"] > 1]
        self.assertTrue(candidates, "demo data needs non-empty files")
        return min(candidates, key=lambda d: d["size_bytes"])

    def test_list_has_releases_newest_first(self):
        self.assertGreater(self.total, 1)
        self.assertEqual(len(self.all), self.total)
        for item in self.all:
            for field in FIELDS:
                self.assertIn(field, item)
            self.assertIn(item["channel"], ("stable", "beta"))
            self.assertIn(item["platform"], ("linux", "windows", "macos", "any"))
            self.assertIn(item["arch"], ("x86_64", "aarch64", "any"))
            self.assertRegex(item["sha256"], r"^[0-9a-f]{64}$")
            self.assertIsInstance(item["size_bytes"], int)
        stamps = [harness.parse_ts(x["released_at"]) for x in self.all]
        self.assertEqual(stamps, sorted(stamps, reverse=True))
        self.assertEqual({x["channel"] for x in self.all}, {"stable", "beta"})

    def test_filters_keep_matching_releases(self):
        for field in ("channel", "platform"):
            for value in sorted({x[field] for x in self.all}):
                with self.subTest(field=field, value=value):
                    items, totals = self.api.list_all("/downloads", {field: value})
                    expected = [x["id"] for x in self.all if x[field] == value]
                    self.assertEqual(sorted(x["id"] for x in items), sorted(expected))
                    self.assertEqual(totals[0], len(expected))
                    stamps = [harness.parse_ts(x["released_at"]) for x in items]
                    self.assertEqual(stamps, sorted(stamps, reverse=True))
        for product in sorted({x["product"]["id"] for x in self.all}):
            with self.subTest(product=product):
                items, _ = self.api.list_all("/downloads", {"product": product})
                self.assertEqual(sorted(x["id"] for x in items),
                                 sorted(x["id"] for x in self.all
                                        if x["product"]["id"] == product))

    def test_paging_visits_each_release_once(self):
        items, totals = self.api.list_all("/downloads", limit=2)
        self.assertEqual([x["id"] for x in items], [x["id"] for x in self.all])
        self.assertEqual(set(totals), {self.total})

    def test_detail_equals_the_list_item(self):
        for item in self.all[:10]:
            with self.subTest(id=item["id"]):
                resp = self.api.get(f"/downloads/{item['id']}")
                self.assertStatus(resp, 200)
                self.assertEqual(resp.json, item)

    def test_file_bytes_match_size_sha256_and_repr_digest(self):
        for item in sorted(self.all, key=lambda d: d["size_bytes"])[:4]:
            with self.subTest(id=item["id"]):
                resp = self.fetch(item["id"])
                self.assertStatus(resp, 200)
                data = resp.raw
                self.assertEqual(resp.headers.get("Content-Type"), "application/octet-stream")
                self.assertEqual(len(data), item["size_bytes"])
                self.assertEqual(int(resp.headers.get("Content-Length")), item["size_bytes"])
                self.assertEqual(hashlib.sha256(data).hexdigest(), item["sha256"])
                digest = base64.b64encode(hashlib.sha256(data).digest()).decode()
                self.assertEqual(resp.headers.get("Repr-Digest"), f"sha-256=:{digest}:")
                self.assertEqual(resp.headers.get("Accept-Ranges"), "bytes")
                self.assertTrue(resp.headers.get("ETag"))
                disposition = resp.headers.get("Content-Disposition", "")
                self.assertRegex(disposition, r'^attachment;\s*filename="[^"]+"')
                self.assertIn(f'filename="{item["filename"]}"', disposition)

    def test_range_from_offset_resumes_with_206(self):
        item = self.smallest_nonempty()
        whole = self.fetch(item["id"]).raw
        size = len(whole)
        for start in (0, 1, size // 2, size - 1):
            with self.subTest(start=start):
                resp = self.fetch(item["id"], Range=f"bytes={start}-")
                self.assertStatus(resp, 206)
                self.assertEqual(resp.raw, whole[start:])
                self.assertEqual(resp.headers.get("Content-Range"),
                                 f"bytes {start}-{size - 1}/{size}")
                self.assertEqual(int(resp.headers.get("Content-Length")), size - start)
                # The digest describes the whole representation, not the part.
                digest = base64.b64encode(hashlib.sha256(whole).digest()).decode()
                self.assertEqual(resp.headers.get("Repr-Digest"), f"sha-256=:{digest}:")

    def test_range_past_the_end_is_416(self):
        item = self.smallest_nonempty()
        size = item["size_bytes"]
        for start in (size, size + 1, size + 100000):
            with self.subTest(start=start):
                resp = self.fetch(item["id"], Range=f"bytes={start}-")
                self.assertStatus(resp, 416)
                self.assertNotEqual(resp.raw[:1], b"\x00")
                request_id = resp.headers.get("X-Request-Id")
                self.assertTrue(request_id)
                self.assertEqual(resp.json["error"]["request_id"], request_id)
                content_range = resp.headers.get("Content-Range")
                if content_range is not None:
                    self.assertEqual(content_range, f"bytes */{size}")

    def test_file_etag_gives_304(self):
        item = self.smallest_nonempty()
        first = self.fetch(item["id"])
        etag = first.headers.get("ETag")
        self.assertTrue(etag)
        self.assertFalse(etag.startswith("W/"))
        again = self.fetch(item["id"], **{"If-None-Match": etag})
        self.assertStatus(again, 304)
        self.assertEqual(again.raw, b"")

    def test_download_list_etag_gives_304(self):
        resp = self.api.get("/downloads")
        etag = resp.headers.get("ETag")
        self.assertTrue(etag)
        again = self.api.get("/downloads", headers={"If-None-Match": etag})
        self.assertStatus(again, 304)
        self.assertEqual(again.raw, b"")

    def test_filenames_are_plain(self):
        for item in self.all:
            self.assertRegex(item["filename"], r"^[A-Za-z0-9][A-Za-z0-9._+-]*$")
            self.assertNotIn("/", urllib.parse.unquote(item["filename"]))
            self.assertFalse(re.search(r"\.\.", item["filename"]))


class DownloadSortTest(harness.PortalTestCase):
    """Sort keys with their reverses, stable with id breaking ties, and the `q` search."""
    demo_users = 1

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.api = cls.portal.login("demo1@example.com")
        cls.all, _ = cls.api.list_all("/downloads")

    def test_each_sort_and_its_reverse_pages_in_order(self):
        keys = {
            "released_at": lambda d: harness.parse_ts(d["released_at"]),
            "product": lambda d: d["product"]["name"],
        }
        for key, value in keys.items():
            for descending in (False, True):
                sort = ("-" if descending else "") + key
                with self.subTest(sort=sort):
                    items, _ = self.api.list_all("/downloads", {"sort": sort}, limit=7)
                    expected = sorted(self.all, key=lambda d: (value(d), int(d["id"].split("_")[1])),
                                      reverse=descending)
                    self.assertEqual([d["id"] for d in items], [d["id"] for d in expected])

    def test_an_unknown_sort_is_invalid_request(self):
        self.assertError(self.api.get("/downloads?sort=size", rejected_by_contract=True), 400,
                         "invalid_request")

    def test_q_matches_product_version_and_filename_case_insensitively(self):
        sample = self.all[0]
        for q in (sample["product"]["name"].upper(), sample["version"], sample["filename"][-8:]):
            with self.subTest(q=q):
                items, totals = self.api.list_all("/downloads", {"q": q})
                self.assertIn(sample["id"], {d["id"] for d in items})
                self.assertEqual(totals[0], len(items))
                low = q.lower()
                for d in items:
                    self.assertTrue(low in d["product"]["name"].lower() or low in d["version"].lower()
                                    or low in d["filename"].lower(), d)
        items, totals = self.api.list_all("/downloads", {"q": "no-such-thing-anywhere"})
        self.assertEqual((items, totals[0]), ([], 0))
