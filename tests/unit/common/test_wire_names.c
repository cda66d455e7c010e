/* The contract's fixed names: one list each, every sort key with its reverse, lookups by exact name. */
#include <string.h>

#include "licportal/wire_names.h"
#include "../suite_runner.h"

static void assert_each_key_has_its_reverse(const lp_wire_names *keys)
{
    ck_assert_uint_gt(keys->count, 0);
    ck_assert_ptr_null(keys->names[keys->count]);
    for (size_t i = 0; i < keys->count; i++) {
        const char *key = keys->names[i];
        char reverse[64];
        if (key[0] == '-')
            snprintf(reverse, sizeof reverse, "%s", key + 1);
        else
            snprintf(reverse, sizeof reverse, "-%s", key);
        ck_assert_msg(lp_wire_index(keys, reverse) >= 0, "%s has no reverse", key);
    }
}

START_TEST(every_sort_key_has_its_reverse)
{
    assert_each_key_has_its_reverse(&lp_license_sort_keys);
    assert_each_key_has_its_reverse(&lp_activation_sort_keys);
    assert_each_key_has_its_reverse(&lp_download_sort_keys);
}
END_TEST

START_TEST(statuses_round_trip_in_enum_order)
{
    ck_assert_uint_eq(lp_license_statuses.count, LP_LICENSE_STATUS_COUNT);
    for (int i = 0; i < LP_LICENSE_STATUS_COUNT; i++) {
        lp_license_status back = LP_LICENSE_PENDING;
        ck_assert(lp_license_status_from_name(lp_license_status_name((lp_license_status)i), &back));
        ck_assert_int_eq(back, i);
    }
    ck_assert_str_eq(lp_license_status_name(LP_LICENSE_SUSPENDED), "suspended");
    ck_assert_str_eq(lp_license_status_name((lp_license_status)LP_LICENSE_STATUS_COUNT), "unknown");
}
END_TEST

START_TEST(lookups_are_exact)
{
    ck_assert(!lp_license_status_from_name("Active", NULL));
    ck_assert(!lp_license_status_from_name(NULL, NULL));
    ck_assert_int_eq(lp_wire_index(&lp_license_sort_keys, "-status"), 7);
    ck_assert_int_eq(lp_wire_index(&lp_license_sort_keys, "status "), -1);
}
END_TEST

START_TEST(list_text_reads_as_a_sentence_and_truncates_safely)
{
    char text[128];
    ck_assert_str_eq(lp_wire_list_text(&lp_download_sort_keys, text, sizeof text),
                     "-released_at, released_at, product or -product");
    char small[10];
    lp_wire_list_text(&lp_download_sort_keys, small, sizeof small);
    ck_assert_uint_eq(strlen(small), sizeof small - 1);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("wire_names");
    TCase *tc = tcase_create("wire_names");
    tcase_add_test(tc, every_sort_key_has_its_reverse);
    tcase_add_test(tc, statuses_round_trip_in_enum_order);
    tcase_add_test(tc, lookups_are_exact);
    tcase_add_test(tc, list_text_reads_as_a_sentence_and_truncates_safely);
    suite_add_tcase(s, tc);
    return lp_run_suite(s);
}
