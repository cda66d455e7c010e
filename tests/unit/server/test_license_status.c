/* License status at request time: active turns expired only once expires_at has passed. */
#include "../suite_runner.h"
#include "server/license_status.h"

static const lp_time now = 1795857300;

START_TEST(active_is_still_active_at_the_expiry_instant)
{
    ck_assert_int_eq(lpd_license_status_effective(LP_LICENSE_ACTIVE, now, now), LP_LICENSE_ACTIVE);
}
END_TEST

START_TEST(active_reads_expired_one_second_after_expiry)
{
    ck_assert_int_eq(lpd_license_status_effective(LP_LICENSE_ACTIVE, now - 1, now), LP_LICENSE_EXPIRED);
}
END_TEST

START_TEST(perpetual_active_never_expires)
{
    ck_assert_int_eq(lpd_license_status_effective(LP_LICENSE_ACTIVE, LP_TIME_NONE, now), LP_LICENSE_ACTIVE);
}
END_TEST

START_TEST(other_statuses_are_reported_as_stored)
{
    ck_assert_int_eq(lpd_license_status_effective(LP_LICENSE_SUSPENDED, now - 100, now), LP_LICENSE_SUSPENDED);
    ck_assert_int_eq(lpd_license_status_effective(LP_LICENSE_REVOKED, now - 100, now), LP_LICENSE_REVOKED);
    ck_assert_int_eq(lpd_license_status_effective(LP_LICENSE_PENDING, LP_TIME_NONE, now), LP_LICENSE_PENDING);
    ck_assert_int_eq(lpd_license_status_effective(LP_LICENSE_EXPIRED, now + 100, now), LP_LICENSE_EXPIRED);
}
END_TEST

START_TEST(names_round_trip_and_unknown_names_are_refused)
{
    static const char *names[] = {"active", "expired", "suspended", "revoked", "pending"};
    for (size_t i = 0; i < 5; i++) {
        enum lp_license_status status;
        ck_assert(lp_license_status_from_name(names[i], &status));
        ck_assert_str_eq(lp_license_status_name(status), names[i]);
    }
    enum lp_license_status status;
    ck_assert(!lp_license_status_from_name("Active", &status));
    ck_assert(!lp_license_status_from_name("", &status));
    ck_assert(!lp_license_status_from_name(NULL, &status));
}
END_TEST

int main(void)
{
    Suite *s = suite_create("license_status");
    TCase *tc = tcase_create("license_status");
    tcase_add_test(tc, active_is_still_active_at_the_expiry_instant);
    tcase_add_test(tc, active_reads_expired_one_second_after_expiry);
    tcase_add_test(tc, perpetual_active_never_expires);
    tcase_add_test(tc, other_statuses_are_reported_as_stored);
    tcase_add_test(tc, names_round_trip_and_unknown_names_are_refused);
    suite_add_tcase(s, tc);
    return lp_run_suite(s);
}
