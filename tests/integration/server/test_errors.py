# Error answers of the contract provoked for real: invalid_request, not_found, payload_too_large, request ids.
import json

import harness


class InvalidRequestTest(harness.PortalTestCase):
    demo_users = 1

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.api = cls.portal.login("demo1@example.com")

    def assertInvalid(self, path):
        self.assertError(self.api.get(path, rejected_by_contract=True), 400, "invalid_request")

    def test_unknown_status_is_invalid_request(self):
        self.assertInvalid("/licenses?status=bogus")
        self.assertInvalid("/licenses?status=ACTIVE")

    def test_unknown_sort_is_invalid_request(self):
        self.assertInvalid("/licenses?sort=bogus")
        self.assertInvalid("/licenses?sort=id;DROP")

    def test_limit_out_of_range_is_invalid_request(self):
        for path in ("/licenses", "/activations", "/downloads"):
            for limit in ("0", "201", "-1", "abc"):
                with self.subTest(path=path, limit=limit):
                    self.assertInvalid(f"{path}?limit={limit}")

    def test_limit_bounds_are_accepted(self):
        for limit in ("1", "200"):
            resp = self.api.get(f"/licenses?limit={limit}")
            self.assertStatus(resp, 200)
            self.assertLessEqual(len(resp.json["items"]), int(limit))

    def test_bad_cursor_is_invalid_request(self):
        for path in ("/licenses", "/activations", "/downloads"):
            for cursor in ("garbage", "%00%01", "AAAAAAAAAAAAAAAAAAAAAAAAAAAA"):
                with self.subTest(path=path, cursor=cursor):
                    self.assertInvalid(f"{path}?cursor={cursor}")

    def test_malformed_json_is_invalid_request(self):
        for raw in (b"{", b"not json", b'{"email": "demo1@example.com", "password": }',
                    b"[1, 2, 3]", b'"a string"'):
            with self.subTest(body=raw):
                resp = self.api.post("/auth/login", raw_body=raw, auth=False,
                                     rejected_by_contract=True)
                self.assertError(resp, 400, "invalid_request")
        resp = self.api.post("/auth/refresh", raw_body=b"{\"refresh_token\": ", auth=False,
                             rejected_by_contract=True)
        self.assertError(resp, 400, "invalid_request")

    def test_missing_or_mistyped_login_fields_are_invalid_request(self):
        for body in ({"email": "demo1@example.com"}, {"password": "demo"},
                     {"email": 5, "password": "demo"}):
            with self.subTest(body=body):
                resp = self.api.post("/auth/login", body, auth=False,
                                     rejected_by_contract=True)
                self.assertError(resp, 400, "invalid_request")

    def test_the_session_still_works_after_bad_requests(self):
        self.assertInvalid("/licenses?limit=0")
        self.assertStatus(self.api.get("/licenses?limit=1"), 200)


class NotFoundTest(harness.PortalTestCase):
    demo_users = 1

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.api = cls.portal.login("demo1@example.com")

    def test_unknown_objects_are_not_found(self):
        for method, path in (("GET", "/licenses/no-such-license"),
                             ("POST", "/licenses/no-such-license/reveal"),
                             ("DELETE", "/activations/no-such-activation"),
                             ("GET", "/downloads/no-such-download"),
                             ("GET", "/downloads/no-such-download/file"),
                             ("GET", "/licenses/%27%20OR%201%3D1%20--")):
            with self.subTest(method=method, path=path):
                self.assertError(self.api.request(method, path), 404, "not_found")

    def test_unknown_path_is_not_found(self):
        self.assertError(self.api.get("/no-such-endpoint", rejected_by_contract=True),
                         404, "not_found")


class PayloadTooLargeTest(harness.PortalTestCase):
    demo_users = 1

    def test_body_over_64_kib_is_payload_too_large(self):
        api = self.client()
        body = json.dumps({"email": "demo1@example.com", "password": "x" * (65 * 1024)})
        resp = api.post("/auth/login", raw_body=body.encode(), auth=False,
                        rejected_by_contract=True)
        self.assertError(resp, 413, "payload_too_large")

    def test_body_just_under_64_kib_is_read(self):
        api = self.client()
        body = json.dumps({"email": "demo1@example.com", "password": "x" * (60 * 1024)})
        resp = api.post("/auth/login", raw_body=body.encode(), auth=False)
        self.assertError(resp, 401, "invalid_credentials")


class RequestIdTest(harness.PortalTestCase):
    demo_users = 1

    def test_every_response_carries_a_request_id_and_errors_repeat_it(self):
        api = self.login("demo1@example.com")
        anon = self.client()
        license = api.get("/licenses?limit=1").json["items"][0]["id"]
        seen = []
        calls = [
            (api, "GET", "/me", {}), (api, "GET", "/dashboard", {}),
            (api, "GET", "/licenses", {}), (api, "GET", f"/licenses/{license}", {}),
            (api, "POST", f"/licenses/{license}/reveal", {}),
            (api, "GET", "/activations", {}), (api, "GET", "/downloads", {}),
            (api, "GET", "/licenses/nope", {}),
            (api, "GET", "/licenses?sort=nope", {"rejected_by_contract": True}),
            (anon, "GET", "/me", {"auth": False, "rejected_by_contract": True}),
        ]
        for client, method, path, kw in calls:
            with self.subTest(method=method, path=path):
                resp = client.request(method, path, **kw)
                request_id = resp.headers.get("X-Request-Id")
                self.assertTrue(request_id, f"no X-Request-Id: {resp.describe()}")
                seen.append(request_id)
                if resp.status not in (204, 304):
                    self.assertEqual(resp.content_type, "application/json", resp.describe())
                if resp.status >= 400:
                    self.assertEqual(resp.json["error"]["request_id"], request_id)
        login = anon.login("demo1@example.com", "wrong")
        self.assertError(login, 401, "invalid_credentials")
        seen.append(login.headers.get("X-Request-Id"))
        self.assertEqual(len(seen), len(set(seen)), f"request ids repeat: {seen}")
