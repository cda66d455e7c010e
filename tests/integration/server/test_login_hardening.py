# Login attacks from the audit: parallel guessing, one-time-code replay, audit rows by the thousand.
import threading
import time

import harness

OTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def concurrently(count, work):
    """Runs work(i) in `count` threads released together; returns the results in order."""
    results = [None] * count
    start = threading.Barrier(count)

    def run(i):
        start.wait()
        results[i] = work(i)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    return results


class ParallelWrongPasswordsTest(harness.PortalTestCase):
    demo_users = 1

    def test_fifty_concurrent_wrong_passwords_get_at_most_ten_attempts(self):
        portal = self.portal

        def guess(i):
            api = portal.direct_client()
            try:
                return api.login("demo1@example.com", f"wrong-{i}").status
            finally:
                api.close()

        statuses = concurrently(50, guess)
        self.assertEqual(statuses.count(401) + statuses.count(429), 50, statuses)
        self.assertLessEqual(statuses.count(401), 10, statuses)
        self.assertGreaterEqual(statuses.count(401), 1, statuses)
        tried = portal.sql("SELECT count(*) FROM audit_log WHERE action = 'login_failed'")[0][0]
        self.assertLessEqual(tried, 10)


class RateLimitAuditRowsTest(harness.PortalTestCase):
    demo_users = 1

    def test_repeated_refusals_are_one_audit_row_with_a_count(self):
        api = self.client()
        for n in range(10):
            self.assertStatus(api.login("demo1@example.com", f"wrong-{n}"), 401)
        for n in range(300):
            self.assertStatus(api.login("demo1@example.com", f"wrong-{n}"), 429)
        rows = self.portal.sql("SELECT detail, repeats FROM audit_log WHERE action = 'login_rate_limited'")
        self.assertEqual(rows, [("email:demo1@example.com", 300)])
        total = self.portal.sql("SELECT count(*) FROM audit_log")[0][0]
        self.assertLess(total, 20)


class OtpReplayTest(harness.PortalTestCase):
    demo_users = 0

    @classmethod
    def prepare(cls, portal):
        portal.add_user("otp@example.com", otp_secret=OTP_SECRET)
        portal.add_user("otp2@example.com", otp_secret=OTP_SECRET)

    @staticmethod
    def _early_in_a_step():
        # The steps the test names must not move under it: start early in one.
        if time.time() % 30 > 22:
            time.sleep(30 - time.time() % 30 + 0.2)
        return time.time()

    def test_a_code_works_once(self):
        now = self._early_in_a_step()
        code = harness.totp(OTP_SECRET, at=now)
        self.assertStatus(self.client().login("otp@example.com", harness.ADDED_PASSWORD, otp=code), 200)
        self.assertError(self.client().login("otp@example.com", harness.ADDED_PASSWORD, otp=code), 401, "invalid_otp")

    def test_an_older_step_is_refused_after_a_newer_one_and_a_newer_one_passes(self):
        now = self._early_in_a_step()
        self.assertStatus(self.client().login("otp2@example.com", harness.ADDED_PASSWORD,
                                              otp=harness.totp(OTP_SECRET, at=now)), 200)
        self.assertError(self.client().login("otp2@example.com", harness.ADDED_PASSWORD,
                                             otp=harness.totp(OTP_SECRET, at=now, offset_steps=-1)),
                         401, "invalid_otp")
        self.assertStatus(self.client().login("otp2@example.com", harness.ADDED_PASSWORD,
                                              otp=harness.totp(OTP_SECRET, at=now, offset_steps=1)), 200)
        self.assertError(self.client().login("otp2@example.com", harness.ADDED_PASSWORD,
                                             otp=harness.totp(OTP_SECRET, at=now)), 401, "invalid_otp")
        step = self.portal.sql("SELECT otp_last_step FROM users WHERE email = 'otp2@example.com'")[0][0]
        self.assertEqual(step, int(now // 30) + 1)
