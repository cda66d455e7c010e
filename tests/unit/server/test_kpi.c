/* Dashboard KPIs: what counts as active and as expiring within the 30-day window, at its edges. */
#include "../suite_runner.h"
#include "server/kpi.h"

static const lp_time now = 1795857300;
#define DAYS30 (30 * LP_SECONDS_PER_DAY)

START_TEST(window_is_now_to_now_plus_thirty_days)
{
    struct lp_time_window w = lp_expiring_window(now, LP_KPI_EXPIRING_WINDOW_DAYS);
    ck_assert_int_eq(w.from, now);
    ck_assert_int_eq(w.to, now + DAYS30);
    ck_assert_int_eq(LP_KPI_EXPIRING_WINDOW_DAYS, 30);
}
END_TEST

START_TEST(expiry_exactly_at_the_thirty_day_edge_counts)
{
    ck_assert(lp_kpi_counts_as_expiring(LP_LICENSE_ACTIVE, now + DAYS30, now, 30));
}
END_TEST

START_TEST(expiry_one_second_beyond_the_edge_does_not_count)
{
    ck_assert(!lp_kpi_counts_as_expiring(LP_LICENSE_ACTIVE, now + DAYS30 + 1, now, 30));
}
END_TEST

START_TEST(expiry_right_now_counts_and_a_second_ago_does_not)
{
    ck_assert(lp_kpi_counts_as_expiring(LP_LICENSE_ACTIVE, now, now, 30));
    ck_assert(!lp_kpi_counts_as_expiring(LP_LICENSE_ACTIVE, now - 1, now, 30));
}
END_TEST

START_TEST(only_active_licences_count_as_expiring)
{
    ck_assert(!lp_kpi_counts_as_expiring(LP_LICENSE_SUSPENDED, now + 10, now, 30));
    ck_assert(!lp_kpi_counts_as_expiring(LP_LICENSE_PENDING, now + 10, now, 30));
    ck_assert(!lp_kpi_counts_as_expiring(LP_LICENSE_ACTIVE, LP_TIME_NONE, now, 30));
}
END_TEST

START_TEST(active_kpi_excludes_lapsed_and_suspended_licences)
{
    ck_assert(lp_kpi_counts_as_active(LP_LICENSE_ACTIVE, LP_TIME_NONE, now));
    ck_assert(lp_kpi_counts_as_active(LP_LICENSE_ACTIVE, now, now));
    ck_assert(!lp_kpi_counts_as_active(LP_LICENSE_ACTIVE, now - 1, now));
    ck_assert(!lp_kpi_counts_as_active(LP_LICENSE_SUSPENDED, LP_TIME_NONE, now));
    ck_assert(!lp_kpi_counts_as_active(LP_LICENSE_EXPIRED, now + 100, now));
}
END_TEST

START_TEST(window_length_follows_the_requested_days)
{
    ck_assert(lp_kpi_counts_as_expiring(LP_LICENSE_ACTIVE, now + 7 * LP_SECONDS_PER_DAY, now, 7));
    ck_assert(!lp_kpi_counts_as_expiring(LP_LICENSE_ACTIVE, now + 7 * LP_SECONDS_PER_DAY + 1, now, 7));
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
    tcase_add_test(tc, only_active_licences_count_as_expiring);
    tcase_add_test(tc, active_kpi_excludes_lapsed_and_suspended_licences);
    tcase_add_test(tc, window_length_follows_the_requested_days);
    suite_add_tcase(s, tc);
    return lp_run_suite(s);
}
