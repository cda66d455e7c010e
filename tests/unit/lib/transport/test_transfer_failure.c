/* Network and TLS failures say what happened and what to do. */
#include "lib/transport/transfer_failure.h"
#include "../../suite_runner.h"

#include <curl/curl.h>
#include <openssl/x509_vfy.h>
#include <string.h>

static lp_error describe(int code, long verify, const char *detail)
{
    lp_error err;
    lp_error_clear(&err);
    lp_transfer_failure_describe(code, verify, detail, "portal.example.com", 8443, &err);
    return err;
}

START_TEST(untrusted_issuer_names_cacert)
{
    long codes[] = {X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY,
                    X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT, X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN,
                    X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE};
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++) {
        lp_error err = describe(CURLE_PEER_FAILED_VERIFICATION, codes[i],
                                "SSL certificate problem");
        ck_assert_int_eq(err.status, LP_ERR_TLS);
        ck_assert_ptr_nonnull(strstr(err.message, "not trusted"));
        ck_assert_ptr_nonnull(strstr(err.message, "--cacert FILE"));
        ck_assert_ptr_nonnull(strstr(err.message, "portal.example.com:8443"));
    }
}
END_TEST

START_TEST(expired_certificate_says_expired)
{
    lp_error err = describe(CURLE_PEER_FAILED_VERIFICATION, X509_V_ERR_CERT_HAS_EXPIRED, "");
    ck_assert_int_eq(err.status, LP_ERR_TLS);
    ck_assert_ptr_nonnull(strstr(err.message, "expired"));
    ck_assert_ptr_null(strstr(err.message, "--cacert"));
}
END_TEST

START_TEST(host_name_mismatch_from_curls_own_check_says_host_name)
{
    lp_error err =
        describe(CURLE_PEER_FAILED_VERIFICATION, X509_V_OK,
                 "SSL: no alternative certificate subject name matches target host name 'x'");
    ck_assert_int_eq(err.status, LP_ERR_TLS);
    ck_assert_ptr_nonnull(strstr(err.message, "host name"));
    err = describe(CURLE_PEER_FAILED_VERIFICATION, X509_V_ERR_HOSTNAME_MISMATCH, "");
    ck_assert_ptr_nonnull(strstr(err.message, "host name"));
}
END_TEST

START_TEST(an_outdated_protocol_is_named_not_the_certificate)
{
    const char *details[] = {
        "OpenSSL/3.0.19: error:0A00042E:SSL routines::tlsv1 alert protocol version",
        "error:0A000102:SSL routines::unsupported protocol"};
    for (size_t i = 0; i < sizeof details / sizeof details[0]; i++) {
        /* The verify result is not X509_V_OK when no certificate was checked. */
        lp_error err = describe(CURLE_SSL_CONNECT_ERROR, X509_V_ERR_UNSPECIFIED, details[i]);
        ck_assert_int_eq(err.status, LP_ERR_TLS);
        ck_assert_ptr_nonnull(strstr(err.message, "TLS protocol version"));
        ck_assert_ptr_nonnull(strstr(err.message, "TLS 1.2"));
        ck_assert_ptr_null(strstr(err.message, "certificate"));
        ck_assert_ptr_null(strstr(err.message, "--cacert"));
    }
    /* Plain HTTP on the port is not an outdated TLS version. */
    lp_error err = describe(CURLE_SSL_CONNECT_ERROR, X509_V_OK,
                            "error:0A00010B:SSL routines::wrong version number");
    ck_assert_ptr_null(strstr(err.message, "TLS protocol version"));
}
END_TEST

START_TEST(connection_refused_names_host_and_port)
{
    lp_error err = describe(CURLE_COULDNT_CONNECT, 0, "Failed to connect");
    ck_assert_int_eq(err.status, LP_ERR_NETWORK);
    ck_assert_ptr_nonnull(strstr(err.message, "portal.example.com:8443"));
    err = describe(CURLE_COULDNT_RESOLVE_HOST, 0, "");
    ck_assert_int_eq(err.status, LP_ERR_NETWORK);
    ck_assert_ptr_nonnull(strstr(err.message, "portal.example.com"));
    err = describe(CURLE_OPERATION_TIMEDOUT, 0, "");
    ck_assert_int_eq(err.status, LP_ERR_NETWORK);
    ck_assert_ptr_nonnull(strstr(err.message, "portal.example.com:8443"));
}
END_TEST

START_TEST(garbage_instead_of_http_is_a_protocol_error)
{
    lp_error err = describe(CURLE_WEIRD_SERVER_REPLY, 0, "");
    ck_assert_int_eq(err.status, LP_ERR_PROTOCOL);
    ck_assert_ptr_nonnull(strstr(err.message, "broke the API contract"));
}
END_TEST

int main(void)
{
    Suite *s = suite_create("transfer_failure");
    TCase *tc = tcase_create("transfer_failure");
    tcase_add_test(tc, untrusted_issuer_names_cacert);
    tcase_add_test(tc, expired_certificate_says_expired);
    tcase_add_test(tc, host_name_mismatch_from_curls_own_check_says_host_name);
    tcase_add_test(tc, an_outdated_protocol_is_named_not_the_certificate);
    tcase_add_test(tc, connection_refused_names_host_and_port);
    tcase_add_test(tc, garbage_instead_of_http_is_a_protocol_error);
    suite_add_tcase(s, tc);
    return lp_run_suite(s);
}
