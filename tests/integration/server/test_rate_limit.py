# Failed logins are rate limited: the eleventh wrong password in a row is 429 with Retry-After.
import harness


class FailedLoginRateLimitTest(harness.PortalTestCase):
    demo_users = 1

    def test_eleventh_wrong_password_is_rate_limited(self):
        api = self.client()
        answers = [api.login("demo1@example.com", f"wrong-{n}") for n in range(11)]
        self.assertError(answers[0], 401, "invalid_credentials")
        for resp in answers[1:10]:
            self.assertIn(resp.status, (401, 429), resp.describe())
        last = answers[10]
        self.assertError(last, 429, "rate_limited")
        retry_after = last.headers.get("Retry-After")
        self.assertIsNotNone(retry_after, "429 without Retry-After")
        self.assertRegex(retry_after, r"^[0-9]+$")
        self.assertGreater(int(retry_after), 0)
        # While limited, even the right password is refused rather than tried.
        self.assertError(api.login("demo1@example.com", "demo"), 429, "rate_limited")


class ClientAddressRateLimitTest(harness.PortalTestCase):
    demo_users = 1

    def test_failures_spread_over_many_emails_are_limited_per_address(self):
        api = self.client()
        answers = []
        for n in range(200):
            resp = api.login(f"nobody{n}@example.com", "wrong")
            answers.append(resp)
            if resp.status == 429:
                break
        self.assertError(answers[0], 401, "invalid_credentials")
        last = answers[-1]
        self.assertError(last, 429, "rate_limited")
        self.assertGreater(len(answers), 11, "one address's limit should exceed one email's")
        self.assertRegex(last.headers.get("Retry-After", ""), r"^[1-9][0-9]*$")
        # From this address, even a good login now waits.
        self.assertError(api.login("demo1@example.com", "demo"), 429, "rate_limited")
