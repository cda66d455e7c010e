/* Release field checks: the contract's enumerations, folder-safe versions and header-safe file names. */
#include <string.h>

#include "../suite_runner.h"
#include "server/release_fields.h"

START_TEST(accepts_exactly_the_contracts_values)
{
    ck_assert(lpd_release_value_allowed("stable", lpd_release_channels));
    ck_assert(lpd_release_value_allowed("beta", lpd_release_channels));
    ck_assert(!lpd_release_value_allowed("nightly", lpd_release_channels));
    ck_assert(!lpd_release_value_allowed("Stable", lpd_release_channels));
    ck_assert(lpd_release_value_allowed("macos", lpd_release_platforms));
    ck_assert(lpd_release_value_allowed("any", lpd_release_platforms));
    ck_assert(!lpd_release_value_allowed("plan9", lpd_release_platforms));
    ck_assert(lpd_release_value_allowed("aarch64", lpd_release_archs));
    ck_assert(!lpd_release_value_allowed("arm64", lpd_release_archs));
    ck_assert(!lpd_release_value_allowed(NULL, lpd_release_archs));
    ck_assert(!lpd_release_value_allowed("", lpd_release_archs));
}
END_TEST

START_TEST(folder_names_are_plain_version_strings)
{
    static const char *good[] = {"2.4.1", "2.5.0-beta.1", "1.0+build.7", "1.0~rc1", "prd_atlas", "V9"};
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
        ck_assert_msg(lpd_release_folder_name_valid(good[i]), "refused %s", good[i]);
    static const char *bad[] = {"", ".", "..", ".hidden", "1.0/2", "../x", "1 0", "1.0\n", "1:0", "v\xc3\xa9"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        ck_assert_msg(!lpd_release_folder_name_valid(bad[i]), "accepted %s", bad[i]);
    ck_assert(!lpd_release_folder_name_valid(NULL));
    char longest[LP_RELEASE_VERSION_MAX + 2];
    memset(longest, '7', sizeof longest);
    longest[LP_RELEASE_VERSION_MAX] = '\0';
    ck_assert(lpd_release_folder_name_valid(longest));
    longest[LP_RELEASE_VERSION_MAX] = '7';
    longest[LP_RELEASE_VERSION_MAX + 1] = '\0';
    ck_assert(!lpd_release_folder_name_valid(longest));
}
END_TEST

START_TEST(file_names_stay_inside_a_quoted_header_and_a_folder)
{
    static const char *good[] = {"atlas-2.4.1-linux-x86_64.tar.gz", "Setup (x64).msi", "a", "what's new.txt"};
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
        ck_assert_msg(lpd_release_filename_valid(good[i]), "refused %s", good[i]);
    static const char *bad[] = {"",
                                ".",
                                "..",
                                ".profile",
                                "dir/file",
                                "dir\\file",
                                "say \"hi\".zip",
                                "tab\there",
                                "line\r\nInjected: yes",
                                "del\x7f",
                                "caf\xc3\xa9.zip"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        ck_assert_msg(!lpd_release_filename_valid(bad[i]), "accepted %s", bad[i]);
    ck_assert(!lpd_release_filename_valid(NULL));
    char longest[LP_RELEASE_FILENAME_MAX + 2];
    memset(longest, 'f', sizeof longest);
    longest[LP_RELEASE_FILENAME_MAX] = '\0';
    ck_assert(lpd_release_filename_valid(longest));
    longest[LP_RELEASE_FILENAME_MAX] = 'f';
    longest[LP_RELEASE_FILENAME_MAX + 1] = '\0';
    ck_assert(!lpd_release_filename_valid(longest));
}
END_TEST

int main(void)
{
    Suite *s = suite_create("release_fields");
    TCase *tc = tcase_create("release_fields");
    tcase_add_test(tc, accepts_exactly_the_contracts_values);
    tcase_add_test(tc, folder_names_are_plain_version_strings);
    tcase_add_test(tc, file_names_stay_inside_a_quoted_header_and_a_folder);
    suite_add_tcase(s, tc);
    return lp_run_suite(s);
}
