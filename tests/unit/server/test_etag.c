/* Entity tags: equal bodies share a strong tag, and If-None-Match lists are matched. */
#include <string.h>

#include "../suite_runner.h"
#include "server/etag.h"

START_TEST(equal_bodies_equal_tags_and_different_bodies_differ)
{
    char a[LP_ETAG_LEN], b[LP_ETAG_LEN], c[LP_ETAG_LEN];
    lpd_etag_of("{\"a\":1}", 7, a);
    lpd_etag_of("{\"a\":1}", 7, b);
    lpd_etag_of("{\"a\":2}", 7, c);
    ck_assert_str_eq(a, b);
    ck_assert_str_ne(a, c);
    ck_assert_uint_eq(strlen(a), 34);
    ck_assert(a[0] == '"' && a[33] == '"');
}
END_TEST

START_TEST(if_none_match_matches_single_lists_weak_and_star)
{
    const char *tag = "\"abc\"";
    ck_assert(lpd_etag_matches("\"abc\"", tag));
    ck_assert(lpd_etag_matches("\"x\", \"abc\"", tag));
    ck_assert(lpd_etag_matches("W/\"abc\"", tag));
    ck_assert(lpd_etag_matches("*", tag));
    ck_assert(!lpd_etag_matches("\"abcd\"", tag));
    ck_assert(!lpd_etag_matches("abc", tag));
    ck_assert(!lpd_etag_matches("", tag));
    ck_assert(!lpd_etag_matches(NULL, tag));
}
END_TEST

int main(void)
{
    Suite *s = suite_create("etag");
    TCase *tc = tcase_create("etag");
    tcase_add_test(tc, equal_bodies_equal_tags_and_different_bodies_differ);
    tcase_add_test(tc, if_none_match_matches_single_lists_weak_and_star);
    suite_add_tcase(s, tc);
    return lp_run_suite(s);
}
