# Every GET endpoint answers with a strong ETag, and a matching If-None-Match gets an empty 304.
import harness


class ConditionalGetTest(harness.PortalTestCase):
    demo_users = 2

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.api = cls.portal.login("demo1@example.com")
        license = cls.api.get("/licenses?limit=1").json["items"][0]["id"]
        download = min(cls.api.list_all("/downloads")[0], key=lambda d: d["size_bytes"])["id"]
        cls.paths = ["/me", "/dashboard", "/licenses", "/licenses?status=active&limit=3",
                     f"/licenses/{license}", "/activations", f"/activations?license_id={license}",
                     "/downloads", f"/downloads/{download}", f"/downloads/{download}/file"]

    def get(self, path, **headers):
        return self.api.get(path, headers=headers or None, binary=path.endswith("/file"))

    def test_every_get_has_a_strong_etag_and_answers_304(self):
        for path in self.paths:
            with self.subTest(path=path):
                self.assertRevalidates(self.api, path, binary=path.endswith("/file"))

    def test_unchanged_data_keeps_its_etag(self):
        for path in self.paths:
            with self.subTest(path=path):
                if path == "/dashboard":
                    continue  # carries generated_at, so it may change by the second
                self.assertEqual(self.get(path).headers.get("ETag"),
                                 self.get(path).headers.get("ETag"))

    def test_another_users_etag_does_not_match(self):
        other = self.portal.login("demo2@example.com")
        for path in ("/me", "/dashboard", "/licenses", "/activations"):
            with self.subTest(path=path):
                etag = self.get(path).headers.get("ETag")
                resp = other.get(path, headers={"If-None-Match": etag})
                self.assertStatus(resp, 200)

    def test_a_stale_etag_gets_the_full_answer(self):
        for path in self.paths:
            with self.subTest(path=path):
                resp = self.get(path, **{"If-None-Match": '"0000-stale"'})
                self.assertStatus(resp, 200)
                self.assertTrue(resp.raw)
