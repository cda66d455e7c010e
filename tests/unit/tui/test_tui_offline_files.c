/* Offline activation's files: the request read with every refusal in words, the license file written 0600, never over another. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../suite_runner.h"
#include "tui/offline_files.h"

static char dir[64];
static char request_path[128];
static char license_path[128];

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fputs(text, f);
    fclose(f);
}

static void setup(void)
{
    snprintf(dir, sizeof dir, "/tmp/lp-offline-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(dir));
    snprintf(request_path, sizeof request_path, "%s/vault.json", dir);
    snprintf(license_path, sizeof license_path, "%s/vault.license", dir);
}

static void teardown(void)
{
    unlink(request_path);
    unlink(license_path);
    rmdir(dir);
}

START_TEST(a_request_is_read_whole)
{
    write_file(request_path, "{\"format\":\"licportal-machine-request\"}\n");
    char *request = NULL;
    size_t len = 0;
    lp_error err;
    lp_error_clear(&err);
    ck_assert_int_eq(tui_offline_read_request(request_path, license_path, &request, &len, &err),
                     LP_OK);
    ck_assert_str_eq(request, "{\"format\":\"licportal-machine-request\"}\n");
    ck_assert_uint_eq(len, strlen(request));
    free(request);
}
END_TEST

START_TEST(a_missing_or_malformed_request_or_an_existing_license_file_is_refused_in_words)
{
    char *request = NULL;
    size_t len = 0;
    lp_error err;
    lp_error_clear(&err);
    ck_assert_int_ne(tui_offline_read_request(request_path, license_path, &request, &len, &err),
                     LP_OK);
    ck_assert_ptr_nonnull(strstr(err.message, "does not exist"));
    ck_assert_ptr_null(request);

    write_file(request_path, "not json at all");
    ck_assert_int_ne(tui_offline_read_request(request_path, license_path, &request, &len, &err),
                     LP_OK);
    ck_assert_ptr_nonnull(strstr(err.message, "is not a machine request"));
    ck_assert_ptr_null(request);

    write_file(request_path, "[1, 2]");
    ck_assert_int_ne(tui_offline_read_request(request_path, license_path, &request, &len, &err),
                     LP_OK);
    ck_assert_ptr_nonnull(strstr(err.message, "is not a machine request"));

    write_file(request_path, "{}");
    write_file(license_path, "an older license file");
    ck_assert_int_eq(tui_offline_read_request(request_path, license_path, &request, &len, &err),
                     LP_ERR_EXISTS);
    ck_assert_ptr_nonnull(strstr(err.message, "exists already"));

    ck_assert_int_ne(tui_offline_read_request(request_path, request_path, &request, &len, &err),
                     LP_OK);
    ck_assert_ptr_nonnull(strstr(err.message, "would replace the request"));
    ck_assert_int_ne(tui_offline_read_request("", license_path, &request, &len, &err), LP_OK);
    ck_assert_ptr_null(request);
}
END_TEST

START_TEST(the_license_file_is_written_0600_and_never_over_another)
{
    lp_error err;
    lp_error_clear(&err);
    ck_assert_int_eq(tui_offline_write_license(license_path, "{\"signed\":true}\n", &err), LP_OK);
    struct stat st;
    ck_assert_int_eq(stat(license_path, &st), 0);
    ck_assert_int_eq(st.st_mode & 0777, 0600);
    ck_assert_int_eq(st.st_size, (off_t)strlen("{\"signed\":true}\n"));
    ck_assert_int_eq(tui_offline_write_license(license_path, "{\"other\":1}\n", &err),
                     LP_ERR_EXISTS);
    ck_assert_ptr_nonnull(strstr(err.message, "not overwritten"));
    ck_assert_int_eq(stat(license_path, &st), 0);
    ck_assert_int_eq(st.st_size, (off_t)strlen("{\"signed\":true}\n"));
    ck_assert_int_ne(tui_offline_write_license(license_path, NULL, &err), LP_OK);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("tui_offline_files");
    TCase *tc = tcase_create("files");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, a_request_is_read_whole);
    tcase_add_test(tc,
                   a_missing_or_malformed_request_or_an_existing_license_file_is_refused_in_words);
    tcase_add_test(tc, the_license_file_is_written_0600_and_never_over_another);
    suite_add_tcase(s, tc);
    return lp_run_suite(s);
}
