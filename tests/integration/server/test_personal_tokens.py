# Personal access tokens: created, listed and revoked from a login session; hashed at rest; scopes; expiry.
import hashlib

import harness


class PersonalTokenTest(harness.PortalTestCase):
    demo_users = 2

    def create(self, api, name="cron", scope="read", expires_in_days=None, **kw):
        body = {"name": name, "scope": scope, "expires_in_days": expires_in_days}
        return api.post("/tokens", body, **kw)

    def make_token(self, scope="read", name="cron", expires_in_days=None):
        api = self.login()
        resp = self.create(api, name=name, scope=scope, expires_in_days=expires_in_days)
        self.assertStatus(resp, 201)
        return api, resp.json

    def test_create_answers_the_secret_once_and_the_list_never(self):
        api, created = self.make_token(scope="read_write", name="nightly backup")
        self.assertRegex(created["token"], r"^lpt_[A-Za-z0-9_-]{43}$")
        self.assertRegex(created["id"], r"^pat_")
        self.assertEqual(created["name"], "nightly backup")
        self.assertEqual(created["scope"], "read_write")
        self.assertIsNone(created["expires_at"])
        self.assertIsNone(created["last_used_at"])
        harness.parse_ts(created["created_at"])
        items, totals = api.list_all("/tokens")
        listed = {x["id"]: x for x in items}
        self.assertIn(created["id"], listed)
        self.assertNotIn("token", listed[created["id"]])
        self.assertEqual(totals[0], len(items))

    def test_the_server_keeps_only_a_hash(self):
        _, created = self.make_token()
        rows = self.portal.sql("SELECT token_hash FROM personal_tokens")
        stored = [r[0] for r in rows]
        self.assertNotIn(created["token"], stored)
        self.assertFalse(any(created["token"][4:] in s for s in stored))
        self.assertNotIn(hashlib.sha256(created["token"].encode()).hexdigest(), stored)

    def test_token_works_for_many_calls_and_records_last_use(self):
        _, created = self.make_token()
        client = self.portal.client(token=created["token"])
        for _ in range(20):
            self.assertStatus(client.get("/me"), 200)
        self.assertStatus(client.get("/licenses"), 200)
        self.assertStatus(client.get("/products"), 200)
        session = self.login()
        items, _ = session.list_all("/tokens")
        mine = next(x for x in items if x["id"] == created["id"])
        self.assertIsNotNone(mine["last_used_at"])
        harness.parse_ts(mine["last_used_at"])

    def test_read_token_refused_on_every_write_with_insufficient_scope(self):
        _, created = self.make_token(scope="read")
        client = self.portal.client(token=created["token"])
        activations, _ = client.list_all("/activations")
        self.assertTrue(activations)
        self.assertError(client.delete(f"/activations/{activations[0]['id']}"), 403, "insufficient_scope")
        licenses, _ = client.list_all("/licenses")
        self.assertError(client.post(f"/licenses/{licenses[0]['id']}/reveal"), 403, "insufficient_scope")
        self.assertError(self.create(client), 403, "insufficient_scope")
        # Still there: the refused delete changed nothing.
        after, _ = client.list_all("/activations")
        self.assertEqual(len(after), len(activations))

    def test_read_write_token_may_write_but_not_manage_tokens(self):
        _, created = self.make_token(scope="read_write")
        client = self.portal.client(token=created["token"])
        licenses, _ = client.list_all("/licenses")
        self.assertStatus(client.post(f"/licenses/{licenses[0]['id']}/reveal"), 200)
        self.assertError(self.create(client), 403, "forbidden")
        self.assertError(client.get("/tokens"), 403, "forbidden")
        self.assertError(client.delete(f"/tokens/{created['id']}"), 403, "forbidden")

    def test_revocation_takes_effect_at_once(self):
        api, created = self.make_token()
        client = self.portal.client(token=created["token"])
        self.assertStatus(client.get("/me"), 200)
        self.assertStatus(api.delete(f"/tokens/{created['id']}"), 204)
        self.assertError(client.get("/me"), 401, "unauthenticated")
        self.assertError(api.delete(f"/tokens/{created['id']}"), 404, "not_found")
        items, _ = api.list_all("/tokens")
        self.assertNotIn(created["id"], {x["id"] for x in items})

    def test_expired_token_is_refused_without_asking_for_a_refresh(self):
        _, created = self.make_token(expires_in_days=1)
        expires = harness.parse_ts(created["expires_at"])
        self.assertEqual(expires - harness.parse_ts(created["created_at"]), 86400)
        client = self.portal.client(token=created["token"])
        self.assertStatus(client.get("/me"), 200)
        self.portal.sql("UPDATE personal_tokens SET expires_at = 1000 WHERE token_hash = "
                        "(SELECT token_hash FROM personal_tokens ORDER BY id DESC LIMIT 1)", write=True)
        self.assertError(client.get("/me"), 401, "unauthenticated")

    def test_tokens_of_another_user_are_not_found(self):
        api, created = self.make_token()
        other = self.portal.login("demo2@example.com")
        self.assertError(other.delete(f"/tokens/{created['id']}"), 404, "not_found")
        items, _ = other.list_all("/tokens")
        self.assertNotIn(created["id"], {x["id"] for x in items})
        self.assertStatus(self.portal.client(token=created["token"]).get("/me"), 200)

    def test_bad_bodies_are_invalid_request(self):
        api = self.login()
        for body in ({"scope": "read"}, {"name": "", "scope": "read"}, {"name": "x", "scope": "admin"},
                     {"name": "x", "scope": "read", "expires_in_days": 0},
                     {"name": "x", "scope": "read", "expires_in_days": 1.5},
                     {"name": "x", "scope": "read", "expires_in_days": "7"},
                     {"name": "a\nb", "scope": "read"}):
            with self.subTest(body=body):
                self.assertError(api.post("/tokens", body, rejected_by_contract=True), 400, "invalid_request")

    def test_unknown_or_malformed_token_is_unauthenticated(self):
        for token in ("lpt_", "lpt_" + "A" * 43, "lpt_\u00e9"):
            with self.subTest(token=token):
                client = self.portal.direct_client(token=token)
                self.assertError(client.get("/me"), 401, "unauthenticated")

    def test_a_session_token_that_happens_to_begin_like_one_still_works(self):
        self.login()
        fake = "lpt_" + "s" * 43
        digest = hashlib.blake2b(fake.encode(), digest_size=32).hexdigest()
        self.portal.sql("INSERT INTO access_tokens(token_hash, session_id, user_id, expires_at) "
                        "SELECT ?, session_id, user_id, expires_at FROM access_tokens LIMIT 1", (digest,),
                        write=True)
        self.assertStatus(self.portal.client(token=fake).get("/me"), 200)

    def test_list_pages_without_repeats(self):
        api = self.login("demo2@example.com")
        ids = [self.create(api, name=f"t{i}").json["id"] for i in range(5)]
        items, totals = api.list_all("/tokens", limit=2)
        self.assertEqual([x["id"] for x in items], list(reversed(ids)))
        self.assertEqual(set(totals), {5})
