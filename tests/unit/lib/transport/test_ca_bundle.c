/* A private CA is trusted alongside the system's CAs, never in their place. */
#include "lib/transport/ca_bundle.h"
#include "../../suite_runner.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char pem_a[] = "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----";
static const char pem_b[] = "-----BEGIN CERTIFICATE-----\nBBBB\n-----END CERTIFICATE-----\n";

static char *write_temp(const char *text)
{
    char *path = strdup("/tmp/lp_ca_XXXXXX");
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(write(fd, text, strlen(text)), (ssize_t)strlen(text));
    close(fd);
    return path;
}

START_TEST(joins_base_and_extra_on_separate_lines)
{
    char *base = write_temp(pem_a);
    char *extra = write_temp(pem_b);
    char *pem = NULL;
    size_t len = 0;
    ck_assert_int_eq(lp_ca_bundle_build(base, 1, extra, &pem, &len, NULL), LP_OK);
    ck_assert_uint_eq(len, strlen(pem));
    ck_assert_ptr_nonnull(strstr(pem, "AAAA"));
    ck_assert_ptr_nonnull(strstr(pem, "BBBB"));
    ck_assert_ptr_nonnull(strstr(pem, "-----END CERTIFICATE-----\n-----BEGIN CERTIFICATE-----"));
    ck_assert(strstr(pem, "AAAA") < strstr(pem, "BBBB"));
    free(pem);
    unlink(base);
    unlink(extra);
    free(base);
    free(extra);
}
END_TEST

START_TEST(missing_default_bundle_leaves_the_extra_alone)
{
    char *extra = write_temp(pem_b);
    char *pem = NULL;
    size_t len = 0;
    ck_assert_int_eq(lp_ca_bundle_build("/nonexistent/ca.pem", 0, extra, &pem, &len, NULL), LP_OK);
    ck_assert_str_eq(pem, pem_b);
    free(pem);
    unlink(extra);
    free(extra);
}
END_TEST

START_TEST(missing_bundle_named_by_the_environment_is_an_error)
{
    char *extra = write_temp(pem_b);
    char *pem = NULL;
    size_t len = 0;
    lp_error err;
    lp_error_clear(&err);
    ck_assert_int_eq(lp_ca_bundle_build("/nonexistent/ca.pem", 1, extra, &pem, &len, &err),
                     LP_ERR_CONFIG);
    ck_assert_ptr_nonnull(strstr(err.message, "/nonexistent/ca.pem"));
    unlink(extra);
    free(extra);
}
END_TEST

START_TEST(refuses_an_extra_file_without_a_certificate)
{
    char *extra = write_temp("not a certificate\n");
    char *pem = NULL;
    size_t len = 0;
    lp_error err;
    lp_error_clear(&err);
    ck_assert_int_eq(lp_ca_bundle_build(NULL, 0, extra, &pem, &len, &err), LP_ERR_CONFIG);
    ck_assert_ptr_nonnull(strstr(err.message, "PEM"));
    ck_assert_int_eq(lp_ca_bundle_build(NULL, 0, "/nonexistent/extra.pem", &pem, &len, &err),
                     LP_ERR_CONFIG);
    unlink(extra);
    free(extra);
}
END_TEST

START_TEST(environment_order_is_curl_ca_bundle_then_ssl_cert_file)
{
    unsetenv("CURL_CA_BUNDLE");
    unsetenv("SSL_CERT_FILE");
    ck_assert_ptr_null(lp_ca_env_file());
    setenv("SSL_CERT_FILE", "/b.pem", 1);
    ck_assert_str_eq(lp_ca_env_file(), "/b.pem");
    setenv("CURL_CA_BUNDLE", "/a.pem", 1);
    ck_assert_str_eq(lp_ca_env_file(), "/a.pem");
    setenv("CURL_CA_BUNDLE", "", 1);
    ck_assert_str_eq(lp_ca_env_file(), "/b.pem");
}
END_TEST

START_TEST(private_ca_with_a_hashed_directory_is_named_not_joined)
{
    char *extra = write_temp(pem_b);
    char *system = write_temp(pem_a);
    lp_ca_trust trust;
    ck_assert_int_eq(lp_ca_trust_decide(extra, NULL, system, "/tmp", &trust, NULL), LP_OK);
    ck_assert_str_eq(trust.cainfo, extra);
    ck_assert_str_eq(trust.capath, "/tmp");
    ck_assert_ptr_null(trust.pem);
    lp_ca_trust_clear(&trust);
    lp_ca_trust_clear(NULL);
    unlink(extra);
    unlink(system);
    free(extra);
    free(system);
}
END_TEST

START_TEST(private_ca_without_a_directory_joins_the_system_bundle)
{
    char *extra = write_temp(pem_b);
    char *system = write_temp(pem_a);
    lp_ca_trust trust;
    ck_assert_int_eq(lp_ca_trust_decide(extra, NULL, system, "/nonexistent/certs", &trust, NULL),
                     LP_OK);
    ck_assert_ptr_null(trust.cainfo);
    ck_assert_ptr_null(trust.capath);
    ck_assert_ptr_nonnull(trust.pem);
    ck_assert_ptr_nonnull(strstr(trust.pem, "AAAA"));
    ck_assert_ptr_nonnull(strstr(trust.pem, "BBBB"));
    lp_ca_trust_clear(&trust);
    ck_assert_int_eq(lp_ca_trust_decide(extra, NULL, system, extra, &trust, NULL), LP_OK);
    ck_assert_ptr_null(trust.capath); /* a file is no directory */
    lp_ca_trust_clear(&trust);
    unlink(extra);
    unlink(system);
    free(extra);
    free(system);
}
END_TEST

START_TEST(environment_bundle_keeps_its_meaning)
{
    char *extra = write_temp(pem_b);
    char *env = write_temp(pem_a);
    lp_ca_trust trust;
    ck_assert_int_eq(lp_ca_trust_decide(NULL, env, NULL, "/tmp", &trust, NULL), LP_OK);
    ck_assert_str_eq(trust.cainfo, env);
    ck_assert_ptr_null(trust.capath);
    ck_assert_ptr_null(trust.pem);
    lp_ca_trust_clear(&trust);
    ck_assert_int_eq(lp_ca_trust_decide(extra, env, NULL, "/tmp", &trust, NULL), LP_OK);
    ck_assert_ptr_null(trust.capath);
    ck_assert_ptr_nonnull(strstr(trust.pem, "AAAA"));
    ck_assert_ptr_nonnull(strstr(trust.pem, "BBBB"));
    lp_ca_trust_clear(&trust);
    unlink(extra);
    unlink(env);
    free(extra);
    free(env);
}
END_TEST

START_TEST(environment_naming_the_system_bundle_still_uses_the_directory)
{
    char *extra = write_temp(pem_b);
    char *system = write_temp(pem_a);
    lp_ca_trust trust;
    ck_assert_int_eq(lp_ca_trust_decide(extra, system, system, "/tmp", &trust, NULL), LP_OK);
    ck_assert_str_eq(trust.cainfo, extra);
    ck_assert_str_eq(trust.capath, "/tmp");
    ck_assert_ptr_null(trust.pem);
    lp_ca_trust_clear(&trust);
    /* Without a directory the system bundle is joined as before. */
    ck_assert_int_eq(lp_ca_trust_decide(extra, system, system, "/nonexistent/certs", &trust, NULL),
                     LP_OK);
    ck_assert_ptr_nonnull(strstr(trust.pem, "AAAA"));
    ck_assert_ptr_nonnull(strstr(trust.pem, "BBBB"));
    lp_ca_trust_clear(&trust);
    unlink(extra);
    unlink(system);
    free(extra);
    free(system);
}
END_TEST

START_TEST(without_private_ca_or_environment_libcurl_keeps_its_defaults)
{
    lp_ca_trust trust;
    ck_assert_int_eq(lp_ca_trust_decide(NULL, NULL, "/etc/ssl/certs/ca-certificates.crt", "/tmp",
                                        &trust, NULL),
                     LP_OK);
    ck_assert_ptr_null(trust.cainfo);
    ck_assert_ptr_null(trust.capath);
    ck_assert_ptr_null(trust.pem);
}
END_TEST

START_TEST(private_ca_without_a_certificate_is_refused_with_a_directory_too)
{
    char *extra = write_temp("not a certificate\n");
    lp_ca_trust trust;
    lp_error err;
    lp_error_clear(&err);
    ck_assert_int_eq(lp_ca_trust_decide(extra, NULL, NULL, "/tmp", &trust, &err), LP_ERR_CONFIG);
    ck_assert_ptr_nonnull(strstr(err.message, "--cacert"));
    ck_assert_ptr_null(trust.cainfo);
    ck_assert_int_eq(lp_ca_trust_decide("/nonexistent/extra.pem", NULL, NULL, "/tmp", &trust, &err),
                     LP_ERR_CONFIG);
    ck_assert_ptr_nonnull(strstr(err.message, "/nonexistent/extra.pem"));
    unlink(extra);
    free(extra);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("ca_bundle");
    TCase *tc = tcase_create("ca_bundle");
    tcase_add_test(tc, joins_base_and_extra_on_separate_lines);
    tcase_add_test(tc, missing_default_bundle_leaves_the_extra_alone);
    tcase_add_test(tc, missing_bundle_named_by_the_environment_is_an_error);
    tcase_add_test(tc, refuses_an_extra_file_without_a_certificate);
    tcase_add_test(tc, environment_order_is_curl_ca_bundle_then_ssl_cert_file);
    tcase_add_test(tc, private_ca_with_a_hashed_directory_is_named_not_joined);
    tcase_add_test(tc, private_ca_without_a_directory_joins_the_system_bundle);
    tcase_add_test(tc, environment_bundle_keeps_its_meaning);
    tcase_add_test(tc, environment_naming_the_system_bundle_still_uses_the_directory);
    tcase_add_test(tc, without_private_ca_or_environment_libcurl_keeps_its_defaults);
    tcase_add_test(tc, private_ca_without_a_certificate_is_refused_with_a_directory_too);
    suite_add_tcase(s, tc);
    return lp_run_suite(s);
}
