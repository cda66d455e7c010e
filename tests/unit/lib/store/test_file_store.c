/* The credentials file: refused when loose, written atomically with 0600, sessions per server. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lib/store/credentials_json.h"
#include "lib/store/file_store.h"
#include "store_tests.h"

static char *dir;
static char path[600];

static void setup(void)
{
    dir = store_test_dir();
    ck_assert_ptr_nonnull(dir);
    snprintf(path, sizeof path, "%s/state/licportal/credentials", dir);
}

static void teardown(void)
{
    store_test_rmdir(dir);
    free(dir);
}

static lp_credentials session(const char *server, const char *email, const char *refresh)
{
    lp_credentials creds = {
        .server = (char *)server,
        .email = (char *)email,
        .user_name = "Ada \"the\" Admin",
        .refresh_token = (char *)refresh,
        .access_token = "access-123",
        .access_expires_at = 1795000000,
    };
    return creds;
}

START_TEST(test_round_trip_keeps_every_field)
{
    lp_error err;
    lp_credentials in = session("https://a.example", "ada@example.com", "refresh-a");
    ck_assert_int_eq(lp_file_store_save(path, &in, &err), LP_OK);
    lp_credentials out;
    ck_assert_int_eq(lp_file_store_load(path, "https://a.example", "ada@example.com", &out, &err),
                     LP_OK);
    ck_assert_str_eq(out.server, "https://a.example");
    ck_assert_str_eq(out.email, "ada@example.com");
    ck_assert_str_eq(out.user_name, "Ada \"the\" Admin");
    ck_assert_str_eq(out.refresh_token, "refresh-a");
    ck_assert_str_eq(out.access_token, "access-123");
    ck_assert_int_eq(out.access_expires_at, 1795000000);
    lp_credentials_clear(&out);
}
END_TEST

START_TEST(test_missing_file_means_not_logged_in)
{
    lp_error err;
    lp_credentials out;
    ck_assert_int_eq(lp_file_store_load(path, "https://a.example", NULL, &out, &err), LP_ERR_AUTH);
    ck_assert_ptr_null(out.refresh_token);
}
END_TEST

START_TEST(test_file_is_created_0600_whatever_the_umask)
{
    mode_t old = umask(0);
    lp_error err;
    lp_credentials in = session("https://a.example", "ada@example.com", "refresh-a");
    lp_status status = lp_file_store_save(path, &in, &err);
    umask(old);
    ck_assert_int_eq(status, LP_OK);
    struct stat st;
    ck_assert_int_eq(stat(path, &st), 0);
    ck_assert_int_eq(st.st_mode & 07777, 0600);
    char parent[700];
    snprintf(parent, sizeof parent, "%s/state/licportal", dir);
    ck_assert_int_eq(stat(parent, &st), 0);
    ck_assert_int_eq(st.st_mode & 077, 0);
}
END_TEST

START_TEST(test_loose_mode_is_refused_like_ssh)
{
    lp_error err;
    lp_credentials in = session("https://a.example", "ada@example.com", "refresh-a");
    ck_assert_int_eq(lp_file_store_save(path, &in, &err), LP_OK);
    ck_assert_int_eq(chmod(path, 0644), 0);
    lp_credentials out;
    ck_assert_int_eq(lp_file_store_load(path, "https://a.example", NULL, &out, &err), LP_ERR_STORE);
    ck_assert_ptr_nonnull(strstr(err.message, "0644"));
    ck_assert_ptr_nonnull(strstr(err.message, "too open"));
    ck_assert_ptr_nonnull(strstr(err.message, path));
    /* Nor is a loose file silently replaced by a save. */
    ck_assert_int_eq(lp_file_store_save(path, &in, &err), LP_ERR_STORE);
    ck_assert_int_eq(chmod(path, 0640), 0);
    ck_assert_int_eq(lp_file_store_load(path, "https://a.example", NULL, &out, &err), LP_ERR_STORE);
}
END_TEST

static int count_entries(const char *folder)
{
    DIR *d = opendir(folder);
    ck_assert_ptr_nonnull(d);
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0) {
            n++;
        }
    }
    closedir(d);
    return n;
}

START_TEST(test_save_replaces_the_file_by_rename_and_leaves_no_temporary)
{
    lp_error err;
    lp_credentials first = session("https://a.example", "ada@example.com", "refresh-1");
    ck_assert_int_eq(lp_file_store_save(path, &first, &err), LP_OK);
    struct stat before;
    ck_assert_int_eq(stat(path, &before), 0);
    lp_credentials second = session("https://a.example", "ada@example.com", "refresh-2");
    ck_assert_int_eq(lp_file_store_save(path, &second, &err), LP_OK);
    struct stat after;
    ck_assert_int_eq(stat(path, &after), 0);
    /* A new inode: the old file was never truncated in place. */
    ck_assert_uint_ne(before.st_ino, after.st_ino);
    char parent[700];
    snprintf(parent, sizeof parent, "%s/state/licportal", dir);
    ck_assert_int_eq(count_entries(parent), 1);
    lp_credentials out;
    ck_assert_int_eq(lp_file_store_load(path, "https://a.example", NULL, &out, &err), LP_OK);
    ck_assert_str_eq(out.refresh_token, "refresh-2");
    lp_credentials_clear(&out);
}
END_TEST

START_TEST(test_sessions_of_several_servers_live_side_by_side)
{
    lp_error err;
    lp_credentials a = session("https://a.example", "ada@example.com", "refresh-a");
    lp_credentials b = session("https://b.example:8443", "ada@example.com", "refresh-b");
    lp_credentials a2 = session("https://a.example", "bob@example.com", "refresh-a2");
    ck_assert_int_eq(lp_file_store_save(path, &a, &err), LP_OK);
    ck_assert_int_eq(lp_file_store_save(path, &b, &err), LP_OK);
    ck_assert_int_eq(lp_file_store_save(path, &a2, &err), LP_OK);
    lp_credentials out;
    ck_assert_int_eq(lp_file_store_load(path, "https://b.example:8443", NULL, &out, &err), LP_OK);
    ck_assert_str_eq(out.refresh_token, "refresh-b");
    lp_credentials_clear(&out);
    ck_assert_int_eq(lp_file_store_load(path, "https://a.example", "BOB@example.com", &out, &err),
                     LP_OK);
    ck_assert_str_eq(out.refresh_token, "refresh-a2");
    lp_credentials_clear(&out);
    ck_assert_int_eq(lp_file_store_load(path, "https://a.example", NULL, &out, &err), LP_OK);
    ck_assert_str_eq(out.refresh_token, "refresh-a");
    lp_credentials_clear(&out);

    ck_assert_int_eq(lp_file_store_remove(path, "https://a.example", "ada@example.com", &err),
                     LP_OK);
    ck_assert_int_eq(lp_file_store_load(path, "https://a.example", "ada@example.com", &out, &err),
                     LP_ERR_AUTH);
    ck_assert_int_eq(lp_file_store_load(path, "https://a.example", "bob@example.com", &out, &err),
                     LP_OK);
    lp_credentials_clear(&out);
    ck_assert_int_eq(lp_file_store_load(path, "https://b.example:8443", NULL, &out, &err), LP_OK);
    lp_credentials_clear(&out);
    ck_assert_int_eq(lp_file_store_remove(path, "https://a.example", NULL, &err), LP_OK);
    ck_assert_int_eq(lp_file_store_load(path, "https://a.example", NULL, &out, &err), LP_ERR_AUTH);
    ck_assert_int_eq(lp_file_store_load(path, "https://b.example:8443", NULL, &out, &err), LP_OK);
    lp_credentials_clear(&out);
}
END_TEST

START_TEST(test_damaged_file_is_an_error_not_a_crash)
{
    lp_error err;
    lp_credentials in = session("https://a.example", "ada@example.com", "refresh-a");
    ck_assert_int_eq(lp_file_store_save(path, &in, &err), LP_OK);
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fputs("{\"sessions\": [ {\"server\": ", f);
    fclose(f);
    lp_credentials out;
    ck_assert_int_eq(lp_file_store_load(path, "https://a.example", NULL, &out, &err), LP_ERR_STORE);
    ck_assert_ptr_nonnull(strstr(err.message, "damaged"));
}
END_TEST

START_TEST(test_a_fifo_at_the_credentials_path_is_refused_without_waiting)
{
    lp_error err;
    lp_credentials in = session("https://a.example", "ada@example.com", "refresh-a");
    ck_assert_int_eq(lp_file_store_save(path, &in, &err), LP_OK);
    ck_assert_int_eq(unlink(path), 0);
    ck_assert_int_eq(mkfifo(path, 0600), 0);
    alarm(10); /* a blocking open would never return */
    lp_credentials out;
    ck_assert_int_eq(lp_file_store_load(path, "https://a.example", NULL, &out, &err), LP_ERR_STORE);
    alarm(0);
    ck_assert_ptr_nonnull(strstr(err.message, "not a regular file"));
}
END_TEST

START_TEST(test_session_json_round_trip_without_access_token)
{
    lp_credentials in = {
        .server = "https://a.example",
        .email = "ada@example.com",
        .refresh_token = "r\"e\\f",
        .access_expires_at = LP_TIME_NONE,
    };
    char *json = lp_credentials_to_json(&in);
    ck_assert_ptr_nonnull(json);
    lp_credentials out;
    lp_error err;
    ck_assert_int_eq(lp_credentials_from_json(json, &out, &err), LP_OK);
    ck_assert_str_eq(out.refresh_token, "r\"e\\f");
    ck_assert_ptr_null(out.access_token);
    ck_assert_ptr_null(out.user_name);
    ck_assert(out.access_expires_at == LP_TIME_NONE);
    lp_credentials_clear(&out);
    free(json);
    ck_assert_int_eq(lp_credentials_from_json("{\"server\": \"x\"}", &out, &err), LP_ERR_STORE);
}
END_TEST

START_TEST(test_expiry_without_access_token_is_dropped_on_load)
{
    const char *json =
        "{\"server\": \"https://portal.example.test\", \"email\": \"fuzz@example.test\", "
        "\"user_name\": \"Dana\", \"refresh_token\": \"rt_abc\", "
        "\"access_expires_at\": \"2030-01-01T00:00:00Z\"}";
    lp_credentials out;
    lp_error err;
    ck_assert_int_eq(lp_credentials_from_json(json, &out, &err), LP_OK);
    ck_assert_ptr_null(out.access_token);
    ck_assert(out.access_expires_at == LP_TIME_NONE);
    ck_assert_str_eq(out.refresh_token, "rt_abc");
    lp_credentials_clear(&out);
}
END_TEST

START_TEST(test_token_and_expiry_are_saved_only_as_a_pair)
{
    lp_credentials expiry_only = {
        .server = "https://a.example",
        .email = "ada@example.com",
        .refresh_token = "rt",
        .access_expires_at = 1893456000, /* 2030-01-01 */
    };
    char *json = lp_credentials_to_json(&expiry_only);
    ck_assert_ptr_nonnull(json);
    ck_assert_ptr_nonnull(strstr(json, "\"access_expires_at\":null"));
    free(json);

    lp_credentials token_only = expiry_only;
    token_only.access_token = "at_unknown_age";
    token_only.access_expires_at = LP_TIME_NONE;
    json = lp_credentials_to_json(&token_only);
    ck_assert_ptr_nonnull(json);
    ck_assert_ptr_nonnull(strstr(json, "\"access_token\":null"));
    lp_credentials out;
    lp_error err;
    ck_assert_int_eq(lp_credentials_from_json(json, &out, &err), LP_OK);
    char *again = lp_credentials_to_json(&out);
    ck_assert_str_eq(again, json);
    free(again);
    lp_credentials_clear(&out);
    free(json);
}
END_TEST

TCase *file_store_case(void)
{
    TCase *tc = tcase_create("file_store");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_round_trip_keeps_every_field);
    tcase_add_test(tc, test_missing_file_means_not_logged_in);
    tcase_add_test(tc, test_file_is_created_0600_whatever_the_umask);
    tcase_add_test(tc, test_loose_mode_is_refused_like_ssh);
    tcase_add_test(tc, test_save_replaces_the_file_by_rename_and_leaves_no_temporary);
    tcase_add_test(tc, test_sessions_of_several_servers_live_side_by_side);
    tcase_add_test(tc, test_damaged_file_is_an_error_not_a_crash);
    tcase_add_test(tc, test_a_fifo_at_the_credentials_path_is_refused_without_waiting);
    tcase_add_test(tc, test_session_json_round_trip_without_access_token);
    tcase_add_test(tc, test_expiry_without_access_token_is_dropped_on_load);
    tcase_add_test(tc, test_token_and_expiry_are_saved_only_as_a_pair);
    return tc;
}
