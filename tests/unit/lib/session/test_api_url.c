/* API URLs: ids and filters are escaped so that no value can change the path or add a parameter. */
#include "lib/session/api_url.h"
#include "../../suite_runner.h"

#include <stdlib.h>

START_TEST(escapes_everything_but_unreserved)
{
    char *e = lp_url_escape("a b&c=d/e?f#g%h+i~j.k_l-m\xc3\xa9");
    ck_assert_str_eq(e, "a%20b%26c%3Dd%2Fe%3Ff%23g%25h%2Bi~j.k_l-m%C3%A9");
    free(e);
}
END_TEST

START_TEST(builds_path_and_query_with_escaping)
{
    lp_url u;
    lp_url_init(&u, "https://h/api/v1");
    lp_url_path(&u, "/licenses");
    lp_url_query(&u, "status", "active");
    lp_url_query(&u, "product", NULL);
    lp_url_query(&u, "q", "");
    lp_url_query(&u, "q", "acme & co=1");
    lp_url_query_int(&u, "limit", 50);
    lp_url_query(&u, "cursor", "abc/+=");
    char *url = lp_url_finish(&u, NULL);
    ck_assert_str_eq(url,
                     "https://h/api/v1/"
                     "licenses?status=active&q=acme%20%26%20co%3D1&limit=50&cursor=abc%2F%2B%3D");
    free(url);
}
END_TEST

START_TEST(escapes_ids_as_one_path_segment)
{
    lp_url u;
    lp_url_init(&u, "https://h/api/v1");
    lp_url_path(&u, "/downloads");
    lp_url_segment(&u, "../me?x=1#f");
    lp_url_path(&u, "/file");
    char *url = lp_url_finish(&u, NULL);
    ck_assert_str_eq(url, "https://h/api/v1/downloads/..%2Fme%3Fx%3D1%23f/file");
    free(url);
}
END_TEST

START_TEST(refuses_ids_that_would_change_the_path)
{
    static const char *bad[] = {"", ".", ".."};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        lp_url u;
        lp_url_init(&u, "https://h/api/v1");
        lp_url_path(&u, "/licenses");
        lp_url_segment(&u, bad[i]);
        lp_error err;
        lp_error_clear(&err);
        ck_assert_ptr_null(lp_url_finish(&u, &err));
        ck_assert_int_eq(err.status, LP_ERR_USAGE);
    }
}
END_TEST

START_TEST(no_query_mark_without_parameters)
{
    lp_url u;
    lp_url_init(&u, "https://h/api/v1");
    lp_url_path(&u, "/activations");
    lp_url_query(&u, "license_id", NULL);
    char *url = lp_url_finish(&u, NULL);
    ck_assert_str_eq(url, "https://h/api/v1/activations");
    free(url);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("api_url");
    TCase *tc = tcase_create("api_url");
    tcase_add_test(tc, escapes_everything_but_unreserved);
    tcase_add_test(tc, builds_path_and_query_with_escaping);
    tcase_add_test(tc, escapes_ids_as_one_path_segment);
    tcase_add_test(tc, refuses_ids_that_would_change_the_path);
    tcase_add_test(tc, no_query_mark_without_parameters);
    suite_add_tcase(s, tc);
    return lp_run_suite(s);
}
