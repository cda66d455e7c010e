/* The sanitiser: every kind of control, escape and hidden character, and invalid UTF-8. */
#include "licportal/sanitize.h"

#include <stdlib.h>
#include <string.h>

#include "../../suite_runner.h"
#include "lib/text/utf8.h"

static void expect_clean(const char *input, size_t len, const char *expected)
{
    char *out = lp_sanitize(input, len);
    ck_assert_ptr_nonnull(out);
    ck_assert_msg(strcmp(out, expected) == 0, "got \"%s\", expected \"%s\"", out, expected);
    ck_assert(lp_utf8_valid(out, strlen(out)));
    free(out);
}

#define CLEAN(input, expected) expect_clean((input), sizeof(input) - 1, (expected))

START_TEST(keeps_plain_and_multibyte_text_untouched)
{
    CLEAN("Acme Studio 4.2 (x86_64)", "Acme Studio 4.2 (x86_64)");
    CLEAN("J\xC3\xBCrgen \xE5\xB1\xB1\xE7\x94\xB0 \xF0\x9F\x98\x80 caf\x65\xCC\x81",
          "J\xC3\xBCrgen \xE5\xB1\xB1\xE7\x94\xB0 \xF0\x9F\x98\x80 caf\x65\xCC\x81");
    /* ZWJ stays: emoji sequences and scripts need it. */
    CLEAN("\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB",
          "\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB");
}
END_TEST

/* Printable ASCII is copied without the per-character pass; anything else,
 * wherever it sits in the text, still goes through it. */
START_TEST(copies_printable_ascii_and_cleans_what_follows_it)
{
    char all[0x7F - 0x20 + 1];
    for (int c = 0x20; c < 0x7F; c++)
        all[c - 0x20] = (char)c;
    all[sizeof all - 1] = '\0';
    expect_clean(all, sizeof all - 1, all);
    for (int c = 0; c < 0x20; c++) {
        char text[] = "a long plain run of text X";
        text[sizeof text - 2] = (char)c;
        bool space = c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
        expect_clean(text, sizeof text - 1,
                     space ? "a long plain run of text  " : "a long plain run of text ");
    }
    CLEAN("plain text\x7F", "plain text");
    CLEAN("plain text\x1b[2J", "plain text");
    CLEAN("plain text \xC3\xA9", "plain text \xC3\xA9");
    /* Only `len` bytes count, on the fast path too. */
    char *cut = lp_sanitize("abcdef", 3);
    ck_assert_str_eq(cut, "abc");
    free(cut);
}
END_TEST

START_TEST(turns_tab_and_newlines_into_one_space_each)
{
    CLEAN("a\tb\nc\r\nd\re", "a b c d e");
    CLEAN("line\xE2\x80\xA8next", "line next");
}
END_TEST

START_TEST(drops_other_c0_controls_and_del)
{
    CLEAN("a\x01\x07\x08z\x7F!", "az!");
    expect_clean("a\0b", 3, "ab");
}
END_TEST

START_TEST(removes_csi_sequences_whole)
{
    CLEAN("\x1b[31mred\x1b[0m", "red");
    CLEAN("x\x1b[2J\x1b[1;1Hy", "xy");
    CLEAN("\x1b[?1049h\x1b[38;2;255;0;0mz", "z");
    /* A sequence broken by a control byte ends there. */
    CLEAN("\x1b[12\nok", " ok");
    CLEAN("cut\x1b[1;2", "cut");
}
END_TEST

START_TEST(removes_osc_ended_by_bel_or_st)
{
    CLEAN("a\x1b]0;owned title\x07z", "az");
    CLEAN("a\x1b]8;;https://evil.example/\x1b\\link\x1b]8;;\x1b\\z", "alinkz");
    CLEAN("a\x1b]52;c;ZXZpbA==\x07z", "az");
    /* Unterminated: the rest would be swallowed by a terminal too. */
    CLEAN("a\x1b]0;never ends", "a");
}
END_TEST

START_TEST(removes_dcs_sos_pm_apc_strings)
{
    CLEAN("a\x1bPq#0;2;0;0;0\x1b\\z", "az");
    CLEAN("a\x1bXsos\x1b\\z", "az");
    CLEAN("a\x1b^pm\x1b\\z", "az");
    CLEAN("a\x1b_apc\x1b\\z", "az");
    /* BEL does not end a DCS. */
    CLEAN("a\x1bPx\x07y\x1b\\z", "az");
}
END_TEST

START_TEST(removes_two_byte_and_charset_escapes)
{
    CLEAN("a\x1b"
          "7b\x1b"
          "8c\x1b"
          "cd\x1b=e",
          "abcde");
    CLEAN("a\x1b(0qqq\x1b(Bz", "aqqqz");
    CLEAN("end\x1b", "end");
}
END_TEST

START_TEST(removes_c1_controls_in_utf8_form)
{
    /* U+009B is CSI: its parameters go with it. */
    CLEAN("a\xC2\x9B"
          "31mred",
          "ared");
    /* U+009D is OSC, ended by U+009C (ST). */
    CLEAN("a\xC2\x9D"
          "0;title\xC2\x9Cz",
          "az");
    CLEAN("a\xC2\x85z\xC2\x80\xC2\x99!", "az!");
    /* U+009F is APC: a string up to ST. */
    CLEAN("a\xC2\x9F"
          "apc\x1b\\z",
          "az");
}
END_TEST

START_TEST(replaces_raw_c1_bytes_as_invalid_utf8)
{
    CLEAN("a\x9b"
          "31mz",
          "a\xEF\xBF\xBD"
          "31mz");
}
END_TEST

START_TEST(removes_bidi_controls)
{
    CLEAN("a\xE2\x80\xAE"
          "cba\xE2\x80\xAC"
          "z",
          "acbaz");                                                    /* RLO ... PDF */
    CLEAN("a\xE2\x80\xAA\xE2\x80\xAB\xE2\x80\xADz", "az");             /* LRE RLE LRO */
    CLEAN("a\xE2\x81\xA6\xE2\x81\xA7\xE2\x81\xA8\xE2\x81\xA9z", "az"); /* isolates */
    CLEAN("a\xE2\x80\x8E\xE2\x80\x8Fz", "az");                         /* LRM RLM */
    CLEAN("a\xD8\x9Cz", "az");                                         /* ALM */
}
END_TEST

START_TEST(removes_invisible_format_characters)
{
    CLEAN("pay\xE2\x80\x8Bpal", "paypal"); /* zero width space */
    CLEAN("a\xEF\xBB\xBFz", "az");         /* BOM */
    CLEAN("a\xE2\x81\xA0z", "az");         /* word joiner */
    CLEAN("a\xC2\xADz", "az");             /* soft hyphen */
    CLEAN("a\xF3\xA0\x81\x81z", "az");     /* tag character */
    CLEAN("a\xE3\x85\xA4z", "az");         /* Hangul filler */
}
END_TEST

START_TEST(replaces_invalid_utf8_variants)
{
    CLEAN("a\xC0\xAFz", "a\xEF\xBF\xBD\xEF\xBF\xBDz"); /* overlong: two bad bytes */
    CLEAN("a\xE0\x80\xAFz", "a\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBDz");
    CLEAN("a\xED\xA0\x80z", "a\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBDz"); /* surrogate */
    CLEAN("a\xF4\x90\x80\x80z",
          "a\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBDz"); /* > U+10FFFF */
    CLEAN("a\xE2\x82z", "a\xEF\xBF\xBDz");                       /* truncated: one U+FFFD */
    CLEAN("end\xF0\x9F\x98", "end\xEF\xBF\xBD");
    CLEAN("\xFF\xFE", "\xEF\xBF\xBD\xEF\xBF\xBD");
}
END_TEST

START_TEST(output_is_valid_utf8_for_every_byte_pair)
{
    char in[4];
    for (int a = 0; a < 256; a++) {
        for (int b = 0; b < 256; b++) {
            in[0] = (char)a;
            in[1] = (char)b;
            in[2] = (char)0xE2;
            in[3] = (char)0x82;
            char *out = lp_sanitize(in, sizeof in);
            ck_assert_ptr_nonnull(out);
            ck_assert(lp_utf8_valid(out, strlen(out)));
            for (const char *p = out; *p; p++)
                ck_assert((unsigned char)*p >= 0x20 && *p != 0x7F);
            free(out);
        }
    }
}
END_TEST

START_TEST(null_gives_empty_string)
{
    char *out = lp_sanitize(NULL, 5);
    ck_assert_str_eq(out, "");
    free(out);
    out = lp_sanitize_str(NULL);
    ck_assert_str_eq(out, "");
    free(out);
    out = lp_sanitize_str("ok\x1b[1m!");
    ck_assert_str_eq(out, "ok!");
    free(out);
}
END_TEST

START_TEST(into_truncates_at_a_character_boundary)
{
    char buf[6];
    lp_sanitize_into("ab\xE5\xB1\xB1\xE7\x94\xB0", buf, sizeof buf);
    ck_assert_str_eq(buf, "ab\xE5\xB1\xB1");
    char tiny[3];
    lp_sanitize_into("\xE5\xB1\xB1", tiny, sizeof tiny);
    ck_assert_str_eq(tiny, "");
    char one[1] = {'x'};
    lp_sanitize_into("abc", one, sizeof one);
    ck_assert_str_eq(one, "");
    char big[32];
    lp_sanitize_into("\x1b]0;t\x07ok\tyes", big, sizeof big);
    ck_assert_str_eq(big, "ok yes");
    lp_sanitize_into(NULL, big, sizeof big);
    ck_assert_str_eq(big, "");
}
END_TEST

START_TEST(runs_in_linear_time_on_large_hostile_input)
{
    size_t len = (size_t)8 * 1024 * 1024;
    char *in = malloc(len);
    for (size_t i = 0; i < len; i++)
        in[i] = "\x1b[\x9b\xE2\x80\xAE\xC0"[i % 8];
    char *out = lp_sanitize(in, len);
    ck_assert_ptr_nonnull(out);
    ck_assert(lp_utf8_valid(out, strlen(out)));
    free(out);
    free(in);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("sanitize");
    TCase *tc = tcase_create("sanitize");
    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, keeps_plain_and_multibyte_text_untouched);
    tcase_add_test(tc, copies_printable_ascii_and_cleans_what_follows_it);
    tcase_add_test(tc, turns_tab_and_newlines_into_one_space_each);
    tcase_add_test(tc, drops_other_c0_controls_and_del);
    tcase_add_test(tc, removes_csi_sequences_whole);
    tcase_add_test(tc, removes_osc_ended_by_bel_or_st);
    tcase_add_test(tc, removes_dcs_sos_pm_apc_strings);
    tcase_add_test(tc, removes_two_byte_and_charset_escapes);
    tcase_add_test(tc, removes_c1_controls_in_utf8_form);
    tcase_add_test(tc, replaces_raw_c1_bytes_as_invalid_utf8);
    tcase_add_test(tc, removes_bidi_controls);
    tcase_add_test(tc, removes_invisible_format_characters);
    tcase_add_test(tc, replaces_invalid_utf8_variants);
    tcase_add_test(tc, output_is_valid_utf8_for_every_byte_pair);
    tcase_add_test(tc, null_gives_empty_string);
    tcase_add_test(tc, into_truncates_at_a_character_boundary);
    tcase_add_test(tc, runs_in_linear_time_on_large_hostile_input);
    suite_add_tcase(s, tc);
    return lp_run_suite(s);
}
