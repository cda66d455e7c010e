/* The one-pass page reader: it reads the common form of a page, gives up on the rest, and never disagrees with the tree reader. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../suite_runner.h"
#include "json_fixtures.h"
#include "model_compare.h"
#include "lib/model/json_map.h"
#include "lib/model/license_json.h"

/* The property every body must keep: when the one-pass reader takes it, the
 * tree reader takes it too and reads the same page; when it gives up, it
 * leaves nothing behind. Returns whether the one-pass reader took it. */
static bool pull_agrees(const char *json, size_t len)
{
    lp_license_page pulled, tree;
    memset(&pulled, 0xA5, sizeof pulled);
    bool taken = lp_pull_license_page(json, len, &pulled);
    if (!taken) {
        ck_assert_msg(all_zero(&pulled, sizeof pulled), "gave up on %.*s but left a page", (int)len,
                      json);
        return false;
    }
    lp_error err;
    lp_error_clear(&err);
    lp_status status = lp_read_license_page_tree(json, len, &tree, &err);
    ck_assert_msg(status == LP_OK, "one-pass reader took %.*s, the tree reader refused it: %s",
                  (int)len, json, err.message);
    ck_assert_msg(same_license_page(&pulled, &tree), "the readers disagree on %.*s", (int)len,
                  json);
    lp_license_page_clear(&pulled);
    lp_license_page_clear(&tree);
    return true;
}

static void expect_taken(const char *json)
{
    ck_assert_msg(pull_agrees(json, strlen(json)), "one-pass reader gave up on %s", json);
}

/* Given up by the one-pass reader, yet read by lp_parse_license_page as the tree reader reads it. */
static void expect_left_to_the_tree(const char *json)
{
    ck_assert_msg(!pull_agrees(json, strlen(json)), "one-pass reader took %s", json);
    lp_license_page parsed, tree;
    lp_error err;
    lp_error_clear(&err);
    ck_assert_int_eq(lp_parse_license_page(json, strlen(json), &parsed, &err), LP_OK);
    ck_assert_int_eq(lp_read_license_page_tree(json, strlen(json), &tree, &err), LP_OK);
    ck_assert(same_license_page(&parsed, &tree));
    lp_license_page_clear(&parsed);
    lp_license_page_clear(&tree);
}

/* `license_page_json` with its first occurrence of `from` replaced by `to`. */
static char *page_with(const char *from, const char *to)
{
    const char *at = strstr(license_page_json, from);
    ck_assert_msg(at != NULL, "fixture lacks %s", from);
    size_t head = (size_t)(at - license_page_json), len = strlen(license_page_json);
    char *json = malloc(len - strlen(from) + strlen(to) + 1);
    ck_assert_ptr_nonnull(json);
    memcpy(json, license_page_json, head);
    strcpy(json + head, to);
    strcat(json, at + strlen(from));
    return json;
}

START_TEST(reads_the_common_form_as_the_tree_reader_does)
{
    expect_taken(license_page_json);
    expect_taken("{\"items\":[],\"next_cursor\":null,\"total\":0}");
    expect_taken("{\"total\":3,\"items\":[]}");
    /* Whitespace between tokens, as a pretty printer writes it. */
    expect_taken("{\n  \"items\" : [ ] ,\r\n\t\"total\" : 0\n}\n");
    /* Members the client does not know are passed over, whatever they hold. */
    char *json = page_with("\"edition\":\"Pro\",",
                           "\"edition\":\"Pro\",\"seats\":{\"a\":[1,-2.5e3,true,false,null,"
                           "{\"b\":[]}],\"c\":\"d\"},\"note\":\"\",");
    expect_taken(json);
    free(json);
    json = page_with("\"total\":57", "\"total\":57,\"links\":{\"next\":\"/licenses?cursor=c2\"}");
    expect_taken(json);
    free(json);
    /* UTF-8 beyond ASCII is copied as it is. */
    json = page_with("Acme Studio", "Acme Stüdio \xe2\x9c\x93");
    expect_taken(json);
    free(json);
}
END_TEST

START_TEST(leaves_uncommon_forms_to_the_tree_reader)
{
    static const char *const changes[][2] = {
        {"Acme Studio", "Acme \\\"Studio\\\""},               /* an escape */
        {"Acme Studio", "Acme St\\u00fcdio"},                 /* a \u escape */
        {"\"max_activations\":5", "\"max_activations\":5.0"}, /* a fraction */
        {"\"max_activations\":5", "\"max_activations\":5e0"}, /* an exponent */
        {"\"activations_in_use\":3", "\"activations_in_use\":-0"},
        {"\"id\":\"lic_01\",", "\"id\":\"lic_01\",\"id\":\"lic_99\","}, /* a repeated name */
        {"\"total\":57", "\"total\":57,\"total\":58"},
        {"\"next_cursor\":\"c2\"", "\"next_cursor\":\"c2\",\"next_cursor\":\"c3\""},
        {"{\"id\":\"prod_1\",", "{\"id\":\"prod_1\",\"id\":\"prod_9\","},
        {"\"items\":", "\x0b\"items\":"}, /* a control byte cJSON passes over */
        {"\"total\":57", "\"total\":57,\"deep\":[[[[[[[[[[[[[[[[[[0]]]]]]]]]]]]]]]]]]"},
    };
    for (size_t i = 0; i < sizeof changes / sizeof changes[0]; i++) {
        char *json = page_with(changes[i][0], changes[i][1]);
        expect_left_to_the_tree(json);
        free(json);
    }
}
END_TEST

START_TEST(gives_up_on_every_refused_page)
{
    static const char *const changes[][2] = {
        {"\"max_activations\":5", "\"max_activations\":-5"},
        {"\"max_activations\":5", "\"max_activations\":9007199254740992"},
        {"\"max_activations\":5", "\"max_activations\":05"},
        {"\"max_activations\":5", "\"max_activations\":\"5\""},
        {"\"status\":\"active\"", "\"status\":\"lapsed\""},
        {"\"added_at\":\"2026-11-28T09:15:00Z\"", "\"added_at\":null"},
        {"\"added_at\":\"2026-11-28T09:15:00Z\"", "\"added_at\":\"yesterday\""},
        {"\"key_masked\":\"XXXX-XXXX-XXXX-7F3A\"", "\"key_masked\":null"},
        {"Acme Studio", "Acme \xff Studio"},
        {"Acme Studio", "Acme\tStudio"},
        {"\"next_cursor\":\"c2\"", "\"next_cursor\":2"},
        {"\"total\":57", "\"total\":null"},
        {"\"total\":57", "\"total\":57,\"x\":1.}"},
        {"\"total\":57", "\"total\":57,\"x\":tru"},
        {"\"total\":57", "\"total\":57,\"x\":nul}"},
        {"\"total\":57", "\"total\":57,"},
        {"[{\"id\"", "[7,{\"id\""},
        {"\"items\":[", "\"items\":{\"a\":["},
    };
    for (size_t i = 0; i < sizeof changes / sizeof changes[0]; i++) {
        char *json = page_with(changes[i][0], changes[i][1]);
        lp_license_page page;
        ck_assert_msg(!lp_pull_license_page(json, strlen(json), &page), "took %s", json);
        ck_assert(all_zero(&page, sizeof page));
        lp_error err;
        lp_error_clear(&err);
        ck_assert_int_eq(lp_parse_license_page(json, strlen(json), &page, &err), LP_ERR_PROTOCOL);
        free(json);
    }
    static const char *const whole[] = {"",
                                        "   ",
                                        "[]",
                                        "null",
                                        "{}",
                                        "{\"items\":[]}",
                                        "{\"total\":1}",
                                        "{\"items\":[],\"total\":0} x"};
    for (size_t i = 0; i < sizeof whole / sizeof whole[0]; i++) {
        lp_license_page page;
        ck_assert_msg(!lp_pull_license_page(whole[i], strlen(whole[i]), &page), "took %s",
                      whole[i]);
    }
}
END_TEST

/* Every body cut short is refused by the tree reader, so none may be taken. */
START_TEST(takes_no_page_cut_short)
{
    size_t len = strlen(license_page_json);
    for (size_t n = 0; n < len; n++)
        ck_assert_msg(!pull_agrees(license_page_json, n), "took the first %zu bytes", n);
    ck_assert(pull_agrees(license_page_json, len));
}
END_TEST

/* One byte changed, dropped or doubled anywhere: whatever the one-pass
 * reader takes, the tree reader reads alike. */
START_TEST(agrees_with_the_tree_reader_on_every_one_byte_edit)
{
    static const char bytes[] = "\"\\{}[],:0123456789-+.eEntfalsrux \t\n\x01\x7f\x80\xc3";
    size_t len = strlen(license_page_json);
    char *json = malloc(len + 2);
    ck_assert_ptr_nonnull(json);
    size_t taken = 0;
    for (size_t at = 0; at < len; at++) {
        for (size_t b = 0; b < sizeof bytes - 1; b++) {
            memcpy(json, license_page_json, len);
            json[at] = bytes[b];
            taken += pull_agrees(json, len);
        }
        memcpy(json, license_page_json, at);
        memcpy(json + at, license_page_json + at + 1, len - at - 1);
        taken += pull_agrees(json, len - 1);
        memcpy(json, license_page_json, at + 1);
        memcpy(json + at + 1, license_page_json + at, len - at);
        taken += pull_agrees(json, len + 1);
    }
    free(json);
    /* Many edits keep the page valid (another digit, another letter in a name). */
    ck_assert_uint_gt(taken, 100);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("json_pull");
    TCase *c = tcase_create("license_page");
    tcase_set_timeout(c, 120);
    tcase_add_test(c, reads_the_common_form_as_the_tree_reader_does);
    tcase_add_test(c, leaves_uncommon_forms_to_the_tree_reader);
    tcase_add_test(c, gives_up_on_every_refused_page);
    tcase_add_test(c, takes_no_page_cut_short);
    tcase_add_test(c, agrees_with_the_tree_reader_on_every_one_byte_edit);
    suite_add_tcase(s, c);
    return lp_run_suite(s);
}
