/* The growable buffer: appends, formats, its limit, sticky failure, hand-over. */
#include "licportal/buffer.h"

#include <stdlib.h>
#include <string.h>

#include "../../suite_runner.h"

START_TEST(appends_and_formats_into_one_string)
{
    lp_buffer b;
    lp_buffer_init(&b, 0);
    ck_assert_str_eq(lp_buffer_text(&b), "");
    ck_assert(lp_buffer_add_str(&b, "licenses: "));
    ck_assert(lp_buffer_printf(&b, "%d of %s", 3, "5"));
    ck_assert(lp_buffer_add(&b, "!!", 1));
    ck_assert_str_eq(lp_buffer_text(&b), "licenses: 3 of 5!");
    ck_assert_uint_eq(b.len, strlen("licenses: 3 of 5!"));
    char *text = lp_buffer_take(&b);
    ck_assert_str_eq(text, "licenses: 3 of 5!");
    ck_assert_uint_eq(b.len, 0);
    free(text);
}
END_TEST

START_TEST(grows_past_many_doublings)
{
    lp_buffer b;
    lp_buffer_init(&b, 0);
    for (int i = 0; i < 100000; i++)
        ck_assert(lp_buffer_add(&b, "0123456789", 10));
    ck_assert_uint_eq(b.len, 1000000);
    ck_assert_uint_eq(strlen(lp_buffer_text(&b)), 1000000);
    lp_buffer_free(&b, true);
    ck_assert_ptr_null(b.data);
}
END_TEST

START_TEST(the_limit_fails_it_for_good)
{
    lp_buffer b;
    lp_buffer_init(&b, 8);
    ck_assert(lp_buffer_add_str(&b, "12345678"));
    ck_assert(!lp_buffer_add_str(&b, "9"));
    ck_assert(b.failed && b.too_big);
    ck_assert_str_eq(lp_buffer_text(&b), "12345678"); /* nothing of the refused add */
    ck_assert(!lp_buffer_add_str(&b, ""));
    ck_assert(!lp_buffer_printf(&b, "%s", "x"));
    ck_assert_ptr_null(lp_buffer_take(&b));
    /* Taken, it is empty and usable again, with the same limit. */
    ck_assert(lp_buffer_printf(&b, "%s", "abc"));
    ck_assert(!lp_buffer_printf(&b, "%s", "defghi"));
    lp_buffer_free(&b, false);
}
END_TEST

START_TEST(an_empty_buffer_hands_over_an_empty_string)
{
    lp_buffer b;
    lp_buffer_init(&b, 0);
    char *text = lp_buffer_take(&b);
    ck_assert_ptr_nonnull(text);
    ck_assert_str_eq(text, "");
    free(text);
    lp_buffer_free(&b, false);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("buffer");
    TCase *tc = tcase_create("buffer");
    tcase_add_test(tc, appends_and_formats_into_one_string);
    tcase_add_test(tc, grows_past_many_doublings);
    tcase_add_test(tc, the_limit_fails_it_for_good);
    tcase_add_test(tc, an_empty_buffer_hands_over_an_empty_string);
    suite_add_tcase(s, tc);
    return lp_run_suite(s);
}
