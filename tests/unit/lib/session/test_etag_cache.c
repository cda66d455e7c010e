/* The ETag cache stays bounded in entries and body size, dropping the least recently used. */
#include "lib/session/etag_cache.h"
#include "../../suite_runner.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

START_TEST(remembers_and_replaces_per_url)
{
    lp_etag_cache *c = lp_etag_cache_new(4, 100);
    ck_assert(lp_etag_cache_put(c, "u1", "\"a\"", "{}", 2));
    ck_assert(lp_etag_cache_put(c, "u1", "\"b\"", "[1]", 3));
    ck_assert_uint_eq(lp_etag_cache_count(c), 1);
    const lp_etag_entry *e = lp_etag_cache_get(c, "u1");
    ck_assert_str_eq(e->etag, "\"b\"");
    ck_assert_str_eq(e->body, "[1]");
    ck_assert_uint_eq(e->body_len, 3);
    ck_assert_ptr_null(lp_etag_cache_get(c, "u2"));
    lp_etag_cache_free(c);
}
END_TEST

START_TEST(keeps_at_most_the_bound_dropping_least_recently_used)
{
    lp_etag_cache *c = lp_etag_cache_new(LP_ETAG_CACHE_ENTRIES, LP_ETAG_CACHE_BODY_MAX);
    char url[32];
    for (int i = 0; i < LP_ETAG_CACHE_ENTRIES; i++) {
        snprintf(url, sizeof url, "u%d", i);
        ck_assert(lp_etag_cache_put(c, url, "e", "{}", 2));
    }
    ck_assert_ptr_nonnull(lp_etag_cache_get(c, "u0")); /* u0 is now the most recent */
    ck_assert(lp_etag_cache_put(c, "new", "e", "{}", 2));
    ck_assert_uint_eq(lp_etag_cache_count(c), LP_ETAG_CACHE_ENTRIES);
    ck_assert_ptr_nonnull(lp_etag_cache_get(c, "u0"));
    ck_assert_ptr_null(lp_etag_cache_get(c, "u1"));
    ck_assert_ptr_nonnull(lp_etag_cache_get(c, "new"));
    for (int i = 0; i < 1000; i++) {
        snprintf(url, sizeof url, "more%d", i);
        lp_etag_cache_put(c, url, "e", "{}", 2);
    }
    ck_assert_uint_eq(lp_etag_cache_count(c), LP_ETAG_CACHE_ENTRIES);
    lp_etag_cache_free(c);
}
END_TEST

START_TEST(refuses_bodies_over_the_bound_and_forgets_the_old_one)
{
    lp_etag_cache *c = lp_etag_cache_new(4, LP_ETAG_CACHE_BODY_MAX);
    size_t big = LP_ETAG_CACHE_BODY_MAX + 1;
    char *body = malloc(big);
    memset(body, 'x', big);
    ck_assert(lp_etag_cache_put(c, "u", "e1", "{}", 2));
    ck_assert(!lp_etag_cache_put(c, "u", "e2", body, big));
    ck_assert_ptr_null(lp_etag_cache_get(c, "u")); /* a stale body must not answer a 304 */
    ck_assert(lp_etag_cache_put(c, "u", "e3", body, LP_ETAG_CACHE_BODY_MAX));
    free(body);
    lp_etag_cache_clear(c);
    ck_assert_uint_eq(lp_etag_cache_count(c), 0);
    lp_etag_cache_free(c);
    lp_etag_cache_free(NULL);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("etag_cache");
    TCase *tc = tcase_create("etag_cache");
    tcase_add_test(tc, remembers_and_replaces_per_url);
    tcase_add_test(tc, keeps_at_most_the_bound_dropping_least_recently_used);
    tcase_add_test(tc, refuses_bodies_over_the_bound_and_forgets_the_old_one);
    suite_add_tcase(s, tc);
    return lp_run_suite(s);
}
