/* Without libsecret at run time the stores behave as when no Secret Service answers. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "../../suite_runner.h"
#include "lib/store/keyring.h"
#include "lib/store/credentials.h"
#include "store_tests.h"

static char *dir;

static void setup(void)
{
    dir = store_test_home();
    ck_assert_ptr_nonnull(dir);
}

static void teardown(void)
{
    store_test_rmdir(dir);
    free(dir);
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static const lp_credentials sample = {
    .server = "https://portal.example",
    .email = "ada@example.com",
    .refresh_token = "refresh-xyz",
    .access_expires_at = LP_TIME_NONE,
};

START_TEST(test_auto_falls_back_to_memory_at_once)
{
    const char *note = NULL;
    lp_error err;
    double start = now();
    lp_credstore *store = lp_credstore_open(LP_STORE_AUTO, sample.server, NULL, &note, &err);
    ck_assert(now() - start < 0.5); /* nothing to wait for */
    ck_assert_ptr_nonnull(store);
    ck_assert_int_eq(lp_credstore_kind(store), LP_STORE_NONE);
    ck_assert_str_eq(lp_credstore_describe(store), "memory (this run only)");
    ck_assert_ptr_nonnull(note);
    ck_assert_ptr_nonnull(strstr(note, "this run only"));
    ck_assert_ptr_nonnull(strstr(note, "--credential-store file"));
    ck_assert_int_eq(lp_credstore_save(store, &sample, &err), LP_OK);
    lp_credentials out;
    ck_assert_int_eq(lp_credstore_load(store, &out, &err), LP_OK);
    ck_assert_str_eq(out.refresh_token, "refresh-xyz");
    lp_credentials_clear(&out);
    lp_credstore_free(store);
    char path[700];
    struct stat st;
    snprintf(path, sizeof path, "%s/state/licportal/credentials", dir);
    ck_assert_int_ne(stat(path, &st), 0);
}
END_TEST

START_TEST(test_keyring_requested_names_the_missing_library_and_the_alternatives)
{
    lp_error err;
    lp_error_clear(&err);
    lp_credstore *store = lp_credstore_open(LP_STORE_KEYRING, sample.server, NULL, NULL, &err);
    ck_assert_ptr_null(store);
    ck_assert_int_eq(err.status, LP_ERR_STORE);
    ck_assert_ptr_nonnull(strstr(err.message, "Secret Service: libsecret is not installed"));
    ck_assert_ptr_nonnull(strstr(err.message, "; use --credential-store file or none instead"));
    ck_assert_ptr_null(strchr(err.message, '\n'));
}
END_TEST

START_TEST(test_keyring_calls_fail_as_store_errors)
{
    lp_error err;
    lp_error_clear(&err);
    ck_assert(!lp_keyring_available(&err));
    ck_assert_int_eq(err.status, LP_ERR_STORE);
    ck_assert(!lp_keyring_available(NULL));
    lp_credentials out;
    ck_assert_int_eq(lp_keyring_load(sample.server, NULL, &out, &err), LP_ERR_STORE);
    ck_assert_ptr_null(out.refresh_token);
    ck_assert_int_eq(lp_keyring_save(&sample, &err), LP_ERR_STORE);
    ck_assert_int_eq(lp_keyring_remove(sample.server, NULL, &err), LP_ERR_STORE);
    ck_assert_ptr_nonnull(strstr(err.message, "libsecret is not installed"));
}
END_TEST

START_TEST(test_the_file_store_is_unaffected)
{
    lp_error err;
    lp_credstore *store = lp_credstore_open(LP_STORE_FILE, sample.server, NULL, NULL, &err);
    ck_assert_ptr_nonnull(store);
    ck_assert_int_eq(lp_credstore_save(store, &sample, &err), LP_OK);
    lp_credstore_free(store);
    store = lp_credstore_open(LP_STORE_FILE, sample.server, NULL, NULL, &err);
    lp_credentials out;
    ck_assert_int_eq(lp_credstore_load(store, &out, &err), LP_OK);
    ck_assert_str_eq(out.email, "ada@example.com");
    lp_credentials_clear(&out);
    lp_credstore_free(store);
}
END_TEST

int main(void)
{
    Suite *suite = suite_create("store_without_libsecret");
    TCase *tc = tcase_create("keyring_absent");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 20);
    tcase_add_test(tc, test_auto_falls_back_to_memory_at_once);
    tcase_add_test(tc, test_keyring_requested_names_the_missing_library_and_the_alternatives);
    tcase_add_test(tc, test_keyring_calls_fail_as_store_errors);
    tcase_add_test(tc, test_the_file_store_is_unaffected);
    suite_add_tcase(suite, tc);
    return lp_run_suite(suite);
}
