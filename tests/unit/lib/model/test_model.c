/* Model helpers: clearing values (NULL-safe, zeroing) and the wire names of enumerations. */
#include "licportal/model.h"

#include <stdlib.h>
#include <string.h>

#include "../../suite_runner.h"
#include "model_compare.h"

START_TEST(clear_functions_accept_null)
{
    lp_product_clear(NULL);
    lp_license_summary_clear(NULL);
    lp_license_detail_clear(NULL);
    lp_activation_clear(NULL);
    lp_download_clear(NULL);
    lp_dashboard_clear(NULL);
    lp_user_clear(NULL);
    lp_tokens_clear(NULL);
    lp_license_page_clear(NULL);
    lp_activation_page_clear(NULL);
    lp_download_page_clear(NULL);
    ck_assert_str_eq(lp_license_status_name(LP_LICENSE_ACTIVE), "active");
}
END_TEST

START_TEST(clearing_frees_and_zeroes_a_filled_page)
{
    lp_license_page page = {0};
    page.items = calloc(2, sizeof *page.items);
    page.count = 2;
    page.items[0].id = strdup("a");
    page.items[0].product.name = strdup("P");
    page.items[1].edition = strdup("Pro");
    page.next_cursor = strdup("c");
    page.total = 9;
    lp_license_page_clear(&page);
    ck_assert(all_zero(&page, sizeof page));
    /* Clearing twice is harmless. */
    lp_license_page_clear(&page);
    ck_assert(all_zero(&page, sizeof page));
}
END_TEST

START_TEST(clearing_a_detail_releases_features_and_options)
{
    lp_license_detail d = {0};
    d.summary.id = strdup("x");
    d.features = calloc(2, sizeof *d.features);
    d.features[0] = strdup("f1");
    d.features[1] = strdup("f2");
    d.feature_count = 2;
    d.renewal_options = calloc(1, sizeof *d.renewal_options);
    d.renewal_options[0].checkout_url = strdup("https://x");
    d.renewal_option_count = 1;
    d.renewable = true;
    lp_license_detail_clear(&d);
    ck_assert(all_zero(&d, sizeof d));
}
END_TEST

START_TEST(license_status_names_round_trip)
{
    for (int i = 0; i < LP_LICENSE_STATUS_COUNT; i++) {
        lp_license_status back = (lp_license_status)-1;
        const char *name = lp_license_status_name((lp_license_status)i);
        ck_assert(lp_license_status_from_name(name, &back));
        ck_assert_int_eq(back, i);
    }
    ck_assert_str_eq(lp_license_status_name(LP_LICENSE_SUSPENDED), "suspended");
    ck_assert_str_eq(lp_license_status_name(LP_LICENSE_PENDING), "pending");
}
END_TEST

START_TEST(unknown_status_names_are_refused)
{
    lp_license_status s = LP_LICENSE_REVOKED;
    ck_assert(!lp_license_status_from_name("ACTIVE", &s));
    ck_assert(!lp_license_status_from_name("", &s));
    ck_assert(!lp_license_status_from_name(NULL, &s));
    ck_assert_int_eq(s, LP_LICENSE_REVOKED);
    ck_assert_str_eq(lp_license_status_name((lp_license_status)99), "unknown");
}
END_TEST

START_TEST(activation_kind_names)
{
    ck_assert_str_eq(lp_activation_kind_name(LP_ACTIVATION_DEVICE), "device");
    ck_assert_str_eq(lp_activation_kind_name(LP_ACTIVATION_DOMAIN), "domain");
}
END_TEST

int main(void)
{
    Suite *s = suite_create("model");
    TCase *tc = tcase_create("model");
    tcase_add_test(tc, clear_functions_accept_null);
    tcase_add_test(tc, clearing_frees_and_zeroes_a_filled_page);
    tcase_add_test(tc, clearing_a_detail_releases_features_and_options);
    tcase_add_test(tc, license_status_names_round_trip);
    tcase_add_test(tc, unknown_status_names_are_refused);
    tcase_add_test(tc, activation_kind_names);
    suite_add_tcase(s, tc);
    return lp_run_suite(s);
}
