# Access-token expiry and refresh-token expiry, seen for real with short --access-ttl/--refresh-ttl.
import time

import harness


class TokenLifetimeTest(harness.PortalTestCase):
    demo_users = 1
    access_ttl = 2
    refresh_ttl = 6

    def test_login_reports_the_configured_lifetimes(self):
        resp = self.client().login("demo1@example.com")
        self.assertStatus(resp, 200)
        self.assertEqual(resp.json["expires_in"], 2)
        self.assertEqual(resp.json["refresh_expires_in"], 6)

    def test_expired_access_token_is_token_expired_and_refresh_recovers(self):
        api = self.login("demo1@example.com")
        self.assertStatus(api.get("/me"), 200)
        time.sleep(3.5)
        self.assertError(api.get("/me"), 401, "token_expired")
        self.assertError(api.get("/dashboard"), 401, "token_expired")
        resp = api.post("/auth/refresh", {"refresh_token": api.refresh_token}, auth=False)
        self.assertStatus(resp, 200)
        self.assertStatus(api.get("/me", token=resp.json["access_token"]), 200)

    def test_expired_refresh_token_is_invalid_refresh_token(self):
        api = self.login("demo1@example.com")
        time.sleep(7.5)
        resp = api.post("/auth/refresh", {"refresh_token": api.refresh_token}, auth=False)
        self.assertError(resp, 401, "invalid_refresh_token")
