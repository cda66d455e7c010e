/* Masked keys show only the last four characters and keep the separators. */
#include "../suite_runner.h"
#include "server/license_key.h"

START_TEST(masks_all_but_the_last_four)
{
    char out[64];
    lp_license_key_mask("ATLS-D47Z-GX14-7F3A", out, sizeof out);
    ck_assert_str_eq(out, "XXXX-XXXX-XXXX-7F3A");
}
END_TEST

START_TEST(short_keys_stay_visible_and_keys_too_long_for_the_buffer_are_hidden)
{
    char out[64];
    lp_license_key_mask("AB1", out, sizeof out);
    ck_assert_str_eq(out, "AB1");
    char small[6];
    lp_license_key_mask("ABCDEFGHIJ", small, sizeof small);
    ck_assert_str_eq(small, "XXXXX");
}
END_TEST

int main(void)
{
    Suite *s = suite_create("license_key");
    TCase *tc = tcase_create("license_key");
    tcase_add_test(tc, masks_all_but_the_last_four);
    tcase_add_test(tc, short_keys_stay_visible_and_keys_too_long_for_the_buffer_are_hidden);
    suite_add_tcase(s, tc);
    return lp_run_suite(s);
}
