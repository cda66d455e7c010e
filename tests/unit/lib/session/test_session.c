/* When the access token is still good, and how a token answer becomes the session. */
#include "lib/session/session.h"
#include "../../suite_runner.h"

#include <string.h>

START_TEST(access_token_close_to_expiry_is_refreshed_first)
{
    lp_credentials s = {.access_token = "at", .refresh_token = "rt", .access_expires_at = 1000};
    ck_assert(lp_session_access_usable(&s, 900));
    ck_assert(lp_session_access_usable(&s, 1000 - LP_REFRESH_MARGIN_S - 1));
    ck_assert(!lp_session_access_usable(&s, 1000 - LP_REFRESH_MARGIN_S));
    ck_assert(!lp_session_access_usable(&s, 995));
    ck_assert(!lp_session_access_usable(&s, 2000));
}
END_TEST

START_TEST(missing_access_token_is_not_usable)
{
    lp_credentials s = {.refresh_token = "rt", .access_expires_at = LP_TIME_NONE};
    ck_assert(!lp_session_access_usable(&s, 0));
    ck_assert(lp_session_can_refresh(&s));
    s.access_token = "";
    ck_assert(!lp_session_access_usable(&s, 0));
    ck_assert(!lp_session_access_usable(NULL, 0));
}
END_TEST

START_TEST(access_token_of_unknown_expiry_is_tried)
{
    lp_credentials s = {.access_token = "at", .access_expires_at = LP_TIME_NONE};
    ck_assert(lp_session_access_usable(&s, 123456));
    ck_assert(!lp_session_can_refresh(&s));
}
END_TEST

START_TEST(adopting_tokens_sets_expiry_and_keeps_the_user)
{
    lp_credentials s = {.access_expires_at = LP_TIME_NONE};
    lp_tokens t = {.access_token = "a1",
                   .refresh_token = "r1",
                   .expires_in = 900,
                   .user = {.email = "demo1@example.com", .name = "Demo One"}};
    ck_assert_int_eq(lp_session_adopt(&s, "https://h", &t, 5000, NULL), LP_OK);
    ck_assert_str_eq(s.server, "https://h");
    ck_assert_str_eq(s.access_token, "a1");
    ck_assert_str_eq(s.refresh_token, "r1");
    ck_assert_str_eq(s.email, "demo1@example.com");
    ck_assert_int_eq(s.access_expires_at, 5900);
    lp_tokens rotated = {.access_token = "a2", .refresh_token = "r2", .expires_in = 60};
    ck_assert_int_eq(lp_session_adopt(&s, "https://h", &rotated, 6000, NULL), LP_OK);
    ck_assert_str_eq(s.refresh_token, "r2");
    ck_assert_str_eq(s.email, "demo1@example.com");
    ck_assert_str_eq(s.user_name, "Demo One");
    ck_assert_int_eq(s.access_expires_at, 6060);
    lp_session_drop_access(&s);
    ck_assert_ptr_null(s.access_token);
    ck_assert(lp_session_can_refresh(&s));
    lp_session_drop_tokens(&s);
    ck_assert(!lp_session_can_refresh(&s));
    lp_credentials_clear(&s);
}
END_TEST

START_TEST(token_answer_without_tokens_breaks_the_contract)
{
    lp_credentials s = {.access_expires_at = LP_TIME_NONE};
    lp_tokens t = {.access_token = "a1", .expires_in = 900};
    lp_error err;
    lp_error_clear(&err);
    ck_assert_int_eq(lp_session_adopt(&s, "https://h", &t, 0, &err), LP_ERR_PROTOCOL);
    ck_assert_ptr_null(s.access_token);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("session");
    TCase *tc = tcase_create("session");
    tcase_add_test(tc, access_token_close_to_expiry_is_refreshed_first);
    tcase_add_test(tc, missing_access_token_is_not_usable);
    tcase_add_test(tc, access_token_of_unknown_expiry_is_tried);
    tcase_add_test(tc, adopting_tokens_sets_expiry_and_keeps_the_user);
    tcase_add_test(tc, token_answer_without_tokens_breaks_the_contract);
    suite_add_tcase(s, tc);
    return lp_run_suite(s);
}
