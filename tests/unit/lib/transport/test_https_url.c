/* Only absolute https:// URLs with a host are accepted, and their host and port are found. */
#include "lib/transport/https_url.h"
#include "../../suite_runner.h"

#include <string.h>

START_TEST(refuses_plain_http_with_a_clear_message)
{
    char host[64];
    long port = 0;
    lp_error err;
    lp_error_clear(&err);
    ck_assert_int_eq(lp_https_url_split("http://portal.example.com/api/v1", host, sizeof host,
                                        &port, &err),
                     LP_ERR_USAGE);
    ck_assert_ptr_nonnull(strstr(err.message, "http://"));
    ck_assert_ptr_nonnull(strstr(err.message, "https://"));
    ck_assert_int_eq(lp_https_url_split("HTTP://portal.example.com", host, sizeof host, &port,
                                        &err),
                     LP_ERR_USAGE);
}
END_TEST

START_TEST(refuses_other_schemes_and_missing_hosts)
{
    static const char *bad[] = {"ftp://h/",           "file:///etc/passwd", "portal.example.com",
                                "https://",           "https:///path",      "https://:443/",
                                "https://h:0/",       "https://h:65536/",   "https://h:12ab/",
                                "https://user:pw@h/", "https://[::1/",      "",
                                "https://h:/"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char host[64];
        long port = 0;
        ck_assert_msg(lp_https_url_split(bad[i], host, sizeof host, &port, NULL) == LP_ERR_USAGE,
                      "accepted %s", bad[i]);
    }
}
END_TEST

START_TEST(finds_host_and_port)
{
    char host[64];
    long port = 0;
    ck_assert_int_eq(lp_https_url_split("https://portal.example.com/api/v1/me?x=1", host,
                                        sizeof host, &port, NULL),
                     LP_OK);
    ck_assert_str_eq(host, "portal.example.com");
    ck_assert_int_eq(port, 443);
    ck_assert_int_eq(lp_https_url_split("https://127.0.0.1:8443", host, sizeof host, &port, NULL),
                     LP_OK);
    ck_assert_str_eq(host, "127.0.0.1");
    ck_assert_int_eq(port, 8443);
    ck_assert_int_eq(lp_https_url_split("https://[::1]:9443/x", host, sizeof host, &port, NULL),
                     LP_OK);
    ck_assert_str_eq(host, "::1");
    ck_assert_int_eq(port, 9443);
}
END_TEST

START_TEST(refuses_host_longer_than_the_buffer)
{
    char host[8];
    long port = 0;
    ck_assert_int_eq(lp_https_url_split("https://a-long-host-name.example/", host, sizeof host,
                                        &port, NULL),
                     LP_ERR_USAGE);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("https_url");
    TCase *tc = tcase_create("https_url");
    tcase_add_test(tc, refuses_plain_http_with_a_clear_message);
    tcase_add_test(tc, refuses_other_schemes_and_missing_hosts);
    tcase_add_test(tc, finds_host_and_port);
    tcase_add_test(tc, refuses_host_longer_than_the_buffer);
    suite_add_tcase(s, tc);
    return lp_run_suite(s);
}
