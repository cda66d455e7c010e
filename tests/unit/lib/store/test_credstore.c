/* Choosing and using a credential store: file, memory, environment, auto without a keyring. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

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

static const lp_credentials sample = {
    .server = "https://portal.example",
    .email = "ada@example.com",
    .user_name = "Ada",
    .refresh_token = "refresh-xyz",
    .access_token = NULL,
    .access_expires_at = LP_TIME_NONE,
};

START_TEST(test_file_store_lives_under_xdg_state_home)
{
    lp_error err;
    const char *note = "unset";
    lp_credstore *store = lp_credstore_open(LP_STORE_FILE, "https://portal.example", NULL, &note,
                                            &err);
    ck_assert_ptr_nonnull(store);
    ck_assert_ptr_null(note);
    ck_assert_int_eq(lp_credstore_kind(store), LP_STORE_FILE);
    char expected[700];
    snprintf(expected, sizeof expected, "file %s/state/licportal/credentials", dir);
    ck_assert_str_eq(lp_credstore_describe(store), expected);
    lp_credentials out;
    ck_assert_int_eq(lp_credstore_load(store, &out, &err), LP_ERR_AUTH);
    ck_assert_int_eq(lp_credstore_save(store, &sample, &err), LP_OK);
    lp_credstore_free(store);

    /* A second process (a new store) reads it back. */
    store = lp_credstore_open(LP_STORE_FILE, "https://portal.example", NULL, NULL, &err);
    ck_assert_int_eq(lp_credstore_load(store, &out, &err), LP_OK);
    ck_assert_str_eq(out.refresh_token, "refresh-xyz");
    ck_assert_str_eq(out.email, "ada@example.com");
    lp_credentials_clear(&out);
    ck_assert_int_eq(lp_credstore_clear(store, &err), LP_OK);
    ck_assert_int_eq(lp_credstore_load(store, &out, &err), LP_ERR_AUTH);
    lp_credstore_free(store);
}
END_TEST

START_TEST(test_none_keeps_the_session_in_memory_only)
{
    lp_error err;
    lp_credstore *store = lp_credstore_open(LP_STORE_NONE, "https://portal.example", NULL, NULL,
                                            &err);
    ck_assert_ptr_nonnull(store);
    ck_assert_str_eq(lp_credstore_describe(store), "memory (this run only)");
    ck_assert_int_eq(lp_credstore_save(store, &sample, &err), LP_OK);
    lp_credentials out;
    ck_assert_int_eq(lp_credstore_load(store, &out, &err), LP_OK);
    ck_assert_str_eq(out.refresh_token, "refresh-xyz");
    lp_credentials_clear(&out);
    lp_credstore_free(store);
    char state[700];
    struct stat st;
    snprintf(state, sizeof state, "%s/state/licportal/credentials", dir);
    ck_assert_int_ne(stat(state, &st), 0);
    store = lp_credstore_open(LP_STORE_NONE, "https://portal.example", NULL, NULL, &err);
    ck_assert_int_eq(lp_credstore_load(store, &out, &err), LP_ERR_AUTH);
    lp_credstore_free(store);
}
END_TEST

START_TEST(test_environment_refuses_a_session_token)
{
    lp_error err;
    lp_error_clear(&err);
    setenv("LICPORTAL_TOKEN", "a-refresh-token", 1);
    lp_credstore *store = lp_credstore_open(LP_STORE_FILE, "https://portal.example", NULL, NULL,
                                            &err);
    unsetenv("LICPORTAL_TOKEN");
    ck_assert_ptr_null(store);
    ck_assert_int_eq(err.status, LP_ERR_AUTH);
    ck_assert_ptr_nonnull(strstr(err.message, "personal access token"));
    ck_assert_ptr_null(strstr(err.message, "a-refresh-token"));
}
END_TEST

START_TEST(test_environment_token_overrides_the_store)
{
    lp_error err;
    lp_credstore *store = lp_credstore_open(LP_STORE_FILE, "https://portal.example", NULL, NULL,
                                            &err);
    ck_assert_int_eq(lp_credstore_save(store, &sample, &err), LP_OK);
    lp_credstore_free(store);
    setenv("LICPORTAL_TOKEN", "lpt_from-the-environment", 1);
    store = lp_credstore_open(LP_STORE_FILE, "https://portal.example", NULL, NULL, &err);
    ck_assert_ptr_nonnull(store);
    ck_assert_str_eq(lp_credstore_describe(store), "environment (LICPORTAL_TOKEN)");
    lp_credentials out;
    ck_assert_int_eq(lp_credstore_load(store, &out, &err), LP_OK);
    ck_assert_str_eq(out.access_token, "lpt_from-the-environment");
    ck_assert_ptr_null(out.refresh_token);
    ck_assert(out.access_expires_at == LP_TIME_NONE);
    ck_assert_str_eq(out.server, "https://portal.example");
    lp_credentials_clear(&out);
    /* A rotated token stays in memory: the file keeps the old session. */
    lp_credentials rotated = sample;
    rotated.refresh_token = "rotated";
    ck_assert_int_eq(lp_credstore_save(store, &rotated, &err), LP_OK);
    ck_assert_int_eq(lp_credstore_load(store, &out, &err), LP_OK);
    ck_assert_str_eq(out.refresh_token, "rotated");
    lp_credentials_clear(&out);
    lp_credstore_free(store);
    unsetenv("LICPORTAL_TOKEN");
    store = lp_credstore_open(LP_STORE_FILE, "https://portal.example", NULL, NULL, &err);
    ck_assert_int_eq(lp_credstore_load(store, &out, &err), LP_OK);
    ck_assert_str_eq(out.refresh_token, "refresh-xyz");
    lp_credentials_clear(&out);
    lp_credstore_free(store);
}
END_TEST

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

START_TEST(test_auto_without_secret_service_falls_back_to_memory_quickly)
{
    setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus", 1);
    lp_error err;
    const char *note = NULL;
    double start = now();
    lp_credstore *store = lp_credstore_open(LP_STORE_AUTO, "https://portal.example", NULL, &note,
                                            &err);
    double took = now() - start;
    ck_assert_ptr_nonnull(store);
    ck_assert(took < 3.0);
    ck_assert_int_eq(lp_credstore_kind(store), LP_STORE_NONE);
    ck_assert_ptr_nonnull(note);
    ck_assert_ptr_nonnull(strstr(note, "--credential-store file"));
    ck_assert_ptr_nonnull(strstr(note, "this run only"));
    ck_assert_ptr_null(strchr(note, '\n'));
    ck_assert_int_eq(lp_credstore_save(store, &sample, &err), LP_OK);
    lp_credstore_free(store);
    char state[700];
    struct stat st;
    snprintf(state, sizeof state, "%s/state/licportal/credentials", dir);
    ck_assert_int_ne(stat(state, &st), 0);
}
END_TEST

START_TEST(test_keyring_requested_without_secret_service_is_an_error)
{
    setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus", 1);
    lp_error err;
    lp_error_clear(&err);
    double start = now();
    lp_credstore *store = lp_credstore_open(LP_STORE_KEYRING, "https://portal.example", NULL, NULL,
                                            &err);
    ck_assert(now() - start < 3.0);
    ck_assert_ptr_null(store);
    ck_assert_int_eq(err.status, LP_ERR_STORE);
    ck_assert_ptr_nonnull(strstr(err.message, "--credential-store"));
}
END_TEST

TCase *credstore_case(void)
{
    TCase *tc = tcase_create("credstore");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 20);
    tcase_add_test(tc, test_file_store_lives_under_xdg_state_home);
    tcase_add_test(tc, test_none_keeps_the_session_in_memory_only);
    tcase_add_test(tc, test_environment_token_overrides_the_store);
    tcase_add_test(tc, test_environment_refuses_a_session_token);
    tcase_add_test(tc, test_auto_without_secret_service_falls_back_to_memory_quickly);
    tcase_add_test(tc, test_keyring_requested_without_secret_service_is_an_error);
    return tc;
}
