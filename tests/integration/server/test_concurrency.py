# Simultaneous requests: a refresh token rotates once even when presented twice at the same moment,
# a seat is freed once, and parallel readers see consistent pages.
import threading

import harness


def at_once(calls):
    """Run the callables on their own threads, released together; return their results."""
    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)
    errors = []

    def run(index, call):
        try:
            barrier.wait(timeout=30)
            results[index] = call()
        except BaseException as exc:  # reported to the test below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    if errors:
        raise errors[0]
    return results


class ConcurrencyTest(harness.PortalTestCase):
    demo_users = 2

    def test_one_refresh_token_presented_twice_at_once_rotates_once(self):
        for attempt in range(8):
            with self.subTest(attempt=attempt):
                owner = self.login("demo1@example.com")
                token = owner.refresh_token
                clients = [self.client(), self.client()]
                results = at_once([
                    lambda c=c: c.post("/auth/refresh", {"refresh_token": token}, auth=False)
                    for c in clients])
                statuses = sorted(r.status for r in results)
                self.assertNotEqual(statuses, [200, 200],
                                    "one refresh token gave two valid sessions")
                self.assertIn(statuses, ([200, 401], [401, 401]))
                for resp in results:
                    if resp.status == 401:
                        self.assertError(resp, 401, "invalid_refresh_token")
                # The second presentation is a reuse: whatever the winner got is revoked too.
                for resp in results:
                    if resp.status == 200:
                        again = self.client().post(
                            "/auth/refresh", {"refresh_token": resp.json["refresh_token"]},
                            auth=False)
                        self.assertError(again, 401, "invalid_refresh_token")

    def test_one_activation_deleted_by_three_clients_at_once_frees_one_seat(self):
        api = self.login("demo2@example.com")
        activations, _ = api.list_all("/activations")
        before = api.get("/dashboard").json["kpis"]["activations_in_use"]
        freed = 0
        for activation in activations:
            license_before = api.get(f"/licenses/{activation['license_id']}").json
            clients = [self.login("demo2@example.com") for _ in range(3)]
            results = at_once([lambda c=c: c.delete(f"/activations/{activation['id']}")
                               for c in clients])
            statuses = sorted(r.status for r in results)
            if statuses == [403, 403, 403]:
                continue
            self.assertEqual(statuses, [204, 404, 404], [r.describe() for r in results])
            freed += 1
            license_after = api.get(f"/licenses/{activation['license_id']}").json
            self.assertEqual(license_after["activations_in_use"],
                             license_before["activations_in_use"] - 1)
            if freed == 3:
                break
        self.assertGreater(freed, 0, "no activation of demo2 may be deactivated")
        after = api.get("/dashboard").json["kpis"]["activations_in_use"]
        self.assertEqual(after, before - freed)
        self.assertEqual(after, api.get("/activations?limit=1").json["total"])

    def test_parallel_readers_page_consistently(self):
        reference, _ = self.login("demo1@example.com").list_all("/licenses", {"sort": "product"},
                                                                 limit=200)
        expected = [x["id"] for x in reference]
        readers = [self.login("demo1@example.com") for _ in range(8)]
        results = at_once([lambda r=r: r.list_all("/licenses", {"sort": "product"}, limit=3)
                           for r in readers])
        for items, totals in results:
            self.assertEqual([x["id"] for x in items], expected)
            self.assertEqual(set(totals), {len(expected)})
        self.assertTrue(self.portal.alive())
