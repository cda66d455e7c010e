/* Dashboard KPIs: what counts as active and as expiring within the 30-day window, at its edges. */
#include "../suite_runner.h"
#include "server/kpi.h"

static const lp_time now = 1795857300;
#define DAYS30 (30 * LP_SECONDS_PER_DAY)

START_TEST(window_is_now_to_now_plus_thirty_days)
{
    struct lpd_time_window w = lpd_expiring_window(now, LP_KPI_EXPIRING_WINDOW_DAYS);
    ck_assert_int_eq(w.from, now);
    ck_assert_int_eq(w.to, now + DAYS30);
    ck_assert_int_eq(LP_KPI_EXPIRING_WINDOW_DAYS, 30);
}
END_TEST

START_TEST(expiry_exactly_at_the_thirty_day_edge_counts)
{
    ck_assert(lpd_kpi_counts_as_expiring(LP_LICENSE_ACTIVE, now + DAYS30, now, 30));
}
END_TEST

START_TEST(expiry_one_second_beyond_the_edge_does_not_count)
{
    ck_assert(!lpd_kpi_counts_as_expiring(LP_LICENSE_ACTIVE, now + DAYS30 + 1, now, 30));
}
END_TEST

START_TEST(expiry_right_now_counts_and_a_second_ago_does_not)
{
    ck_assert(lpd_kpi_counts_as_expiring(LP_LICENSE_ACTIVE, now, now, 30));
    ck_assert(!lpd_kpi_counts_as_expiring(LP_LICENSE_ACTIVE, now - 1, now, 30));
}
END_TEST

START_TEST(only_active_licenses_count_as_expiring)
{
    ck_assert(!lpd_kpi_counts_as_expiring(LP_LICENSE_SUSPENDED, now + 10, now, 30));
    ck_assert(!lpd_kpi_counts_as_expiring(LP_LICENSE_PENDING, now + 10, now, 30));
    ck_assert(!lpd_kpi_counts_as_expiring(LP_LICENSE_ACTIVE, LP_TIME_NONE, now, 30));
}
END_TEST

START_TEST(active_kpi_excludes_lapsed_and_suspended_licenses)
{
    ck_assert(lpd_kpi_counts_as_active(LP_LICENSE_ACTIVE, LP_TIME_NONE, now));
    ck_assert(lpd_kpi_counts_as_active(LP_LICENSE_ACTIVE, now, now));
    ck_assert(!lpd_kpi_counts_as_active(LP_LICENSE_ACTIVE, now - 1, now));
    ck_assert(!lpd_kpi_counts_as_active(LP_LICENSE_SUSPENDED, LP_TIME_NONE, now));
    ck_assert(!lpd_kpi_counts_as_active(LP_LICENSE_EXPIRED, now + 100, now));
}
END_TEST

START_TEST(window_length_follows_the_requested_days)
{
    ck_assert(lpd_kpi_counts_as_expiring(LP_LICENSE_ACTIVE, now + 7 * LP_SECONDS_PER_DAY, now, 7));
    ck_assert(!lpd_kpi_counts_as_expiring(LP_LICENSE_ACTIVE, now + 7 * LP_SECONDS_PER_DAY + 1, now, 7));
}
END_TEST

/* Brute force over a small set of expiries, to check the advance identities. */
static int64_t count_in(const lp_time *expiries, size_t n, lp_time from, lp_time to)
{
    int64_t count = 0;
    for (size_t i = 0; i < n; i++)
        count += expiries[i] >= from && expiries[i] <= to;
    return count;
}

START_TEST(advancing_counts_equals_counting_afresh)
{
    const lp_time t0 = now;
    const lp_time expiries[] = {t0 - 5,          t0,
                                t0 + 1,          t0 + 7,
                                t0 + DAYS30,     t0 + DAYS30 + 1,
                                t0 + DAYS30 + 5, t0 + DAYS30 + 9,
                                t0 + 2 * DAYS30, t0 + 2 * DAYS30 + 3};
    const size_t n = sizeof expiries / sizeof expiries[0];
    static const lp_time steps[] = {0, 1, 5, 9, DAYS30, DAYS30 + 4, 3 * DAYS30};
    for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++) {
        lp_time t1 = t0 + steps[i];
        int64_t lapsed0 = count_in(expiries, n, INT64_MIN + 1, t0 - 1);
        int64_t expiring0 = count_in(expiries, n, t0, t0 + DAYS30);
        struct lpd_kpi_advance a = lpd_kpi_advance(t0, t1, 30);
        int64_t lapsed1 = lapsed0 + count_in(expiries, n, a.lapsed_more.from, a.lapsed_more.to);
        int64_t expiring1 = expiring0 - count_in(expiries, n, a.left_window.from, a.left_window.to) +
                            count_in(expiries, n, a.entered_window.from, a.entered_window.to);
        ck_assert_int_eq(lapsed1, count_in(expiries, n, INT64_MIN + 1, t1 - 1));
        ck_assert_int_eq(expiring1, count_in(expiries, n, t1, t1 + DAYS30));
    }
}
END_TEST

START_TEST(advancing_by_nothing_touches_no_license)
{
    struct lpd_kpi_advance a = lpd_kpi_advance(now, now, 30);
    ck_assert_int_gt(a.lapsed_more.from, a.lapsed_more.to);
    ck_assert_int_gt(a.left_window.from, a.left_window.to);
    ck_assert_int_gt(a.entered_window.from, a.entered_window.to);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("kpi");
    TCase *tc = tcase_create("kpi");
    tcase_add_test(tc, window_is_now_to_now_plus_thirty_days);
    tcase_add_test(tc, expiry_exactly_at_the_thirty_day_edge_counts);
    tcase_add_test(tc, expiry_one_second_beyond_the_edge_does_not_count);
    tcase_add_test(tc, expiry_right_now_counts_and_a_second_ago_does_not);
    tcase_add_test(tc, only_active_licenses_count_as_expiring);
    tcase_add_test(tc, active_kpi_excludes_lapsed_and_suspended_licenses);
    tcase_add_test(tc, window_length_follows_the_requested_days);
    tcase_add_test(tc, advancing_counts_equals_counting_afresh);
    tcase_add_test(tc, advancing_by_nothing_touches_no_license);
    suite_add_tcase(s, tc);
    return lp_run_suite(s);
}
