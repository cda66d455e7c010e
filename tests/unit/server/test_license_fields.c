/* License fields in their text form: seats, expiry, renewal options and lists parse and write back. */
#include <string.h>

#include "../suite_runner.h"
#include "server/license_fields.h"

START_TEST(seats_are_unlimited_or_a_positive_number)
{
    char err[256];
    long seats = -1;
    ck_assert(lpd_seats_parse("unlimited", &seats, err, sizeof err));
    ck_assert_int_eq(seats, 0);
    ck_assert(lpd_seats_parse("5", &seats, err, sizeof err));
    ck_assert_int_eq(seats, 5);
    ck_assert(!lpd_seats_parse("0", &seats, err, sizeof err));
    ck_assert(!lpd_seats_parse("-2", &seats, err, sizeof err));
    ck_assert(!lpd_seats_parse("1000001", &seats, err, sizeof err));
    ck_assert(!lpd_seats_parse("", &seats, err, sizeof err));
}
END_TEST

START_TEST(a_date_expires_at_the_end_of_that_day)
{
    char err[256];
    lp_time t = 0;
    ck_assert(lpd_expiry_parse("2027-12-31", &t, err, sizeof err));
    ck_assert_int_eq(t, 1830297599);
    ck_assert(lpd_expiry_parse("2027-12-31T10:00:00Z", &t, err, sizeof err));
    ck_assert_int_eq(t, 1830297599 - 14 * 3600 + 1);
    ck_assert(lpd_expiry_parse("never", &t, err, sizeof err));
    ck_assert(t == LP_TIME_NONE);
    ck_assert(!lpd_expiry_parse("2027-13-01", &t, err, sizeof err));
    ck_assert(!lpd_expiry_parse("tomorrow", &t, err, sizeof err));
}
END_TEST

START_TEST(renewal_prices_follow_the_currency_decimals)
{
    char err[256], text[160];
    struct lpd_renewal_option o;
    ck_assert(lpd_renewal_parse("1 year,12,99.00 EUR", &o, err, sizeof err));
    ck_assert_str_eq(o.label, "1 year");
    ck_assert_int_eq(o.term_months, 12);
    ck_assert_int_eq(o.amount_minor, 9900);
    ck_assert_str_eq(o.currency, "EUR");
    ck_assert(lpd_renewal_parse("2 years,24,179.5 EUR", &o, err, sizeof err));
    ck_assert_int_eq(o.amount_minor, 17950);
    lpd_renewal_format(&o, text, sizeof text);
    ck_assert_str_eq(text, "2 years,24,179.50 EUR");
    ck_assert(lpd_renewal_parse("1 year,12,12000 JPY", &o, err, sizeof err));
    ck_assert_int_eq(o.amount_minor, 12000);
    lpd_renewal_format(&o, text, sizeof text);
    ck_assert_str_eq(text, "1 year,12,12000 JPY");
    ck_assert(lpd_renewal_parse("1 year,12,1.234 KWD", &o, err, sizeof err));
    ck_assert_int_eq(o.amount_minor, 1234);
    const char *bad[] = {"1 year,12,1.5 JPY", "1 year,12,9.999 EUR", "1 year,12,9 eur",  "1 year,12,9",
                         ",12,9 EUR",         "1 year,0,9 EUR",      "1 year,121,9 EUR", "a,b,c,d",
                         "a;b,12,9 EUR",      "1 year,12,-9 EUR",    "1 year,12,. EUR",  "1 year,12,9. EUR"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        ck_assert_msg(!lpd_renewal_parse(bad[i], &o, err, sizeof err), "%s was accepted", bad[i]);
}
END_TEST

START_TEST(lists_split_in_place_and_refuse_empty_items)
{
    const char *items[4];
    size_t count = 9;
    char a[] = "editor;export-pdf;sso";
    ck_assert(lpd_split_list(a, ';', items, 4, &count));
    ck_assert_int_eq((int)count, 3);
    ck_assert_str_eq(items[2], "sso");
    char empty[] = "";
    ck_assert(lpd_split_list(empty, ';', items, 4, &count));
    ck_assert_int_eq((int)count, 0);
    char hole[] = "a;;b";
    ck_assert(!lpd_split_list(hole, ';', items, 4, &count));
    char many[] = "a;b;c;d;e";
    ck_assert(!lpd_split_list(many, ';', items, 4, &count));
}
END_TEST

START_TEST(a_spec_is_checked_field_by_field)
{
    char err[256];
    struct lpd_license_spec spec;
    lpd_license_spec_init(&spec);
    spec.email = "ada@example.com";
    spec.product_id = "prd_orbit";
    ck_assert(lpd_license_spec_check(&spec, err, sizeof err));
    spec.key = "has space";
    ck_assert(!lpd_license_spec_check(&spec, err, sizeof err));
    spec.key = "ORBI-0000-0000-0001";
    spec.status = "lost";
    ck_assert(!lpd_license_spec_check(&spec, err, sizeof err));
    spec.status = "pending";
    spec.features[0] = "editor";
    spec.features[1] = "editor";
    spec.feature_count = 2;
    ck_assert(!lpd_license_spec_check(&spec, err, sizeof err));
    ck_assert_ptr_nonnull(strstr(err, "twice"));
    spec.features[1] = "bad feature";
    ck_assert(!lpd_license_spec_check(&spec, err, sizeof err));
    spec.feature_count = 1;
    spec.email = "not-an-address";
    ck_assert(!lpd_license_spec_check(&spec, err, sizeof err));
}
END_TEST

int main(void)
{
    Suite *s = suite_create("license_fields");
    TCase *tc = tcase_create("license_fields");
    tcase_add_test(tc, seats_are_unlimited_or_a_positive_number);
    tcase_add_test(tc, a_date_expires_at_the_end_of_that_day);
    tcase_add_test(tc, renewal_prices_follow_the_currency_decimals);
    tcase_add_test(tc, lists_split_in_place_and_refuse_empty_items);
    tcase_add_test(tc, a_spec_is_checked_field_by_field);
    suite_add_tcase(s, tc);
    return lp_run_suite(s);
}
