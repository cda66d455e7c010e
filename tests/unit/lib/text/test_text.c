/* The text module: UTF-8 both ways, which code points are unsafe, column widths. */
#include "licportal/text.h"

#include <locale.h>
#include <string.h>

#include "../../suite_runner.h"

START_TEST(decode_and_encode_round_trip_every_length)
{
    const uint32_t points[] = {0x41, 0xE9, 0x20AC, 0x1F600, 0x10FFFF};
    const size_t lengths[] = {1, 2, 3, 4, 4};
    for (size_t i = 0; i < sizeof points / sizeof points[0]; i++) {
        char bytes[4];
        size_t n = lp_utf8_encode(points[i], bytes);
        ck_assert_uint_eq(n, lengths[i]);
        uint32_t back;
        ck_assert_uint_eq(lp_utf8_decode((const unsigned char *)bytes, n, &back), n);
        ck_assert_uint_eq(back, points[i]);
    }
}
END_TEST

START_TEST(overlongs_surrogates_and_truncation_are_invalid)
{
    const char *bad[] = {"\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xe2\x82", "\xff"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        uint32_t cp;
        lp_utf8_decode((const unsigned char *)bad[i], strlen(bad[i]), &cp);
        ck_assert_uint_eq(cp, LP_UTF8_INVALID);
        ck_assert(!lp_utf8_valid(bad[i], strlen(bad[i])));
    }
}
END_TEST

START_TEST(format_characters_are_hidden)
{
    const uint32_t hidden[] = {0x00AD, 0x061C, 0x115F,  0x1160,  0x180E,  0x200B, 0x200E, 0x200F,
                               0x202A, 0x202E, 0x2060,  0x2066,  0x2069,  0x206F, 0x3164, 0xFEFF,
                               0xFFA0, 0xFFF9, 0x1D173, 0xE0001, 0xE0041, 0xE007F};
    for (size_t i = 0; i < sizeof hidden / sizeof hidden[0]; i++) {
        ck_assert_msg(lp_code_point_kind_of(hidden[i]) == LP_CP_HIDDEN, "U+%04X",
                      (unsigned)hidden[i]);
        ck_assert(lp_code_point_unsafe(hidden[i]));
    }
}
END_TEST

START_TEST(controls_and_spaces_are_told_apart)
{
    ck_assert_int_eq(lp_code_point_kind_of(0x1B), LP_CP_CONTROL);
    ck_assert_int_eq(lp_code_point_kind_of(0x7F), LP_CP_CONTROL);
    ck_assert_int_eq(lp_code_point_kind_of(0x85), LP_CP_CONTROL);
    ck_assert_int_eq(lp_code_point_kind_of(0x9B), LP_CP_CONTROL);
    ck_assert_int_eq(lp_code_point_kind_of('\n'), LP_CP_SPACE);
    ck_assert_int_eq(lp_code_point_kind_of('\t'), LP_CP_SPACE);
    ck_assert_int_eq(lp_code_point_kind_of(0x2028), LP_CP_SPACE);
}
END_TEST

START_TEST(letters_joiners_and_emoji_are_printable)
{
    const uint32_t fine[] = {'a',    ' ',    0xE9,   0x05D0, 0x0627,
                             0x4E2D, 0x200C, 0x200D, 0xFE0F, 0x1F600};
    for (size_t i = 0; i < sizeof fine / sizeof fine[0]; i++)
        ck_assert_msg(!lp_code_point_unsafe(fine[i]), "U+%04X", (unsigned)fine[i]);
}
END_TEST

START_TEST(printable_text_has_nothing_unsafe_nor_invalid)
{
    ck_assert(lp_text_is_printable("release-4.2.0.tar.gz"));
    ck_assert(lp_text_is_printable("Gr\xc3\xbc\xc3\x9f"
                                   "e \xe6\x97\xa5"));
    ck_assert(!lp_text_is_printable("\xe2\x80\xae"
                                    "exe.txt"));
    ck_assert(!lp_text_is_printable("a\xe2\x80\x8b"
                                    "b"));
    ck_assert(!lp_text_is_printable("tab\there"));
    ck_assert(!lp_text_is_printable("bad\xff"));
    ck_assert(!lp_text_is_printable(NULL));
}
END_TEST

START_TEST(widths_of_single_code_points)
{
    setlocale(LC_CTYPE, "C");
    ck_assert_int_eq(lp_code_point_width('a'), 1);
    ck_assert_int_eq(lp_code_point_width(0x4E2D), 2);
    ck_assert_int_eq(lp_code_point_width(0x0301), 0);
    ck_assert_uint_eq(lp_text_width("a\xe4\xb8\xad"), 3);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("text");
    TCase *tc = tcase_create("text");
    tcase_add_test(tc, decode_and_encode_round_trip_every_length);
    tcase_add_test(tc, overlongs_surrogates_and_truncation_are_invalid);
    tcase_add_test(tc, format_characters_are_hidden);
    tcase_add_test(tc, controls_and_spaces_are_told_apart);
    tcase_add_test(tc, letters_joiners_and_emoji_are_printable);
    tcase_add_test(tc, printable_text_has_nothing_unsafe_nor_invalid);
    tcase_add_test(tc, widths_of_single_code_points);
    suite_add_tcase(s, tc);
    return lp_run_suite(s);
}
