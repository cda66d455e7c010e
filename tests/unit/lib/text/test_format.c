/* Formatting for people: money per currency, sizes, dates, durations, seats, keys, widths. */
#include "licportal/format.h"
#include "licportal/timestamp.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "../../suite_runner.h"

static const char *money(int64_t amount, const char *currency)
{
    static char out[64];
    lp_money m = {.amount_minor = amount};
    memcpy(m.currency, currency, 4);
    lp_format_money(&m, out, sizeof out);
    return out;
}

START_TEST(formats_money_with_two_minor_digits_by_default)
{
    ck_assert_str_eq(money(9900, "EUR"), "99.00 EUR");
    ck_assert_str_eq(money(1234567, "EUR"), "12,345.67 EUR");
    ck_assert_str_eq(money(5, "USD"), "0.05 USD");
    ck_assert_str_eq(money(0, "GBP"), "0.00 GBP");
    ck_assert_str_eq(money(100000000, "CHF"), "1,000,000.00 CHF");
}
END_TEST

START_TEST(formats_zero_decimal_currencies)
{
    ck_assert_str_eq(money(1500, "JPY"), "1,500 JPY");
    ck_assert_str_eq(money(999, "KRW"), "999 KRW");
}
END_TEST

START_TEST(formats_three_decimal_currencies)
{
    ck_assert_str_eq(money(1234567, "KWD"), "1,234.567 KWD");
    ck_assert_str_eq(money(5, "BHD"), "0.005 BHD");
    ck_assert_str_eq(money(1000, "OMR"), "1.000 OMR");
    ck_assert_str_eq(money(12345, "JOD"), "12.345 JOD");
    ck_assert_str_eq(money(100, "TND"), "0.100 TND");
}
END_TEST

START_TEST(formats_negative_amounts)
{
    ck_assert_str_eq(money(-250, "EUR"), "-2.50 EUR");
    ck_assert_str_eq(money(-1234567, "JPY"), "-1,234,567 JPY");
    ck_assert_str_eq(money(INT64_MIN, "USD"), "-92,233,720,368,547,758.08 USD");
}
END_TEST

START_TEST(money_respects_the_buffer_size)
{
    char out[6];
    lp_money m = {.amount_minor = 1234567, .currency = "EUR"};
    lp_format_money(&m, out, sizeof out);
    ck_assert_str_eq(out, "12,34");
}
END_TEST

static const char *size_text(int64_t bytes)
{
    static char out[32];
    lp_format_size(bytes, out, sizeof out);
    return out;
}

START_TEST(formats_sizes_in_binary_units)
{
    ck_assert_str_eq(size_text(0), "0 B");
    ck_assert_str_eq(size_text(12), "12 B");
    ck_assert_str_eq(size_text(1023), "1023 B");
    ck_assert_str_eq(size_text(1024), "1.0 KiB");
    ck_assert_str_eq(size_text(348160), "340 KiB");
    ck_assert_str_eq(size_text(1610612736), "1.5 GiB");
    ck_assert_str_eq(size_text(INT64_C(5) * 1024 * 1024 * 1024 * 1024), "5.0 TiB");
    ck_assert_str_eq(size_text(1048575), "1.0 MiB");
    ck_assert_str_eq(size_text(-1), "-");
}
END_TEST

START_TEST(formats_dates_and_missing_dates)
{
    char out[16];
    lp_format_date(1795857300, out, sizeof out);
    ck_assert_str_eq(out, "2026-11-28");
    lp_format_date(LP_TIME_NONE, out, sizeof out);
    ck_assert_str_eq(out, "-");
}
END_TEST

/* The day written without snprintf must agree with the time stamp code
 * everywhere, across leap years, centuries, midnight and before 1970, and
 * give "-" outside the four-digit years. */
START_TEST(formats_dates_as_the_time_stamps_do)
{
    static const lp_time points[] = {
        0,
        -1,
        86399,
        86400,
        951782400 /* 2000-02-29 */,
        951868799,
        951868800,
        -2203891200 /* 1900-03-01 */,
        -2203891201,
        4107542400 /* 2100-03-01 */,
        4107542399,
        1795857300,
        -62167219200 /* 0000-01-01 */,
        -62162035200 /* 0000-03-01 */,
        253402300799 /* 9999-12-31T23:59:59 */,
    };
    char out[16], want[11];
    for (size_t i = 0; i < sizeof points / sizeof points[0]; i++) {
        ck_assert(lp_date_format(points[i], want));
        lp_format_date(points[i], out, sizeof out);
        ck_assert_msg(strcmp(out, want) == 0, "t=%lld: %s, not %s", (long long)points[i], out,
                      want);
    }
    /* Every day of 1969..2101 at some time of day, and a stride across all years. */
    for (lp_time t = -31536000; t < 4133980800LL; t += 86400 + 3607) {
        ck_assert(lp_date_format(t, want));
        lp_format_date(t, out, sizeof out);
        ck_assert_msg(strcmp(out, want) == 0, "t=%lld: %s, not %s", (long long)t, out, want);
    }
    for (lp_time t = -62167219200LL; t <= 253402300799LL; t += 7776000LL + 12345) {
        ck_assert(lp_date_format(t, want));
        lp_format_date(t, out, sizeof out);
        ck_assert_msg(strcmp(out, want) == 0, "t=%lld: %s, not %s", (long long)t, out, want);
    }
    lp_format_date(-62167219201LL, out, sizeof out);
    ck_assert_str_eq(out, "-");
    lp_format_date(253402300800LL, out, sizeof out);
    ck_assert_str_eq(out, "-");
    /* Cut to the buffer, as snprintf would. */
    lp_format_date(1795857300, out, 5);
    ck_assert_str_eq(out, "2026");
}
END_TEST

START_TEST(formats_durations)
{
    char out[32];
    lp_format_duration(45, out, sizeof out);
    ck_assert_str_eq(out, "45 s");
    lp_format_duration(12000, out, sizeof out);
    ck_assert_str_eq(out, "3 h 20 min");
    lp_format_duration(600, out, sizeof out);
    ck_assert_str_eq(out, "10 min");
    lp_format_duration(65, out, sizeof out);
    ck_assert_str_eq(out, "1 min 5 s");
    lp_format_duration(7200, out, sizeof out);
    ck_assert_str_eq(out, "2 h");
    lp_format_duration(90000, out, sizeof out);
    ck_assert_str_eq(out, "1 d 1 h");
    lp_format_duration(-1, out, sizeof out);
    ck_assert_str_eq(out, "-");
}
END_TEST

START_TEST(formats_seats_limited_and_unlimited)
{
    char out[32];
    lp_format_seats(3, 5, out, sizeof out);
    ck_assert_str_eq(out, "3 of 5");
    lp_format_seats(3, LP_UNLIMITED, out, sizeof out);
    ck_assert_str_eq(out, "3 of unlimited");
}
END_TEST

START_TEST(masks_all_but_the_last_four_letters_or_digits)
{
    char *m = lp_mask_key("ABCD-1234-EF56-7F3A");
    ck_assert_str_eq(m, "XXXX-XXXX-XXXX-7F3A");
    free(m);
    m = lp_mask_key("abcdefgh12");
    ck_assert_str_eq(m, "XXXXXXgh12");
    free(m);
    /* Separators at the end do not count towards the four. */
    m = lp_mask_key("AB-CD-EF-");
    ck_assert_str_eq(m, "XX-CD-EF-");
    free(m);
    m = lp_mask_key("abc");
    ck_assert_str_eq(m, "abc");
    free(m);
    /* A non-ASCII character is hidden as one X. */
    m = lp_mask_key("\xC3\xA9"
                    "BCD-1234");
    ck_assert_str_eq(m, "XXXX-1234");
    free(m);
    m = lp_mask_key("");
    ck_assert_str_eq(m, "");
    free(m);
    ck_assert_ptr_null(lp_mask_key(NULL));
}
END_TEST

/* Widths must not depend on whether a UTF-8 locale is active. */
static void check_widths(void)
{
    ck_assert_uint_eq(lp_text_width("Acme"), 4);
    ck_assert_uint_eq(lp_text_width("\xE5\xB1\xB1\xE7\x94\xB0"), 4); /* 山田 */
    ck_assert_uint_eq(lp_text_width("\xED\x95\x9C\xEA\xB8\x80"), 4); /* 한글 */
    ck_assert_uint_eq(lp_text_width("\xEF\xBC\xA1"), 2);             /* fullwidth A */
    ck_assert_uint_eq(lp_text_width("cafe\xCC\x81"), 4);             /* e + combining acute */
    ck_assert_uint_eq(lp_text_width("\xC3\xA9t\xC3\xA9"), 3);
    ck_assert_uint_eq(lp_text_width("a\xFF"
                                    "b"),
                      3); /* invalid byte: 1 */
    ck_assert_uint_eq(lp_text_width(""), 0);
    ck_assert_uint_eq(lp_text_width(NULL), 0);
}

START_TEST(measures_wide_and_combining_characters_in_the_c_locale)
{
    setlocale(LC_CTYPE, "C");
    check_widths();
}
END_TEST

START_TEST(measures_wide_and_combining_characters_in_a_utf8_locale)
{
    if (!setlocale(LC_CTYPE, "C.UTF-8") && !setlocale(LC_CTYPE, "en_US.UTF-8"))
        ck_abort_msg("no UTF-8 locale installed");
    check_widths();
    setlocale(LC_CTYPE, "C");
}
END_TEST

START_TEST(fits_short_text_and_pads)
{
    char out[64];
    lp_text_fit("Acme", 6, true, out, sizeof out);
    ck_assert_str_eq(out, "Acme  ");
    lp_text_fit("Acme", 6, false, out, sizeof out);
    ck_assert_str_eq(out, "Acme");
    lp_text_fit("Acme", 4, true, out, sizeof out);
    ck_assert_str_eq(out, "Acme");
}
END_TEST

START_TEST(cuts_long_text_with_an_ellipsis)
{
    char out[64];
    lp_text_fit("Acme Studio", 6, true, out, sizeof out);
    ck_assert_str_eq(out, "Acme \xE2\x80\xA6");
    ck_assert_uint_eq(lp_text_width(out), 6);
    lp_text_fit("Acme Studio", 1, false, out, sizeof out);
    ck_assert_str_eq(out, "\xE2\x80\xA6");
    lp_text_fit("Acme Studio", 0, true, out, sizeof out);
    ck_assert_str_eq(out, "");
}
END_TEST

START_TEST(never_splits_a_wide_character)
{
    char out[64];
    /* 山田太郎 is 8 columns; in 4 only 山 fits beside the ellipsis, then one space pads. */
    lp_text_fit("\xE5\xB1\xB1\xE7\x94\xB0\xE5\xA4\xAA\xE9\x83\x8E", 4, true, out, sizeof out);
    ck_assert_str_eq(out, "\xE5\xB1\xB1\xE2\x80\xA6 ");
    ck_assert_uint_eq(lp_text_width(out), 4);
    lp_text_fit("\xE5\xB1\xB1\xE7\x94\xB0", 4, true, out, sizeof out);
    ck_assert_str_eq(out, "\xE5\xB1\xB1\xE7\x94\xB0");
}
END_TEST

START_TEST(keeps_combining_marks_with_their_base)
{
    char out[64];
    lp_text_fit("e\xCC\x81"
                "e\xCC\x81"
                "e\xCC\x81",
                3, false, out, sizeof out);
    ck_assert_str_eq(out, "e\xCC\x81"
                          "e\xCC\x81"
                          "e\xCC\x81");
    lp_text_fit("e\xCC\x81"
                "e\xCC\x81"
                "e\xCC\x81"
                "x",
                3, false, out, sizeof out);
    ck_assert_str_eq(out, "e\xCC\x81"
                          "e\xCC\x81"
                          "\xE2\x80\xA6");
}
END_TEST

START_TEST(fit_respects_a_small_buffer)
{
    char out[6];
    /* Room for 5 bytes: "ab" plus the 3-byte ellipsis, never half a character. */
    lp_text_fit("abcdefgh", 8, false, out, sizeof out);
    ck_assert_str_eq(out, "ab\xE2\x80\xA6");
    char tiny[4];
    lp_text_fit("\xE5\xB1\xB1\xE7\x94\xB0", 4, false, tiny, sizeof tiny);
    ck_assert_str_eq(tiny, "\xE2\x80\xA6");
}
END_TEST

int main(void)
{
    Suite *s = suite_create("format");
    TCase *tc = tcase_create("format");
    tcase_add_test(tc, formats_money_with_two_minor_digits_by_default);
    tcase_add_test(tc, formats_zero_decimal_currencies);
    tcase_add_test(tc, formats_three_decimal_currencies);
    tcase_add_test(tc, formats_negative_amounts);
    tcase_add_test(tc, money_respects_the_buffer_size);
    tcase_add_test(tc, formats_sizes_in_binary_units);
    tcase_add_test(tc, formats_dates_and_missing_dates);
    tcase_add_test(tc, formats_dates_as_the_time_stamps_do);
    tcase_add_test(tc, formats_durations);
    tcase_add_test(tc, formats_seats_limited_and_unlimited);
    tcase_add_test(tc, masks_all_but_the_last_four_letters_or_digits);
    tcase_add_test(tc, measures_wide_and_combining_characters_in_the_c_locale);
    tcase_add_test(tc, measures_wide_and_combining_characters_in_a_utf8_locale);
    tcase_add_test(tc, fits_short_text_and_pads);
    tcase_add_test(tc, cuts_long_text_with_an_ellipsis);
    tcase_add_test(tc, never_splits_a_wide_character);
    tcase_add_test(tc, keeps_combining_marks_with_their_base);
    tcase_add_test(tc, fit_respects_a_small_buffer);
    suite_add_tcase(s, tc);
    return lp_run_suite(s);
}
