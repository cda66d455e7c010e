/* Page cursors: they round-trip, and any change, other key or other list makes them invalid. */
#include <stdlib.h>
#include <string.h>

#include "../suite_runner.h"
#include "server/cursor.h"

static const unsigned char key[LP_CURSOR_KEY_BYTES] = "0123456789abcdef0123456789abcde";
static const unsigned char other_key[LP_CURSOR_KEY_BYTES] = "fedcba9876543210fedcba987654321";

static struct lpd_cursor sample(void)
{
    struct lpd_cursor c = {.id = 4711};
    strcpy(c.scope, "lic:-added_at");
    strcpy(c.value, "1795857300");
    return c;
}

START_TEST(round_trips_scope_id_and_value)
{
    struct lpd_cursor in = sample();
    char *text = lpd_cursor_encode(&in, key);
    ck_assert_ptr_nonnull(text);
    struct lpd_cursor out;
    ck_assert(lpd_cursor_decode(text, key, "lic:-added_at", &out));
    ck_assert_str_eq(out.scope, "lic:-added_at");
    ck_assert_int_eq(out.id, 4711);
    ck_assert_str_eq(out.value, "1795857300");
    free(text);
}
END_TEST

START_TEST(round_trips_text_values_with_separators)
{
    struct lpd_cursor in = sample();
    strcpy(in.value, "Atlas Studio\nwith|odd;chars");
    char *text = lpd_cursor_encode(&in, key);
    struct lpd_cursor out;
    ck_assert(lpd_cursor_decode(text, key, "lic:-added_at", &out));
    ck_assert_str_eq(out.value, "Atlas Studio\nwith|odd;chars");
    free(text);
}
END_TEST

START_TEST(is_url_safe_text)
{
    struct lpd_cursor in = sample();
    char *text = lpd_cursor_encode(&in, key);
    ck_assert_uint_eq(strspn(text, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"), strlen(text));
    free(text);
}
END_TEST

START_TEST(rejects_every_single_character_change)
{
    struct lpd_cursor in = sample();
    char *text = lpd_cursor_encode(&in, key);
    size_t len = strlen(text);
    for (size_t i = 0; i < len; i++) {
        char saved = text[i];
        text[i] = saved == 'A' ? 'B' : 'A';
        struct lpd_cursor out;
        ck_assert_msg(!lpd_cursor_decode(text, key, "lic:-added_at", &out), "accepted change at %zu", i);
        text[i] = saved;
    }
    free(text);
}
END_TEST

START_TEST(rejects_a_cursor_made_with_another_key)
{
    struct lpd_cursor in = sample();
    char *text = lpd_cursor_encode(&in, other_key);
    struct lpd_cursor out;
    ck_assert(!lpd_cursor_decode(text, key, "lic:-added_at", &out));
    free(text);
}
END_TEST

START_TEST(rejects_a_cursor_of_another_list_or_order)
{
    struct lpd_cursor in = sample();
    char *text = lpd_cursor_encode(&in, key);
    struct lpd_cursor out;
    ck_assert(!lpd_cursor_decode(text, key, "lic:added_at", &out));
    ck_assert(!lpd_cursor_decode(text, key, "act:-activated_at", &out));
    free(text);
}
END_TEST

START_TEST(rejects_truncated_and_garbage_text)
{
    struct lpd_cursor in = sample();
    char *text = lpd_cursor_encode(&in, key);
    text[strlen(text) - 3] = '\0';
    struct lpd_cursor out;
    ck_assert(!lpd_cursor_decode(text, key, "lic:-added_at", &out));
    ck_assert(!lpd_cursor_decode("", key, "lic:-added_at", &out));
    ck_assert(!lpd_cursor_decode("not a cursor!", key, "lic:-added_at", &out));
    ck_assert(!lpd_cursor_decode("AAAA", key, "lic:-added_at", &out));
    ck_assert(!lpd_cursor_decode(NULL, key, "lic:-added_at", &out));
    free(text);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("cursor");
    TCase *tc = tcase_create("cursor");
    tcase_add_test(tc, round_trips_scope_id_and_value);
    tcase_add_test(tc, round_trips_text_values_with_separators);
    tcase_add_test(tc, is_url_safe_text);
    tcase_add_test(tc, rejects_every_single_character_change);
    tcase_add_test(tc, rejects_a_cursor_made_with_another_key);
    tcase_add_test(tc, rejects_a_cursor_of_another_list_or_order);
    tcase_add_test(tc, rejects_truncated_and_garbage_text);
    suite_add_tcase(s, tc);
    return lp_run_suite(s);
}
