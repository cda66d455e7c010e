/* The password rule: at least 12 characters (code points, not bytes) and not the e-mail address. */
#include "../suite_runner.h"
#include "server/password_rule.h"

#include <string.h>

START_TEST(twelve_characters_pass_and_eleven_do_not)
{
    ck_assert_ptr_null(lpd_password_rule_violation("123456789012", "a@example.com"));
    ck_assert_ptr_nonnull(lpd_password_rule_violation("12345678901", "a@example.com"));
    ck_assert_ptr_nonnull(lpd_password_rule_violation("", "a@example.com"));
}
END_TEST

START_TEST(characters_are_counted_not_bytes)
{
    /* Eleven two-byte characters are 22 bytes but still too short. */
    ck_assert_ptr_nonnull(lpd_password_rule_violation("ääääääääääà", "a@example.com"));
    ck_assert_ptr_null(lpd_password_rule_violation("ääääääääääàà", "a@example.com"));
}
END_TEST

START_TEST(the_email_in_any_case_is_refused)
{
    const char *why = lpd_password_rule_violation("Someone@Example.com", "someone@example.com");
    ck_assert_ptr_nonnull(why);
    ck_assert_ptr_nonnull(strstr(why, "e-mail"));
    ck_assert_ptr_null(lpd_password_rule_violation("someone@example.com!", "someone@example.com"));
}
END_TEST

int main(void)
{
    Suite *s = suite_create("password_rule");
    TCase *tc = tcase_create("password_rule");
    tcase_add_test(tc, twelve_characters_pass_and_eleven_do_not);
    tcase_add_test(tc, characters_are_counted_not_bytes);
    tcase_add_test(tc, the_email_in_any_case_is_refused);
    suite_add_tcase(s, tc);
    return lp_run_suite(s);
}
