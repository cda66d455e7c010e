/* Masked keys show only the last four characters and keep the separators. */
#include "../suite_runner.h"
#include "server/license_key.h"

#include <string.h>

START_TEST(masks_all_but_the_last_four)
{
    char out[64];
    lpd_license_key_mask("ATLS-D47Z-GX14-7F3A", out, sizeof out);
    ck_assert_str_eq(out, "XXXX-XXXX-XXXX-7F3A");
}
END_TEST

START_TEST(short_keys_stay_visible_and_keys_too_long_for_the_buffer_are_hidden)
{
    char out[64];
    lpd_license_key_mask("AB1", out, sizeof out);
    ck_assert_str_eq(out, "AB1");
    char small[6];
    lpd_license_key_mask("ABCDEFGHIJ", small, sizeof small);
    ck_assert_str_eq(small, "XXXXX");
}
END_TEST

START_TEST(generated_keys_have_the_product_prefix_and_differ)
{
    char prefix[5], a[LP_LICENSE_KEY_LEN], b[LP_LICENSE_KEY_LEN];
    lpd_license_key_prefix("prd_atlas", prefix);
    ck_assert_str_eq(prefix, "ATLA");
    lpd_license_key_prefix("prd_x-1", prefix);
    ck_assert_str_eq(prefix, "X1");
    lpd_license_key_prefix("prd_", prefix);
    ck_assert_str_eq(prefix, "LIC");
    lpd_license_key_generate("ATLA", a);
    lpd_license_key_generate("ATLA", b);
    ck_assert_int_eq((int)strlen(a), 19);
    ck_assert_int_eq(strncmp(a, "ATLA-", 5), 0);
    ck_assert_str_ne(a, b);
    for (const char *p = a + 5; *p != '\0'; p++)
        ck_assert(*p == '-' || strchr("0123456789ABCDEFGHJKLMNPQRSTUVWXYZ", *p) != NULL);
}
END_TEST

START_TEST(formatting_uses_each_draw_once)
{
    uint64_t draws[LP_LICENSE_KEY_DRAWS] = {0, 1, 2, 3, 33, 34, 35, 10, 11, 12, 13, 14};
    char key[LP_LICENSE_KEY_LEN];
    lpd_license_key_format("CBLT", draws, key);
    ck_assert_str_eq(key, "CBLT-0123-Z01A-BCDE");
}
END_TEST

int main(void)
{
    Suite *s = suite_create("license_key");
    TCase *tc = tcase_create("license_key");
    tcase_add_test(tc, masks_all_but_the_last_four);
    tcase_add_test(tc, short_keys_stay_visible_and_keys_too_long_for_the_buffer_are_hidden);
    tcase_add_test(tc, generated_keys_have_the_product_prefix_and_differ);
    tcase_add_test(tc, formatting_uses_each_draw_once);
    suite_add_tcase(s, tc);
    return lp_run_suite(s);
}
