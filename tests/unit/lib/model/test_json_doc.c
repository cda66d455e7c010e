/* JSON documents in an arena: the trees and refusals of cJSON, the stricter rules, cJSON besides. */
#include "lib/model/json_doc.h"

#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../suite_runner.h"
#include "lib/model/json_map.h"

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

/* cJSON with its own allocator and the document both accept `text` (len
 * bytes) with the same tree and end, or both refuse it. */
static void expect_as_cjson(const char *text, size_t len)
{
    const char *cjson_end = NULL, *doc_end = NULL;
    cJSON *expected = cJSON_ParseWithLengthOpts(text, len, &cjson_end, 0);
    bool out_of_memory;
    lp_json_doc *doc = lp_json_doc_parse(text, len, &doc_end, &out_of_memory);
    ck_assert(!out_of_memory);
    ck_assert_msg((expected == NULL) == (doc == NULL), "%s: cJSON %s, the document %s", text,
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
    AS_CJSON("{\x01\"a\"\x02:\x1f"
             "1}");
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
        "",
        " ",
        "{",
        "}",
        "[1,]",
        "{\"a\":1,}",
        "{\"a\" 1}",
        "{a:1}",
        "{\"a\":}",
        "[1 2]",
        "nul",
        "tru",
        "fals",
        "\"open",
        "\"a\\",
        "\"\\x\"",
        "\"\\ud800\"",
        "\"\\udc00\"",
        "\"\\ud800\\u0041\"",
        "\"\\u12\"",
        "[-]",
        "+1",
        ".5",
        "[1e]",
        "[1e+]",
        "[-a]",
        "{\"a\":1]",
        "[1}",
        "{\"a\":tru}",
        "[\"a\":1]",
        "\xEF\xBB\xBF",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        expect_as_cjson(bad[i], strlen(bad[i]));
}
END_TEST

/* Read by cJSON, refused by the document: the shape scan runs ahead of
 * cJSON; \u00ZZ would reach a caller as a NUL that cut the string short. */
START_TEST(is_stricter_than_cjson_where_cjson_is_lenient)
{
    static const char *lenient[] = {
        "[\"a\x01z\"]",         /* control character in a string */
        "[\"a\\u0000b\"]",      /* escaped NUL */
        "[\"id\\u00ZZadmin\"]", /* not hexadecimal */
        "[\"a\\u0Z41\"]",       /* nor here */
        "[01]",                 /* numbers outside the JSON grammar */
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
        ck_assert_msg(doc == NULL, "the document accepts %s", lenient[i]);
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
        len += (size_t)snprintf(text + len, cap - len, "%s{\"k\":%zu,\"s\":\"v%zu\"}", i ? "," : "",
                                i, i % 97);
    text[len++] = ']';
    expect_as_cjson(text, len);
    free(text);
}
END_TEST

/* The rules hold for the value only: text after it is the caller's, and a
 * value that ends before a problem there is read whole. */
START_TEST(reads_a_value_that_ends_before_a_problem_after_it)
{
    static const char *const texts[] = {
        "{\"a\":1} \"\x01\"",
        "{\"a\":1} \"\\u00ZZ\"",
        "{\"a\":1} 01",
        "[1]+1",
        "{\"a\":[2]} [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
    };
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        const char *end = NULL;
        bool out_of_memory;
        lp_json_doc *doc = lp_json_doc_parse(texts[i], strlen(texts[i]), &end, &out_of_memory);
        ck_assert_msg(doc != NULL, "refused %s", texts[i]);
        ck_assert_ptr_eq(end, strchr(texts[i], texts[i][0] == '{' ? '}' : ']') + 1);
        const cJSON *root = lp_json_doc_root(doc);
        ck_assert(cJSON_IsObject(root) || cJSON_IsArray(root));
        ck_assert_ptr_nonnull(root->child);
        lp_json_doc_free(doc);
    }
}
END_TEST

/* Builds and prints a tree with cJSON's own calls, reads the print back and
 * frees both: what code outside the documents does with cJSON. Long enough
 * that printing grows its buffer, which cJSON does without realloc once
 * hooks are set. */
static void use_cjson_elsewhere(int round)
{
    cJSON *object = cJSON_CreateObject();
    ck_assert_ptr_nonnull(object);
    char name[32], value[600];
    for (int i = 0; i < 40; i++) {
        snprintf(name, sizeof name, "field_%d_%d", round, i);
        memset(value, 'a' + i % 26, sizeof value - 1);
        value[sizeof value - 1] = '\0';
        ck_assert_ptr_nonnull(cJSON_AddStringToObject(object, name, value));
        snprintf(name, sizeof name, "count_%d_%d", round, i);
        ck_assert_ptr_nonnull(cJSON_AddNumberToObject(object, name, i));
    }
    char *printed = cJSON_PrintUnformatted(object);
    ck_assert_ptr_nonnull(printed);
    ck_assert_uint_gt(strlen(printed), 40 * 600);
    cJSON *back = cJSON_Parse(printed);
    ck_assert_ptr_nonnull(back);
    ck_assert(cJSON_Compare(object, back, true));
    char *formatted = cJSON_Print(back);
    ck_assert_ptr_nonnull(formatted);
    cJSON_free(formatted);
    cJSON_free(printed);
    cJSON_Delete(back);
    cJSON_Delete(object);
}

static const char page_text[] = "{\"items\":[{\"id\":\"lic_1\",\"n\":[1,2,3]},{\"id\":\"lic_2\"}],"
                                "\"next_cursor\":\"c2\",\"total\":2}";

static void parse_page_text(void)
{
    bool out_of_memory;
    lp_json_doc *doc = lp_json_doc_parse(page_text, sizeof page_text - 1, NULL, &out_of_memory);
    ck_assert_ptr_nonnull(doc);
    const cJSON *total = cJSON_GetObjectItemCaseSensitive(lp_json_doc_root(doc), "total");
    ck_assert(cJSON_IsNumber(total) && total->valuedouble == 2);
    lp_json_doc_free(doc);
}

/* Once a document has been parsed cJSON's hooks are the document's; trees
 * made, printed and freed outside a parse still come from malloc and go
 * back to it (AddressSanitizer and valgrind would report a mismatch). */
START_TEST(cjson_outside_a_document_keeps_working)
{
    parse_page_text();
    for (int round = 0; round < 3; round++) {
        use_cjson_elsewhere(round);
        parse_page_text();
    }
}
END_TEST

static void *parse_pages(void *arg)
{
    (void)arg;
    for (int i = 0; i < 300; i++)
        parse_page_text();
    return NULL;
}

/* The arena a parse draws from is its own thread's: cJSON used by another
 * thread meanwhile keeps allocating from malloc, and its frees are real. */
START_TEST(cjson_on_another_thread_is_untouched_by_a_parse)
{
    pthread_t parser;
    ck_assert_int_eq(pthread_create(&parser, NULL, parse_pages, NULL), 0);
    for (int round = 0; round < 60; round++)
        use_cjson_elsewhere(round);
    ck_assert_int_eq(pthread_join(parser, NULL), 0);
}
END_TEST

#if defined(__SANITIZE_ADDRESS__)
#define TEST_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define TEST_ASAN 1
#endif
#endif

#ifdef TEST_ASAN
#include <sanitizer/asan_interface.h>

/* Nodes and strings share blocks, so the bytes after each are poisoned for
 * AddressSanitizer to see an overrun inside a block. */
START_TEST(overruns_inside_the_arena_stay_visible_to_address_sanitizer)
{
    bool out_of_memory;
    lp_json_doc *doc = lp_json_doc_parse(page_text, sizeof page_text - 1, NULL, &out_of_memory);
    ck_assert_ptr_nonnull(doc);
    const cJSON *cursor = cJSON_GetObjectItemCaseSensitive(lp_json_doc_root(doc), "next_cursor");
    const char *text = cursor->valuestring;
    /* cJSON may ask for a byte or two more than the string needs; the
     * poisoned bytes start right after what it asked for. */
    const char *poisoned = __asan_region_is_poisoned((void *)(uintptr_t)text, strlen(text) + 17);
    bool seen = poisoned != NULL && poisoned > text + strlen(text) &&
                poisoned < text + strlen(text) + 8;
    bool node = __asan_address_is_poisoned((const char *)cursor + sizeof *cursor);
    lp_json_doc_free(doc);
    ck_assert(seen);
    ck_assert(node);
}
END_TEST
#endif

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
    tcase_add_test(tc, reads_a_value_that_ends_before_a_problem_after_it);
    tcase_add_test(tc, cjson_outside_a_document_keeps_working);
    tcase_add_test(tc, cjson_on_another_thread_is_untouched_by_a_parse);
#ifdef TEST_ASAN
    tcase_add_test(tc, overruns_inside_the_arena_stay_visible_to_address_sanitizer);
#endif
    tcase_add_test(tc, free_accepts_null_and_root_of_null_is_null);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return lp_run_suite(suite());
}
