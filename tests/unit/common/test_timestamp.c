/* RFC 3339 time stamps: the formats the wire contract allows, and nothing else. */
#include "licportal/timestamp.h"
#include "../suite_runner.h"

START_TEST(formats_utc_with_z)
{
    char out[LP_TIMESTAMP_LEN];
    ck_assert(lp_timestamp_format(1795857300, out));
    ck_assert_str_eq(out, "2026-11-28T09:15:00Z");
}
END_TEST

START_TEST(parses_z_and_offsets_to_the_same_instant)
{
    lp_time a = 0, b = 0, c = 0;
    ck_assert(lp_timestamp_parse("2026-11-28T09:15:00Z", &a));
    ck_assert(lp_timestamp_parse("2026-11-28T10:15:00+01:00", &b));
    ck_assert(lp_timestamp_parse("2026-11-28T09:15:00.123456z", &c));
    ck_assert_int_eq(a, 1795857300);
    ck_assert_int_eq(a, b);
    ck_assert_int_eq(a, c);
}
END_TEST

START_TEST(refuses_malformed_stamps)
{
    static const char *bad[] = {"",
                                "2026-11-28",
                                "2026-11-28 09:15:00Z",
                                "2026-13-01T00:00:00Z",
                                "2026-02-29T00:00:00Z",
                                "2026-11-28T24:00:00Z",
                                "2026-11-28T09:15:00",
                                "2026-11-28T09:15:00Zjunk",
                                "2026-11-28T09:15:00.Z",
                                "+2026-11-28T09:15:00Z"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        lp_time t = 42;
        ck_assert_msg(!lp_timestamp_parse(bad[i], &t), "accepted %s", bad[i]);
        ck_assert_int_eq(t, 42);
    }
    ck_assert(!lp_timestamp_parse(NULL, NULL));
}
END_TEST

START_TEST(accepts_leap_day)
{
    lp_time t;
    ck_assert(lp_timestamp_parse("2028-02-29T00:00:00Z", &t));
    char date[11];
    ck_assert(lp_date_format(t, date));
    ck_assert_str_eq(date, "2028-02-29");
}
END_TEST

START_TEST(round_trips_years_below_1000)
{
    lp_time t;
    ck_assert(lp_timestamp_parse("0042-03-04T05:06:07Z", &t));
    char out[LP_TIMESTAMP_LEN], date[11];
    ck_assert(lp_timestamp_format(t, out));
    ck_assert_str_eq(out, "0042-03-04T05:06:07Z");
    ck_assert(lp_date_format(t, date));
    ck_assert_str_eq(date, "0042-03-04");
}
END_TEST

int main(void)
{
    Suite *s = suite_create("timestamp");
    TCase *tc = tcase_create("timestamp");
    tcase_add_test(tc, formats_utc_with_z);
    tcase_add_test(tc, parses_z_and_offsets_to_the_same_instant);
    tcase_add_test(tc, refuses_malformed_stamps);
    tcase_add_test(tc, accepts_leap_day);
    tcase_add_test(tc, round_trips_years_below_1000);
    suite_add_tcase(s, tc);
    return lp_run_suite(s);
}
