/* Failed-login limiter: ten failures per window pass, the eleventh attempt waits. */
#include "../suite_runner.h"
#include "server/rate_limit.h"

static struct lp_rate_limiter *limiter;

static void setup(void)
{
    limiter = lp_rate_limiter_new(10, 900, 64);
    ck_assert_ptr_nonnull(limiter);
}

static void teardown(void)
{
    lp_rate_limiter_free(limiter);
}

START_TEST(allows_ten_failures_then_blocks_the_eleventh_attempt)
{
    long retry = 0;
    for (int i = 0; i < 10; i++) {
        ck_assert_msg(lp_rate_limiter_allows(limiter, "email:a@example.com", 1000 + i, &retry), "blocked at %d", i);
        lp_rate_limiter_fail(limiter, "email:a@example.com", 1000 + i);
    }
    ck_assert(!lp_rate_limiter_allows(limiter, "email:a@example.com", 1010, &retry));
}
END_TEST

START_TEST(says_when_to_retry)
{
    for (int i = 0; i < 10; i++)
        lp_rate_limiter_fail(limiter, "k", 1000);
    long retry = 0;
    ck_assert(!lp_rate_limiter_allows(limiter, "k", 1100, &retry));
    ck_assert_int_eq(retry, 800);
    ck_assert(!lp_rate_limiter_allows(limiter, "k", 1899, &retry));
    ck_assert_int_eq(retry, 1);
}
END_TEST

START_TEST(opens_again_when_the_window_ends)
{
    for (int i = 0; i < 10; i++)
        lp_rate_limiter_fail(limiter, "k", 1000);
    ck_assert(lp_rate_limiter_allows(limiter, "k", 1900, NULL));
    lp_rate_limiter_fail(limiter, "k", 1900);
    ck_assert(lp_rate_limiter_allows(limiter, "k", 1901, NULL));
}
END_TEST

START_TEST(keeps_keys_apart)
{
    for (int i = 0; i < 10; i++)
        lp_rate_limiter_fail(limiter, "email:a@example.com", 1000);
    ck_assert(!lp_rate_limiter_allows(limiter, "email:a@example.com", 1000, NULL));
    ck_assert(lp_rate_limiter_allows(limiter, "email:b@example.com", 1000, NULL));
}
END_TEST

START_TEST(reset_forgets_failures)
{
    for (int i = 0; i < 10; i++)
        lp_rate_limiter_fail(limiter, "k", 1000);
    lp_rate_limiter_reset(limiter, "k");
    ck_assert(lp_rate_limiter_allows(limiter, "k", 1001, NULL));
}
END_TEST

START_TEST(a_full_table_forgets_the_stalest_key_not_the_blocked_one)
{
    for (int i = 0; i < 10; i++)
        lp_rate_limiter_fail(limiter, "attacked", 5000);
    char key[32];
    for (int i = 0; i < 63; i++) {
        snprintf(key, sizeof key, "k%d", i);
        lp_rate_limiter_fail(limiter, key, 4000 + i);
    }
    /* The 64-entry table is full; one more key evicts the oldest window (k0). */
    lp_rate_limiter_fail(limiter, "newcomer", 5001);
    ck_assert(!lp_rate_limiter_allows(limiter, "attacked", 5002, NULL));
}
END_TEST

START_TEST(refuses_nonsense_settings)
{
    ck_assert_ptr_null(lp_rate_limiter_new(0, 900, 10));
    ck_assert_ptr_null(lp_rate_limiter_new(10, 0, 10));
    ck_assert_ptr_null(lp_rate_limiter_new(10, 900, 0));
    lp_rate_limiter_free(NULL);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("rate_limit");
    TCase *tc = tcase_create("rate_limit");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, allows_ten_failures_then_blocks_the_eleventh_attempt);
    tcase_add_test(tc, says_when_to_retry);
    tcase_add_test(tc, opens_again_when_the_window_ends);
    tcase_add_test(tc, keeps_keys_apart);
    tcase_add_test(tc, reset_forgets_failures);
    tcase_add_test(tc, a_full_table_forgets_the_stalest_key_not_the_blocked_one);
    tcase_add_test(tc, refuses_nonsense_settings);
    suite_add_tcase(s, tc);
    return lp_run_suite(s);
}
