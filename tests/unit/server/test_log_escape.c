/* Log escaping: nothing outside printable ASCII, no space, quote or backslash reaches a log field. */
#include <string.h>

#include "../suite_runner.h"
#include "server/log_escape.h"

START_TEST(keeps_printable_ascii)
{
    char out[64];
    ck_assert_str_eq(lpd_log_escape("/api/v1/licenses/lic_12", out, sizeof out), "/api/v1/licenses/lic_12");
}
END_TEST

START_TEST(escapes_line_breaks_escapes_and_high_bytes)
{
    char out[128];
    ck_assert_str_eq(lpd_log_escape("a\nb\r\x1b]0;x\x07\xc2\x9b\x7f", out, sizeof out),
                     "a\\x0ab\\x0d\\x1b]0;x\\x07\\xc2\\x9b\\x7f");
}
END_TEST

START_TEST(a_field_stays_one_token)
{
    char out[64];
    ck_assert_str_eq(lpd_log_escape("a b\"c\\d\t", out, sizeof out), "a\\x20b\\x22c\\x5cd\\x09");
    ck_assert_str_eq(lpd_log_escape_text("a b\"c", out, sizeof out), "a b\\x22c");
}
END_TEST

START_TEST(null_is_a_dash)
{
    char out[8];
    ck_assert_str_eq(lpd_log_escape(NULL, out, sizeof out), "-");
}
END_TEST

START_TEST(cuts_at_a_whole_escape)
{
    char out[8];
    ck_assert_str_eq(lpd_log_escape("abcd\nef", out, sizeof out), "abcd");
    ck_assert_str_eq(lpd_log_escape("abcdefghij", out, sizeof out), "abcdefg");
    char one[1];
    ck_assert_str_eq(lpd_log_escape("abc", one, sizeof one), "");
}
END_TEST

int main(void)
{
    Suite *s = suite_create("log_escape");
    TCase *tc = tcase_create("log_escape");
    tcase_add_test(tc, keeps_printable_ascii);
    tcase_add_test(tc, escapes_line_breaks_escapes_and_high_bytes);
    tcase_add_test(tc, a_field_stays_one_token);
    tcase_add_test(tc, null_is_a_dash);
    tcase_add_test(tc, cuts_at_a_whole_escape);
    suite_add_tcase(s, tc);
    return lp_run_suite(s);
}
