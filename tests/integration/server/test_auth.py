# Login, refresh-token rotation, logout, /me and two-factor login against a real licportald.
import time

import harness

OTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


class LoginTest(harness.PortalTestCase):
    demo_users = 2

    def assertTokenBody(self, resp, email):
        self.assertStatus(resp, 200)
        body = resp.json
        for field in ("access_token", "refresh_token"):
            self.assertIsInstance(body.get(field), str, resp.describe())
            self.assertGreaterEqual(len(body[field]), 32, f"{field} too short for 256 bits")
        self.assertEqual(body.get("token_type"), "Bearer")
        self.assertNotEqual(body["access_token"], body["refresh_token"])
        self.assertEqual(body.get("user", {}).get("email"), email)
        self.assertIsInstance(body["user"].get("id"), str)
        self.assertIsInstance(body["user"].get("name"), str)

    def test_login_answers_tokens_with_default_lifetimes(self):
        resp = self.client().login("demo1@example.com")
        self.assertTokenBody(resp, "demo1@example.com")
        self.assertEqual(resp.json["expires_in"], 900)
        self.assertEqual(resp.json["refresh_expires_in"], 2592000)

    def test_login_email_is_case_insensitive(self):
        resp = self.client().login("DeMo2@Example.COM")
        self.assertTokenBody(resp, "demo2@example.com")

    def test_me_describes_the_logged_in_user(self):
        api = self.login("demo1@example.com")
        resp = api.get("/me")
        self.assertStatus(resp, 200)
        me = resp.json
        self.assertEqual(me["email"], "demo1@example.com")
        self.assertEqual(me["id"], api.user["id"])
        self.assertIsInstance(me["name"], str)
        self.assertIn("organization", me)
        self.assertTrue(me["organization"] is None or isinstance(me["organization"], str))
        other = self.login("demo2@example.com").get("/me").json
        self.assertEqual(other["email"], "demo2@example.com")
        self.assertNotEqual(other["id"], me["id"])

    def test_wrong_password_is_invalid_credentials(self):
        resp = self.client().login("demo1@example.com", "not-the-password")
        self.assertError(resp, 401, "invalid_credentials")
        self.assertNotIn("access_token", resp.json)

    def test_unknown_email_is_invalid_credentials(self):
        resp = self.client().login("nobody@example.com", "demo")
        self.assertError(resp, 401, "invalid_credentials")

    def test_missing_token_is_unauthenticated(self):
        api = self.client()
        for path in ("/me", "/dashboard", "/licenses", "/activations", "/downloads"):
            with self.subTest(path=path):
                self.assertError(api.get(path, auth=False, rejected_by_contract=True),
                                 401, "unauthenticated")

    def test_unknown_or_malformed_token_is_unauthenticated(self):
        api = self.client()
        for token in ("A" * 43, "not a token", "x"):
            with self.subTest(token=token):
                self.assertError(api.get("/me", token=token, rejected_by_contract=True),
                                 401, "unauthenticated")
        resp = api.get("/me", headers={"Authorization": "Basic ZGVtbzpkZW1v"},
                       auth=False, rejected_by_contract=True)
        self.assertError(resp, 401, "unauthenticated")

    def test_refresh_token_is_not_an_access_token(self):
        api = self.login("demo1@example.com")
        self.assertError(api.get("/me", token=api.refresh_token), 401, "unauthenticated")

    def test_refresh_answers_new_tokens_and_the_new_refresh_token_works(self):
        api = self.login("demo1@example.com")
        first = api.post("/auth/refresh", {"refresh_token": api.refresh_token}, auth=False)
        self.assertTokenBody(first, "demo1@example.com")
        self.assertNotEqual(first.json["refresh_token"], api.refresh_token)
        self.assertNotEqual(first.json["access_token"], api.token)
        self.assertStatus(api.get("/me", token=first.json["access_token"]), 200)
        second = api.post("/auth/refresh", {"refresh_token": first.json["refresh_token"]},
                          auth=False)
        self.assertTokenBody(second, "demo1@example.com")
        self.assertStatus(api.get("/me", token=second.json["access_token"]), 200)

    def test_used_refresh_token_fails_and_revokes_the_family(self):
        api = self.login("demo1@example.com")
        old = api.refresh_token
        rotated = api.post("/auth/refresh", {"refresh_token": old}, auth=False)
        self.assertStatus(rotated, 200)
        new = rotated.json["refresh_token"]
        reuse = api.post("/auth/refresh", {"refresh_token": old}, auth=False)
        self.assertError(reuse, 401, "invalid_refresh_token")
        # The reuse revoked the whole family: the rotated token is dead too.
        self.assertError(api.post("/auth/refresh", {"refresh_token": new}, auth=False),
                         401, "invalid_refresh_token")

    def test_revoked_family_takes_its_access_tokens_along(self):
        api = self.login("demo1@example.com")
        old = api.refresh_token
        rotated = api.post("/auth/refresh", {"refresh_token": old}, auth=False)
        self.assertStatus(rotated, 200)
        fresh_access = rotated.json["access_token"]
        self.assertStatus(api.get("/me", token=fresh_access), 200)
        self.assertError(api.post("/auth/refresh", {"refresh_token": old}, auth=False),
                         401, "invalid_refresh_token")
        self.assertError(api.get("/me", token=fresh_access), 401, "unauthenticated")

    def test_logout_ends_the_access_token_too(self):
        api = self.login("demo1@example.com")
        self.assertStatus(api.post("/auth/logout", {"refresh_token": api.refresh_token}), 204)
        self.assertError(api.get("/me"), 401, "unauthenticated")

    def test_reuse_does_not_revoke_other_sessions(self):
        victim = self.login("demo1@example.com")
        other = self.login("demo1@example.com")
        rotated = victim.post("/auth/refresh", {"refresh_token": victim.refresh_token},
                              auth=False)
        self.assertStatus(rotated, 200)
        self.assertError(victim.post("/auth/refresh", {"refresh_token": victim.refresh_token},
                                     auth=False), 401, "invalid_refresh_token")
        self.assertStatus(other.post("/auth/refresh", {"refresh_token": other.refresh_token},
                                     auth=False), 200)

    def test_unknown_refresh_token_is_invalid_refresh_token(self):
        resp = self.client().post("/auth/refresh", {"refresh_token": "B" * 43}, auth=False)
        self.assertError(resp, 401, "invalid_refresh_token")

    def test_logout_revokes_the_session_family(self):
        api = self.login("demo1@example.com")
        resp = api.post("/auth/logout", {"refresh_token": api.refresh_token})
        self.assertStatus(resp, 204)
        self.assertEqual(resp.raw, b"")
        self.assertError(api.post("/auth/refresh", {"refresh_token": api.refresh_token},
                                  auth=False), 401, "invalid_refresh_token")

    def test_logout_after_rotation_revokes_the_rotated_token(self):
        api = self.login("demo1@example.com")
        rotated = api.post("/auth/refresh", {"refresh_token": api.refresh_token}, auth=False)
        self.assertStatus(rotated, 200)
        newest = rotated.json["refresh_token"]
        resp = api.post("/auth/logout", {"refresh_token": newest},
                        token=rotated.json["access_token"])
        self.assertStatus(resp, 204)
        self.assertError(api.post("/auth/refresh", {"refresh_token": newest}, auth=False),
                         401, "invalid_refresh_token")

    def test_logout_needs_a_bearer_token(self):
        api = self.login("demo1@example.com")
        resp = api.post("/auth/logout", {"refresh_token": api.refresh_token}, auth=False,
                        rejected_by_contract=True)
        self.assertError(resp, 401, "unauthenticated")
        # The session survived the refused logout.
        self.assertStatus(api.post("/auth/refresh", {"refresh_token": api.refresh_token},
                                   auth=False), 200)


class TwoFactorLoginTest(harness.PortalTestCase):
    demo_users = 0

    @classmethod
    def prepare(cls, portal):
        portal.add_user("otp@example.com", password="s3cret-otp-phrase", name="Otp User",
                        otp_secret=OTP_SECRET)

    def fresh_code(self, offset_steps=0):
        # Keep clear of a 30 s boundary so the code is still current when it arrives.
        if time.time() % 30 > 27:
            time.sleep(30 - time.time() % 30 + 0.2)
        return harness.totp(OTP_SECRET, offset_steps=offset_steps)

    def test_password_alone_asks_for_otp(self):
        resp = self.client().login("otp@example.com", "s3cret-otp-phrase")
        self.assertError(resp, 401, "otp_required")
        self.assertNotIn("access_token", resp.json)

    def test_wrong_otp_is_invalid_otp(self):
        now = time.time()
        near = {harness.totp(OTP_SECRET, at=now, offset_steps=k) for k in range(-3, 4)}
        wrong = next(c for c in ("000000", "123456", "999999", "424242") if c not in near)
        resp = self.client().login("otp@example.com", "s3cret-otp-phrase", otp=wrong)
        self.assertError(resp, 401, "invalid_otp")

    def test_correct_otp_logs_in(self):
        resp = self.client().login("otp@example.com", "s3cret-otp-phrase", otp=self.fresh_code())
        self.assertStatus(resp, 200)
        self.assertEqual(resp.json["user"]["email"], "otp@example.com")
        self.assertEqual(resp.json["user"]["name"], "Otp User")

    def test_correct_otp_with_wrong_password_is_invalid_credentials(self):
        resp = self.client().login("otp@example.com", "wrong", otp=self.fresh_code())
        self.assertError(resp, 401, "invalid_credentials")


class ServerLogTest(harness.PortalTestCase):
    demo_users = 0

    @classmethod
    def prepare(cls, portal):
        portal.add_user("log@example.com", password="Pa55-very-secret-phrase", name="Log User")

    def test_access_log_has_a_line_per_request_and_no_secrets(self):
        api = self.client()
        secrets, request_ids = ["Pa55-very-secret-phrase", "Wr0ng-secret-attempt"], []
        bad = api.login("log@example.com", "Wr0ng-secret-attempt")
        self.assertError(bad, 401, "invalid_credentials")
        login = api.login("log@example.com", "Pa55-very-secret-phrase")
        self.assertStatus(login, 200)
        secrets += [login.json["access_token"], login.json["refresh_token"]]
        rotated = api.post("/auth/refresh", {"refresh_token": api.refresh_token}, auth=False)
        self.assertStatus(rotated, 200)
        secrets += [rotated.json["access_token"], rotated.json["refresh_token"]]
        me = api.get("/me", token=rotated.json["access_token"])
        self.assertStatus(me, 200)
        for resp in (bad, login, rotated, me):
            request_ids.append(resp.headers.get("X-Request-Id"))
        deadline = time.monotonic() + 5
        while True:
            log = self.portal.log_text()
            if all(r in log for r in request_ids) or time.monotonic() > deadline:
                break
            time.sleep(0.1)
        for request_id in request_ids:
            self.assertIn(request_id, log, "no access log line for this request")
        for secret in secrets:
            self.assertNotIn(secret, log, "a password or token reached the server log")


class LoginAuditTest(harness.PortalTestCase):
    demo_users = 1

    def test_logins_failed_logins_and_reuse_are_recorded(self):
        def count(pattern):
            return self.portal.sql("SELECT COUNT(*) FROM audit_log WHERE action LIKE ?",
                                   (pattern,))[0][0]
        total = self.portal.sql("SELECT COUNT(*) FROM audit_log")[0][0]
        failed_before = count("%fail%")
        api = self.client()
        self.assertError(api.login("demo1@example.com", "Xq-typo-9731"), 401,
                         "invalid_credentials")
        self.assertEqual(count("%fail%"), failed_before + 1)
        self.assertStatus(api.login("demo1@example.com"), 200)
        old = api.refresh_token
        self.assertStatus(api.post("/auth/refresh", {"refresh_token": old}, auth=False), 200)
        self.assertError(api.post("/auth/refresh", {"refresh_token": old}, auth=False),
                         401, "invalid_refresh_token")
        self.assertGreaterEqual(count("%reuse%"), 1)
        self.assertGreaterEqual(self.portal.sql("SELECT COUNT(*) FROM audit_log")[0][0],
                                total + 3)
        rows = self.portal.sql("SELECT ip, detail FROM audit_log")
        self.assertTrue(all(ip == "127.0.0.1" for ip, _ in rows if ip is not None))
        self.assertNotIn("Xq-typo-9731", repr(rows), "a password reached the audit log")
