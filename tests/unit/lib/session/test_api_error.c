/* Every error code of the wire contract maps onto a status and a message a person can act on. */
#include "lib/session/api_error.h"
#include "../../suite_runner.h"

#include <stdio.h>
#include <string.h>

static lp_error map(long http, const char *code, const char *message, long retry_after)
{
    char body[512];
    snprintf(body, sizeof body,
             "{\"error\": {\"code\": \"%s\", \"message\": \"%s\", \"request_id\": \"req-1\"}}",
             code, message);
    lp_error err;
    lp_error_clear(&err);
    lp_status st = lp_api_error(http, body, strlen(body), "hdr-id", retry_after, &err);
    ck_assert_int_eq(st, err.status);
    return err;
}

START_TEST(every_code_of_the_contract_has_its_status)
{
    static const struct {
        long http;
        const char *code;
        lp_status status;
    } table[] = {
        {400, "invalid_request", LP_ERR_BAD_REQUEST},
        {413, "payload_too_large", LP_ERR_BAD_REQUEST},
        {401, "invalid_credentials", LP_ERR_CREDENTIALS},
        {401, "otp_required", LP_ERR_OTP_REQUIRED},
        {401, "invalid_otp", LP_ERR_OTP_INVALID},
        {401, "token_expired", LP_ERR_AUTH},
        {401, "unauthenticated", LP_ERR_AUTH},
        {401, "invalid_refresh_token", LP_ERR_AUTH},
        {403, "forbidden", LP_ERR_FORBIDDEN},
        {403, "deactivation_not_allowed", LP_ERR_FORBIDDEN},
        {404, "not_found", LP_ERR_NOT_FOUND},
        {429, "rate_limited", LP_ERR_RATE_LIMITED},
        {500, "internal_error", LP_ERR_SERVER},
        {503, "unavailable", LP_ERR_SERVER},
    };
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
        lp_error err = map(table[i].http, table[i].code, "said", -1);
        ck_assert_msg(err.status == table[i].status, "%s gave %d", table[i].code, err.status);
        ck_assert_str_eq(err.code, table[i].code);
        ck_assert_str_eq(err.request_id, "req-1");
        ck_assert_int_eq(err.http_status, table[i].http);
        ck_assert(err.message[0] != '\0');
    }
}
END_TEST

START_TEST(refused_session_says_to_log_in)
{
    lp_error err = map(401, "invalid_refresh_token", "x", -1);
    ck_assert_str_eq(err.message, "session expired or revoked: run `licportal login`");
}
END_TEST

START_TEST(rate_limit_says_when_to_try_again)
{
    lp_error err = map(429, "rate_limited", "slow down", 42);
    ck_assert_str_eq(err.message, "too many attempts: try again in 42 s");
    ck_assert_int_eq(err.retry_after, 42);
    err = map(429, "rate_limited", "slow down", -1);
    ck_assert_ptr_nonnull(strstr(err.message, "later"));
}
END_TEST

START_TEST(server_words_are_kept_where_they_help)
{
    lp_error err = map(403, "forbidden", "no license entitles you to this download", -1);
    ck_assert_ptr_nonnull(strstr(err.message, "no license entitles you"));
    err = map(400, "invalid_request", "unknown sort key", -1);
    ck_assert_ptr_nonnull(strstr(err.message, "unknown sort key"));
    err = map(404, "not_found", "no such license", -1);
    ck_assert_ptr_nonnull(strstr(err.message, "no such license"));
    err = map(403, "deactivation_not_allowed", "x", -1);
    ck_assert_ptr_nonnull(strstr(err.message, "self-service deactivation"));
}
END_TEST

START_TEST(missing_or_foreign_body_maps_by_http_status)
{
    static const struct {
        long http;
        lp_status status;
    } table[] = {{400, LP_ERR_BAD_REQUEST},  {401, LP_ERR_AUTH},        {403, LP_ERR_FORBIDDEN},
                 {404, LP_ERR_NOT_FOUND},    {413, LP_ERR_BAD_REQUEST}, {416, LP_ERR_BAD_REQUEST},
                 {429, LP_ERR_RATE_LIMITED}, {502, LP_ERR_SERVER},      {302, LP_ERR_PROTOCOL},
                 {100, LP_ERR_PROTOCOL}};
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
        lp_error err;
        lp_error_clear(&err);
        const char *html = "<html>Bad Gateway</html>";
        lp_status st = lp_api_error(table[i].http, html, strlen(html), "hdr-id", -1, &err);
        ck_assert_msg(st == table[i].status, "HTTP %ld gave %d", table[i].http, st);
        ck_assert_str_eq(err.request_id, "hdr-id");
        ck_assert_str_eq(err.code, "");
        st = lp_api_error(table[i].http, NULL, 0, NULL, -1, &err);
        ck_assert_int_eq(st, table[i].status);
    }
}
END_TEST

START_TEST(unknown_code_falls_back_to_http_status)
{
    lp_error err = map(404, "gone_fishing", "x", -1);
    ck_assert_int_eq(err.status, LP_ERR_NOT_FOUND);
    err = map(503, "maintenance", "back at noon", 120);
    ck_assert_int_eq(err.status, LP_ERR_SERVER);
    ck_assert_ptr_nonnull(strstr(err.message, "120 s"));
}
END_TEST

START_TEST(redirect_is_a_broken_contract)
{
    lp_error err;
    lp_error_clear(&err);
    ck_assert_int_eq(lp_api_error(301, "", 0, NULL, -1, &err), LP_ERR_PROTOCOL);
    ck_assert_ptr_nonnull(strstr(err.message, "the server's answer broke the API contract"));
    ck_assert_ptr_nonnull(strstr(err.message, "redirect"));
}
END_TEST

START_TEST(login_failures_are_told_apart)
{
    ck_assert_str_eq(map(401, "invalid_credentials", "x", -1).message, "wrong email or password");
    ck_assert_ptr_nonnull(strstr(map(401, "otp_required", "x", -1).message, "one-time code"));
    ck_assert_ptr_nonnull(strstr(map(401, "invalid_otp", "x", -1).message, "one-time code"));
}
END_TEST

int main(void)
{
    Suite *s = suite_create("api_error");
    TCase *tc = tcase_create("api_error");
    tcase_add_test(tc, every_code_of_the_contract_has_its_status);
    tcase_add_test(tc, refused_session_says_to_log_in);
    tcase_add_test(tc, rate_limit_says_when_to_try_again);
    tcase_add_test(tc, server_words_are_kept_where_they_help);
    tcase_add_test(tc, missing_or_foreign_body_maps_by_http_status);
    tcase_add_test(tc, unknown_code_falls_back_to_http_status);
    tcase_add_test(tc, redirect_is_a_broken_contract);
    tcase_add_test(tc, login_failures_are_told_apart);
    suite_add_tcase(s, tc);
    return lp_run_suite(s);
}
