# Two licportald instances on one PostgreSQL database agree at once: token rotation, rate limits, counters.
"""Run with LP_STORE=postgresql only (suite 'postgresql'): both servers serve the same
database, as behind a load balancer, and each request goes to the instance a test names."""
import harness

EMAIL = "demo1@example.com"
# test_rate_limit.py: ten wrong passwords for one e-mail are tried, the eleventh is refused.
FAILED_LOGINS_PER_EMAIL = 10


class TwoInstancesTest(harness.PortalTestCase):
    demo_users = 2

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        second = harness.Portal(serve_args=cls.serve_args, connections_per_address=cls.connections_per_address,
                                same_store_as=cls.portal)
        cls.addClassCleanup(second.cleanup)
        try:
            second.start()
        except BaseException:
            print("# second server's log:\n" + "\n".join("# " + l for l in second.log_tail().splitlines()))
            raise
        cls.other = second

    @classmethod
    def tearDownClass(cls):
        other = cls.other
        other.stop()
        problems, log = other.exit_problems, other.log_tail()
        super().tearDownClass()
        if problems:
            raise AssertionError("second server: " + "; ".join(problems) + "\n" + log)

    def a(self, token=None):
        return self.portal.client(token=token)

    def b(self, token=None):
        return self.other.client(token=token)

    def refresh(self, client, token):
        return client.post("/auth/refresh", {"refresh_token": token}, auth=False)

    def test_a_refresh_token_spent_on_one_instance_revokes_the_family_on_both(self):
        on_a = self.portal.login(EMAIL)
        spent = on_a.refresh_token
        rotated = self.refresh(self.b(), spent)
        self.assertStatus(rotated, 200)
        fresh = rotated.json["refresh_token"]
        self.assertStatus(self.a(token=rotated.json["access_token"]).get("/me"), 200)
        self.assertError(self.refresh(self.a(), spent), 401, "invalid_refresh_token")
        self.assertError(self.refresh(self.a(), fresh), 401, "invalid_refresh_token")
        self.assertError(self.refresh(self.b(), fresh), 401, "invalid_refresh_token")
        for client in (self.a(rotated.json["access_token"]), self.b(rotated.json["access_token"])):
            self.assertError(client.get("/me"), 401, "unauthenticated")

    def test_failed_logins_on_both_instances_count_together(self):
        email = "demo2@example.com"
        on_a, on_b = self.a(), self.b()
        for n in range(FAILED_LOGINS_PER_EMAIL):
            client = on_a if n % 2 == 0 else on_b
            self.assertError(client.login(email, f"wrong-{n}"), 401, "invalid_credentials")
        for client in (on_a, on_b):
            refused = client.login(email, f"wrong-{FAILED_LOGINS_PER_EMAIL}")
            self.assertError(refused, 429, "rate_limited")
            self.assertRegex(refused.headers.get("Retry-After", ""), r"^[1-9][0-9]*$", refused.describe())
            # While limited, even the right password is refused on either instance.
            self.assertError(client.login(email, harness.DEMO_PASSWORD), 429, "rate_limited")

    def test_a_deactivation_on_one_instance_shows_on_the_others_dashboard_at_once(self):
        on_a, on_b = self.portal.login(EMAIL), self.other.login(EMAIL)
        before = on_b.get("/dashboard").json["kpis"]["activations_in_use"]
        for activation in on_a.list_all("/activations")[0]:
            resp = on_a.delete(f"/activations/{activation['id']}")
            if resp.status == 204:
                break
            self.assertError(resp, 403, "deactivation_not_allowed")
        else:
            self.fail(f"no activation of {EMAIL} may be deactivated")
        self.assertEqual(on_b.get("/dashboard").json["kpis"]["activations_in_use"], before - 1)
        self.assertError(on_b.delete(f"/activations/{activation['id']}"), 404, "not_found")

    def test_a_personal_token_made_on_one_instance_works_and_ends_on_the_other(self):
        on_a = self.portal.login(EMAIL)
        created = on_a.post("/tokens", {"name": "monitor", "scope": "read"})
        self.assertStatus(created, 201)
        with_token = self.b(token=created.json["token"])
        self.assertEqual(with_token.get("/me").json["email"], EMAIL)
        self.assertStatus(on_a.delete(f"/tokens/{created.json['id']}"), 204)
        self.assertError(with_token.get("/me"), 401, "unauthenticated")
