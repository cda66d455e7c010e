# PostgreSQL going away and coming back while licportald serves: 503, sessions kept, no restart needed.
"""Run with LP_STORE=postgresql only (suite 'postgresql'). The test process has a cluster of its
own (harness.shared_cluster()), so stopping it touches no other module."""
import harness

EMAIL = "demo1@example.com"


class StoreOutageTest(harness.PortalTestCase):
    demo_users = 1

    def test_a_restart_is_answered_503_and_the_session_survives_it(self):
        session = self.portal.login(EMAIL)
        self.assertStatus(session.get("/dashboard"), 200)
        cluster = harness.shared_cluster()
        cluster.stop_server()
        try:
            # Not 401: a client that read "invalid token" would drop its session.
            self.assertError(session.get("/dashboard"), 503, "unavailable")
            self.assertError(session.get("/licenses"), 503, "unavailable")
            refresh = self.portal.client().post("/auth/refresh", {"refresh_token": session.refresh_token},
                                                auth=False)
            self.assertIn(refresh.status, (503,), refresh.describe())
            self.assertEqual(refresh.json["error"]["code"], "unavailable", refresh.describe())
            login = self.portal.client().login(EMAIL, harness.DEMO_PASSWORD)
            self.assertError(login, 503, "unavailable")
        finally:
            cluster.start_server()
        # The same licportald, the same tokens: the connections are opened again.
        self.assertStatus(session.get("/dashboard"), 200)
        rotated = self.portal.client().post("/auth/refresh", {"refresh_token": session.refresh_token},
                                            auth=False)
        self.assertStatus(rotated, 200)
        self.assertStatus(self.portal.login(EMAIL).get("/me"), 200)
