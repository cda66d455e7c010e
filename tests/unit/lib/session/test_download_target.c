/* A download lands under the base name of the server's filename, never where a path trick points. */
#include "licportal/download.h"
#include "../../suite_runner.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[64];

static void make_dir(void)
{
    snprintf(dir, sizeof dir, "/tmp/lp_target_XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(dir));
}

static void remove_dir(void)
{
    rmdir(dir);
}

START_TEST(takes_only_the_base_name_of_the_server_filename)
{
    static const struct {
        const char *server;
        const char *base;
    } table[] = {
        {"app-1.2.tar.gz", "app-1.2.tar.gz"},
        {"../../etc/passwd", "passwd"},
        {"/etc/cron.d/evil", "evil"},
        {"..\\..\\Windows\\evil.exe", "evil.exe"},
        {"dir/sub/app.zip", "app.zip"},
        {"Gr\xc3\xbc\xc3\x9f"
         "e-\xe6\x97\xa5.zip",
         "Gr\xc3\xbc\xc3\x9f"
         "e-\xe6\x97\xa5.zip"},
    };
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
        char *path = lp_download_target_path(NULL, table[i].server, NULL);
        ck_assert_ptr_nonnull(path);
        ck_assert_str_eq(path, table[i].base);
        free(path);
        path = lp_download_target_path(dir, table[i].server, NULL);
        char expected[256];
        snprintf(expected, sizeof expected, "%s/%s", dir, table[i].base);
        ck_assert_str_eq(path, expected);
        free(path);
    }
}
END_TEST

START_TEST(refuses_names_that_are_no_file_name)
{
    static const char *bad[] = {"",
                                ".",
                                "..",
                                "a/..",
                                "a/",
                                "../",
                                "/",
                                ".hidden",
                                "a/.bashrc",
                                "bad\nname",
                                "esc\x1b[2Jape",
                                "del\x7f",
                                "tab\tname",
                                "\xe2\x80\256exe.txt",
                                "zero\xe2\x80\213width.zip",
                                "soft\xc2\255hyphen.zip",
                                "\xe3\x85\244.zip",
                                "join\xe2\x81\240er.zip",
                                "tag\xf3\xa0\x80\201.zip",
                                "c1\xc2\23331m.zip",
                                "bad\377.zip",
                                "lrm\xe2\x80\216.zip",
                                "iso\xe2\x81\246late.zip"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        lp_error err;
        lp_error_clear(&err);
        char *path = lp_download_target_path(NULL, bad[i], &err);
        ck_assert_msg(path == NULL, "accepted \"%s\" as %s", bad[i], path ? path : "");
        ck_assert_int_ne(err.status, LP_OK);
        path = lp_download_target_path(dir, bad[i], &err);
        ck_assert_ptr_null(path);
    }
    ck_assert_ptr_null(lp_download_target_path(NULL, NULL, NULL));
}
END_TEST

START_TEST(output_that_is_no_directory_is_the_file_name)
{
    char *path = lp_download_target_path("/tmp/lp-no-such-dir/renamed.bin", "../evil", NULL);
    ck_assert_str_eq(path, "/tmp/lp-no-such-dir/renamed.bin");
    free(path);
    lp_error err;
    lp_error_clear(&err);
    ck_assert_ptr_null(lp_download_target_path("/tmp/lp-no-such-dir/", "app.zip", &err));
    ck_assert_int_eq(err.status, LP_ERR_USAGE);
}
END_TEST

START_TEST(directory_with_trailing_slash_gets_one_slash)
{
    char with_slash[80];
    snprintf(with_slash, sizeof with_slash, "%s/", dir);
    char *path = lp_download_target_path(with_slash, "app.zip", NULL);
    char expected[96];
    snprintf(expected, sizeof expected, "%s/app.zip", dir);
    ck_assert_str_eq(path, expected);
    free(path);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("download_target");
    TCase *tc = tcase_create("download_target");
    tcase_add_checked_fixture(tc, make_dir, remove_dir);
    tcase_add_test(tc, takes_only_the_base_name_of_the_server_filename);
    tcase_add_test(tc, refuses_names_that_are_no_file_name);
    tcase_add_test(tc, output_that_is_no_directory_is_the_file_name);
    tcase_add_test(tc, directory_with_trailing_slash_gets_one_slash);
    suite_add_tcase(s, tc);
    return lp_run_suite(s);
}
