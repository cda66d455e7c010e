/* The arena JSON parser against cJSON: the same trees, the same refusals, and where it is stricter. */
#include "lib/model/json_doc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../suite_runner.h"
#include "licportal/json_map.h"

static void expect_same_tree(const cJSON *a, const cJSON *b, const char *text)
{
    for (; a || b; a = a->next, b = b->next) {
        ck_assert_msg(a && b, "different number of members in %s", text);
        ck_assert_int_eq(a->type, b->type);
        ck_assert_msg((a->string == NULL) == (b->string == NULL), "key presence in %s", text);
        if (a->string)
            ck_assert_str_eq(a->string, b->string);
        ck_assert_msg((a->valuestring == NULL) == (b->valuestring == NULL), "value in %s", text);
        if (a->valuestring)
            ck_assert_str_eq(a->valuestring, b->valuestring);
        ck_assert_msg(memcmp(&a->valuedouble, &b->valuedouble, sizeof(double)) == 0,
                      "number %.17g against %.17g in %s", a->valuedouble, b->valuedouble, text);
        ck_assert_int_eq(a->valueint, b->valueint);
        /* cJSON links the first child's prev to the last child. */
        if (b->child) {
            const cJSON *last = b->child;
            while (last->next)
                last = last->next;
            ck_assert_ptr_eq(b->child->prev, last);
        }
        expect_same_tree(a->child, b->child, text);
        if (!a->next && !b->next)
            break;
        ck_assert_msg(a->next && b->next, "different number of members in %s", text);
    }
}

/* Both accept `text` (len bytes) with the same tree and end, or both refuse it. */
static void expect_as_cjson(const char *text, size_t len)
{
    const char *cjson_end = NULL, *doc_end = NULL;
    cJSON *expected = cJSON_ParseWithLengthOpts(text, len, &cjson_end, 0);
    bool out_of_memory;
    lp_json_doc *doc = lp_json_doc_parse(text, len, &doc_end, &out_of_memory);
    ck_assert(!out_of_memory);
    ck_assert_msg((expected == NULL) == (doc == NULL), "%s: cJSON %s, the parser %s", text,
                  expected ? "accepts" : "refuses", doc ? "accepts" : "refuses");
    if (expected) {
        ck_assert_int_eq(doc_end - text, cjson_end - text);
        const cJSON *root = lp_json_doc_root(doc);
        ck_assert_ptr_null(root->next);
        expect_same_tree(expected, root, text);
    }
    cJSON_Delete(expected);
    lp_json_doc_free(doc);
}

#define AS_CJSON(text) expect_as_cjson((text), sizeof(text) - 1)

START_TEST(builds_the_tree_cjson_builds)
{
    AS_CJSON("{}");
    AS_CJSON("[]");
    AS_CJSON("{\"a\":1,\"b\":[true,false,null],\"c\":{\"d\":\"e\"},\"\":\"\"}");
    AS_CJSON("{\"items\":[{\"id\":\"lic_1\",\"n\":[[],[{}],[[1]]]}],\"next_cursor\":null}");
    AS_CJSON("[0,-0,1,-1,123456789012345,1234567890123456,9007199254740993,1.5,-2.25e3,1E+2,"
             "1e-2,0.1,1e400,-1e400,2147483647,2147483648,-2147483648,-2147483649]");
    AS_CJSON("[\"\\\"\\\\\\/\\b\\f\\n\\r\\t\",\"\\u00e9\\u20AC\\ud83d\\ude00\",\"x\\u0041y\"]");
    AS_CJSON("[\"J\xC3\xBCrgen\",\"\xE5\xB1\xB1\",\"caf\\u00e9 \xF0\x9F\x98\x80\"]");
    /* Duplicate names are kept in order: lookups find the first. */
    AS_CJSON("{\"a\":1,\"a\":2}");
    /* cJSON's whitespace is every byte up to space; a byte order mark may lead. */
    AS_CJSON(" \t\r\n{ \"a\" : [ 1 , 2 ] } ");
    AS_CJSON("{\x01\"a\"\x02:\x1f" "1}");
    AS_CJSON("\xEF\xBB\xBF{\"a\":1}");
    /* Text after the value is left for the caller, at the same place. */
    AS_CJSON("{\"a\":1} trailing");
    AS_CJSON("{\"a\":1}{");
    AS_CJSON("nullx");
    AS_CJSON("\"top\"");
    AS_CJSON("12 ");
    /* Strings with every 8-byte alignment of the quote. */
    for (int n = 0; n < 20; n++) {
        char text[64];
        int len = snprintf(text, sizeof text, "[\"%.*s\",\"%.*s\\n\"]", n, "abcdefghijklmnopqrstu",
                           n, "ABCDEFGHIJKLMNOPQRSTU");
        expect_as_cjson(text, (size_t)len);
    }
}
END_TEST

START_TEST(refuses_what_cjson_refuses)
{
    static const char *bad[] = {
        "",          " ",          "{",           "}",          "[1,]",        "{\"a\":1,}",
        "{\"a\" 1}", "{a:1}",      "{\"a\":}",    "[1 2]",      "nul",         "tru",
        "fals",      "\"open",     "\"a\\",       "\"\\x\"",    "\"\\ud800\"", "\"\\udc00\"",
        "\"\\ud800\\u0041\"", "\"\\u12\"", "[-]",  "+1",        ".5",          "[1e]",
        "[1e+]",     "[-a]",       "{\"a\":1]",   "[1}",        "{\"a\":tru}", "[\"a\":1]",
        "\xEF\xBB\xBF",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        expect_as_cjson(bad[i], strlen(bad[i]));
}
END_TEST

/* Refused by the parser, read by cJSON: before, the shape scan refused all
 * of these ahead of cJSON; \u00ZZ slipped past both as a NUL that cut the
 * string short. */
START_TEST(is_stricter_than_cjson_where_cjson_is_lenient)
{
    static const char *lenient[] = {
        "[\"a\x01z\"]",                 /* control character in a string */
        "[\"a\\u0000b\"]",              /* escaped NUL */
        "[\"id\\u00ZZadmin\"]",         /* not hexadecimal */
        "[01]",                         /* numbers outside the JSON grammar */
        "[1.]",
        "[1.e5]",
        "[1234567890123456789012345678901234567890123456789012345678901234]", /* > 63 chars */
    };
    for (size_t i = 0; i < sizeof lenient / sizeof lenient[0]; i++) {
        size_t len = strlen(lenient[i]);
        cJSON *c = cJSON_ParseWithLength(lenient[i], len);
        ck_assert_msg(c != NULL, "cJSON refuses %s", lenient[i]);
        cJSON_Delete(c);
        bool out_of_memory;
        lp_json_doc *doc = lp_json_doc_parse(lenient[i], len, NULL, &out_of_memory);
        ck_assert_msg(doc == NULL, "the parser accepts %s", lenient[i]);
        ck_assert(!out_of_memory);
    }
    /* 63 characters is still a number. */
    AS_CJSON("[123456789012345678901234567890123456789012345678901234567890123]");
}
END_TEST

START_TEST(refuses_nesting_past_the_limit_without_recursing_into_it)
{
    char text[2 * (LP_JSON_MAX_DEPTH + 1) + 1];
    for (int depth = LP_JSON_MAX_DEPTH; depth <= LP_JSON_MAX_DEPTH + 1; depth++) {
        memset(text, '[', (size_t)depth);
        memset(text + depth, ']', (size_t)depth);
        bool out_of_memory;
        lp_json_doc *doc = lp_json_doc_parse(text, 2 * (size_t)depth, NULL, &out_of_memory);
        ck_assert_msg((doc != NULL) == (depth <= LP_JSON_MAX_DEPTH), "depth %d", depth);
        lp_json_doc_free(doc);
    }
    size_t len = 1000000;
    char *deep = malloc(len);
    memset(deep, '[', len);
    bool out_of_memory;
    ck_assert_ptr_null(lp_json_doc_parse(deep, len, NULL, &out_of_memory));
    free(deep);
}
END_TEST

/* A body whose tree outgrows the first block: more blocks, the same tree. */
START_TEST(large_bodies_spread_over_several_blocks)
{
    size_t count = 200000, cap = count * 24 + 64, len = 0;
    char *text = malloc(cap);
    text[len++] = '[';
    for (size_t i = 0; i < count; i++)
        len += (size_t)snprintf(text + len, cap - len, "%s{\"k\":%zu,\"s\":\"v%zu\"}",
                                i ? "," : "", i, i % 97);
    text[len++] = ']';
    expect_as_cjson(text, len);
    free(text);
}
END_TEST

START_TEST(free_accepts_null_and_root_of_null_is_null)
{
    lp_json_doc_free(NULL);
    ck_assert_ptr_null(lp_json_doc_root(NULL));
    bool out_of_memory = true;
    ck_assert_ptr_null(lp_json_doc_parse(NULL, 3, NULL, &out_of_memory));
    ck_assert(!out_of_memory);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("json_doc");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, builds_the_tree_cjson_builds);
    tcase_add_test(tc, refuses_what_cjson_refuses);
    tcase_add_test(tc, is_stricter_than_cjson_where_cjson_is_lenient);
    tcase_add_test(tc, refuses_nesting_past_the_limit_without_recursing_into_it);
    tcase_add_test(tc, large_bodies_spread_over_several_blocks);
    tcase_add_test(tc, free_accepts_null_and_root_of_null_is_null);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return lp_run_suite(suite());
}
