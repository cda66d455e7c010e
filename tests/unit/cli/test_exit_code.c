/* Exit codes: the numbers scripts rely on. */
#include <string.h>

#include "cli/report.h"
#include "cli/exit_code.h"
#include "cli_tests.h"

START_TEST(test_each_failure_has_its_documented_code)
{
    ck_assert_int_eq(cli_exit_code(LP_OK), 0);
    ck_assert_int_eq(cli_exit_code(LP_ERR_IO), 1);
    ck_assert_int_eq(cli_exit_code(LP_ERR_SERVER), 1);
    ck_assert_int_eq(cli_exit_code(LP_ERR_PROTOCOL), 1);
    ck_assert_int_eq(cli_exit_code(LP_ERR_STORE), 1);
    ck_assert_int_eq(cli_exit_code(LP_ERR_FORBIDDEN), 1);
    ck_assert_int_eq(cli_exit_code(LP_ERR_USAGE), 2);
    ck_assert_int_eq(cli_exit_code(LP_ERR_CONFIG), 2);
    ck_assert_int_eq(cli_exit_code(LP_ERR_NOT_FOUND), 3);
    ck_assert_int_eq(cli_exit_code(LP_ERR_AUTH), 4);
    ck_assert_int_eq(cli_exit_code(LP_ERR_CREDENTIALS), 4);
    ck_assert_int_eq(cli_exit_code(LP_ERR_OTP_REQUIRED), 4);
    ck_assert_int_eq(cli_exit_code(LP_ERR_OTP_INVALID), 4);
    ck_assert_int_eq(cli_exit_code(LP_ERR_NETWORK), 5);
    ck_assert_int_eq(cli_exit_code(LP_ERR_TLS), 5);
    ck_assert_int_eq(cli_exit_code(LP_ERR_CHECKSUM), 6);
}
END_TEST

START_TEST(test_every_status_maps_into_the_documented_range)
{
    for (int s = LP_OK; s <= LP_ERR_CANCELLED; s++) {
        int code = cli_exit_code((lp_status)s);
        ck_assert_int_ge(code, 0);
        ck_assert_int_le(code, 6);
        ck_assert_int_eq(code == 0, s == LP_OK);
    }
}
END_TEST

START_TEST(test_a_server_failure_says_when_to_try_again_once)
{
    lp_error err = {0};
    char line[512];
    lp_error_set(&err, LP_ERR_SERVER,
                 "the server failed (HTTP 503): the database is not available: try again later");
    cli_report_text("loading the dashboard", &err, line, sizeof line);
    ck_assert_str_eq(
        line, "loading the dashboard failed: the server failed (HTTP 503): the database is not "
              "available: try again later");
    /* A message that does not say it gets the hint. */
    lp_error_set(&err, LP_ERR_SERVER, "the server failed");
    cli_report_text("loading the dashboard", &err, line, sizeof line);
    ck_assert_str_eq(line, "loading the dashboard failed: the server failed; try again later");
}
END_TEST

START_TEST(test_a_rate_limit_says_when_to_try_again_once)
{
    lp_error err = {0};
    char line[512];
    lp_error_set(&err, LP_ERR_RATE_LIMITED, "too many attempts: try again in 42 s");
    err.retry_after = 42;
    cli_report_text("logging in", &err, line, sizeof line);
    ck_assert_str_eq(line, "logging in failed: too many attempts: try again in 42 s");
}
END_TEST

TCase *exit_code_case(void)
{
    TCase *tc = tcase_create("exit_code");
    tcase_add_test(tc, test_each_failure_has_its_documented_code);
    tcase_add_test(tc, test_every_status_maps_into_the_documented_range);
    tcase_add_test(tc, test_a_server_failure_says_when_to_try_again_once);
    tcase_add_test(tc, test_a_rate_limit_says_when_to_try_again_once);
    return tc;
}
