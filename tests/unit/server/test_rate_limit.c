/* Failed-login limiter: ten failures per window pass, the eleventh attempt waits. */
#include <pthread.h>
#include <stdio.h>

#include "../suite_runner.h"
#include "server/rate_limit.h"

static struct lpd_rate_limiter *limiter;

static void setup(void)
{
    limiter = lpd_rate_limiter_new(10, 900, 64);
    ck_assert_ptr_nonnull(limiter);
}

static void teardown(void)
{
    lpd_rate_limiter_free(limiter);
}

START_TEST(allows_ten_failures_then_blocks_the_eleventh_attempt)
{
    long retry = 0;
    for (int i = 0; i < 10; i++) {
        ck_assert_msg(lpd_rate_limiter_allows(limiter, "email:a@example.com", 1000 + i, &retry), "blocked at %d", i);
        lpd_rate_limiter_fail(limiter, "email:a@example.com", 1000 + i);
    }
    ck_assert(!lpd_rate_limiter_allows(limiter, "email:a@example.com", 1010, &retry));
}
END_TEST

START_TEST(says_when_to_retry)
{
    for (int i = 0; i < 10; i++)
        lpd_rate_limiter_fail(limiter, "k", 1000);
    long retry = 0;
    ck_assert(!lpd_rate_limiter_allows(limiter, "k", 1100, &retry));
    ck_assert_int_eq(retry, 800);
    ck_assert(!lpd_rate_limiter_allows(limiter, "k", 1899, &retry));
    ck_assert_int_eq(retry, 1);
}
END_TEST

START_TEST(opens_again_when_the_window_ends)
{
    for (int i = 0; i < 10; i++)
        lpd_rate_limiter_fail(limiter, "k", 1000);
    ck_assert(lpd_rate_limiter_allows(limiter, "k", 1900, NULL));
    lpd_rate_limiter_fail(limiter, "k", 1900);
    ck_assert(lpd_rate_limiter_allows(limiter, "k", 1901, NULL));
}
END_TEST

START_TEST(keeps_keys_apart)
{
    for (int i = 0; i < 10; i++)
        lpd_rate_limiter_fail(limiter, "email:a@example.com", 1000);
    ck_assert(!lpd_rate_limiter_allows(limiter, "email:a@example.com", 1000, NULL));
    ck_assert(lpd_rate_limiter_allows(limiter, "email:b@example.com", 1000, NULL));
}
END_TEST

START_TEST(reset_forgets_failures)
{
    for (int i = 0; i < 10; i++)
        lpd_rate_limiter_fail(limiter, "k", 1000);
    lpd_rate_limiter_reset(limiter, "k");
    ck_assert(lpd_rate_limiter_allows(limiter, "k", 1001, NULL));
}
END_TEST

START_TEST(a_full_table_forgets_the_stalest_key_not_the_blocked_one)
{
    for (int i = 0; i < 10; i++)
        lpd_rate_limiter_fail(limiter, "attacked", 5000);
    char key[32];
    for (int i = 0; i < 63; i++) {
        snprintf(key, sizeof key, "k%d", i);
        lpd_rate_limiter_fail(limiter, key, 4000 + i);
    }
    /* The 64-entry table is full; one more key evicts the oldest window (k0). */
    lpd_rate_limiter_fail(limiter, "newcomer", 5001);
    ck_assert(!lpd_rate_limiter_allows(limiter, "attacked", 5002, NULL));
}
END_TEST

START_TEST(a_blocked_key_is_never_evicted_by_newer_keys)
{
    /* The attack: block the victim, then fill the table with made-up keys
     * that start later, so that the victim's window is the oldest. */
    for (int i = 0; i < 10; i++)
        lpd_rate_limiter_fail(limiter, "email:victim@example.com", 1000);
    char key[32];
    for (int i = 0; i < 500; i++) {
        snprintf(key, sizeof key, "email:made-up-%d@example.com", i);
        lpd_rate_limiter_fail(limiter, key, 1001 + i / 10);
    }
    long retry = 0;
    ck_assert(!lpd_rate_limiter_allows(limiter, "email:victim@example.com", 1100, &retry));
    ck_assert_int_eq(retry, 800);
    struct lpd_rate_refusal refusal = {0};
    ck_assert(!lpd_rate_limiter_reserve(limiter, "email:victim@example.com", 1100, &refusal));
    ck_assert_int_eq(refusal.window_start, 1000);
}
END_TEST

START_TEST(a_table_full_of_blocked_keys_refuses_new_keys_until_a_window_ends)
{
    struct lpd_rate_limiter *small = lpd_rate_limiter_new(2, 100, 3);
    ck_assert_ptr_nonnull(small);
    const char *keys[] = {"a", "b", "c"};
    for (int i = 0; i < 3; i++) {
        lpd_rate_limiter_fail(small, keys[i], 1000 + i);
        lpd_rate_limiter_fail(small, keys[i], 1000 + i);
    }
    long retry = 0;
    ck_assert(!lpd_rate_limiter_allows(small, "new", 1050, &retry));
    ck_assert_int_eq(retry, 50);
    struct lpd_rate_refusal refusal = {0};
    ck_assert(!lpd_rate_limiter_reserve(small, "new", 1050, &refusal));
    ck_assert_int_eq(refusal.retry_after, 50);
    lpd_rate_limiter_fail(small, "new", 1050);
    ck_assert(!lpd_rate_limiter_allows(small, "a", 1050, NULL));
    /* a's window is over at 1100: its slot is free again. */
    ck_assert(lpd_rate_limiter_reserve(small, "new", 1100, NULL));
    ck_assert(!lpd_rate_limiter_allows(small, "b", 1100, NULL));
    lpd_rate_limiter_free(small);
}
END_TEST

START_TEST(reserve_counts_the_attempt_before_it_is_made)
{
    struct lpd_rate_refusal refusal = {0};
    for (int i = 0; i < 10; i++)
        ck_assert_msg(lpd_rate_limiter_reserve(limiter, "k", 1000, &refusal), "refused at %d", i);
    ck_assert(!lpd_rate_limiter_reserve(limiter, "k", 1001, &refusal));
    ck_assert_int_eq(refusal.retry_after, 899);
    ck_assert_int_eq(refusal.window_start, 1000);
    ck_assert(!lpd_rate_limiter_allows(limiter, "k", 1001, NULL));
}
END_TEST

START_TEST(release_gives_a_reserved_attempt_back)
{
    for (int i = 0; i < 10; i++) {
        ck_assert(lpd_rate_limiter_reserve(limiter, "k", 1000, NULL));
        lpd_rate_limiter_release(limiter, "k", 1000);
    }
    for (int i = 0; i < 10; i++)
        ck_assert(lpd_rate_limiter_reserve(limiter, "k", 1000, NULL));
    ck_assert(!lpd_rate_limiter_reserve(limiter, "k", 1000, NULL));
    /* A release after the window began again takes nothing from the new one. */
    ck_assert(lpd_rate_limiter_reserve(limiter, "k", 1900, NULL));
    lpd_rate_limiter_release(limiter, "k", 1000);
    for (int i = 0; i < 9; i++)
        ck_assert(lpd_rate_limiter_reserve(limiter, "k", 1900, NULL));
    ck_assert(!lpd_rate_limiter_reserve(limiter, "k", 1900, NULL));
}
END_TEST

struct racer {
    pthread_barrier_t *start;
    int granted;
};

static void *race_for_an_attempt(void *arg)
{
    struct racer *r = arg;
    pthread_barrier_wait(r->start);
    r->granted = lpd_rate_limiter_reserve(limiter, "email:raced@example.com", 1000, NULL);
    return NULL;
}

START_TEST(concurrent_reservations_never_pass_the_limit)
{
    enum { RACERS = 48 };
    pthread_barrier_t start;
    pthread_barrier_init(&start, NULL, RACERS);
    pthread_t threads[RACERS];
    struct racer racers[RACERS];
    for (int i = 0; i < RACERS; i++) {
        racers[i] = (struct racer){.start = &start};
        pthread_create(&threads[i], NULL, race_for_an_attempt, &racers[i]);
    }
    int granted = 0;
    for (int i = 0; i < RACERS; i++) {
        pthread_join(threads[i], NULL);
        granted += racers[i].granted;
    }
    pthread_barrier_destroy(&start);
    ck_assert_int_eq(granted, 10);
}
END_TEST

START_TEST(refuses_nonsense_settings)
{
    ck_assert_ptr_null(lpd_rate_limiter_new(0, 900, 10));
    ck_assert_ptr_null(lpd_rate_limiter_new(10, 0, 10));
    ck_assert_ptr_null(lpd_rate_limiter_new(10, 900, 0));
    lpd_rate_limiter_free(NULL);
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
    tcase_add_test(tc, a_blocked_key_is_never_evicted_by_newer_keys);
    tcase_add_test(tc, a_table_full_of_blocked_keys_refuses_new_keys_until_a_window_ends);
    tcase_add_test(tc, reserve_counts_the_attempt_before_it_is_made);
    tcase_add_test(tc, release_gives_a_reserved_attempt_back);
    tcase_add_test(tc, concurrent_reservations_never_pass_the_limit);
    tcase_add_test(tc, refuses_nonsense_settings);
    suite_add_tcase(s, tc);
    return lp_run_suite(s);
}
