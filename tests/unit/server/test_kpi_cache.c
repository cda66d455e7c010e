/* KPI snapshots are reused only for the same user, the same data version and not from the future. */
#include "../suite_runner.h"
#include "server/kpi_cache.h"

static struct lpd_kpi_cache *cache;

static void setup(void)
{
    cache = lpd_kpi_cache_new(8);
    ck_assert_ptr_nonnull(cache);
}

static void teardown(void)
{
    lpd_kpi_cache_free(cache);
}

START_TEST(returns_the_snapshot_for_the_same_user_and_version)
{
    struct lpd_kpi_snapshot in = {.user_id = 3, .version = 7, .at = 1000, .lapsed = 11, .expiring = 22};
    lpd_kpi_cache_put(cache, &in);
    struct lpd_kpi_snapshot out;
    ck_assert(lpd_kpi_cache_get(cache, 3, 7, 1005, &out));
    ck_assert_int_eq(out.lapsed, 11);
    ck_assert_int_eq(out.expiring, 22);
    ck_assert_int_eq(out.at, 1000);
}
END_TEST

START_TEST(misses_after_the_data_changed)
{
    struct lpd_kpi_snapshot in = {.user_id = 3, .version = 7, .at = 1000};
    lpd_kpi_cache_put(cache, &in);
    struct lpd_kpi_snapshot out;
    ck_assert(!lpd_kpi_cache_get(cache, 3, 8, 1005, &out));
}
END_TEST

START_TEST(misses_for_a_snapshot_from_the_future)
{
    struct lpd_kpi_snapshot in = {.user_id = 3, .version = 7, .at = 1000};
    lpd_kpi_cache_put(cache, &in);
    struct lpd_kpi_snapshot out;
    ck_assert(!lpd_kpi_cache_get(cache, 3, 7, 999, &out));
}
END_TEST

START_TEST(never_hands_one_user_another_users_counts)
{
    struct lpd_kpi_snapshot in = {.user_id = 3, .version = 0, .at = 1000, .lapsed = 5};
    lpd_kpi_cache_put(cache, &in);
    struct lpd_kpi_snapshot out;
    /* 11 shares slot 3 of the 8-slot table. */
    ck_assert(!lpd_kpi_cache_get(cache, 11, 0, 1000, &out));
    struct lpd_kpi_snapshot other = {.user_id = 11, .version = 0, .at = 1000, .lapsed = 9};
    lpd_kpi_cache_put(cache, &other);
    ck_assert(!lpd_kpi_cache_get(cache, 3, 0, 1000, &out));
    ck_assert(lpd_kpi_cache_get(cache, 11, 0, 1000, &out));
    ck_assert_int_eq(out.lapsed, 9);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("kpi_cache");
    TCase *tc = tcase_create("kpi_cache");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, returns_the_snapshot_for_the_same_user_and_version);
    tcase_add_test(tc, misses_after_the_data_changed);
    tcase_add_test(tc, misses_for_a_snapshot_from_the_future);
    tcase_add_test(tc, never_hands_one_user_another_users_counts);
    suite_add_tcase(s, tc);
    return lp_run_suite(s);
}
