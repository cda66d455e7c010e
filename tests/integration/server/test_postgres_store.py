# PostgreSQL as the store: going away and coming back while licportald serves (503, sessions kept,
# no restart needed); statistics brought up to date after a bulk load.
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
        # The same licportald, the same tokens: the connections are opened again. A write
        # transaction first (its BEGIN meets the closed connection), then reads.
        rotated = self.portal.client().post("/auth/refresh", {"refresh_token": session.refresh_token},
                                            auth=False)
        self.assertStatus(rotated, 200)
        self.assertStatus(self.portal.client(token=rotated.json["access_token"]).get("/dashboard"), 200)
        self.assertStatus(self.portal.login(EMAIL).get("/me"), 200)

    def test_a_restart_between_requests_goes_unnoticed(self):
        session = self.portal.login(EMAIL)
        self.assertStatus(session.get("/dashboard"), 200)
        cluster = harness.shared_cluster()
        cluster.stop_server()
        cluster.start_server()
        # Every connection licportald holds was closed while idle: the first statement on each
        # finds out. A write transaction's BEGIN and a read are run again on a new connection.
        rotated = self.portal.client().post("/auth/refresh", {"refresh_token": session.refresh_token},
                                            auth=False)
        self.assertStatus(rotated, 200)
        fresh = self.portal.client(token=rotated.json["access_token"])
        for _ in range(8):  # as many as the server has threads, each with its connection
            self.assertStatus(fresh.get("/dashboard"), 200)


class BulkLoadTest(harness.PortalTestCase):
    demo_users = 1

    def test_a_demo_load_leaves_the_planner_statistics_up_to_date(self):
        # The demo data was loaded by `licportald demo` when the portal was made.
        rows = self.portal.sql("SELECT relname FROM pg_stat_user_tables WHERE last_vacuum IS NOT NULL "
                               "AND last_analyze IS NOT NULL AND relname IN ('users', 'licenses', 'activations') "
                               "ORDER BY relname")
        self.assertEqual([r[0] for r in rows], ["activations", "licenses", "users"])
