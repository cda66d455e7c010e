/* Text for people: money, sizes, dates, durations, seats and masked keys. */
#include "licportal/format.h"

#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "common/currency.h"

/* Writes `value` with a comma every three digits; returns the length. */
static size_t group_thousands(uint64_t value, char *out)
{
    char digits[24];
    int n = snprintf(digits, sizeof digits, "%" PRIu64, value);
    size_t len = 0;
    for (int i = 0; i < n; i++) {
        if (i > 0 && (n - i) % 3 == 0)
            out[len++] = ',';
        out[len++] = digits[i];
    }
    out[len] = '\0';
    return len;
}

void lp_format_money(const lp_money *money, char *out, size_t size)
{
    if (!out || size == 0)
        return;
    if (!money) {
        snprintf(out, size, "-");
        return;
    }
    int exponent = lp_currency_exponent(money->currency);
    bool negative = money->amount_minor < 0;
    /* Through unsigned arithmetic so that INT64_MIN has a magnitude too. */
    uint64_t magnitude = negative ? 0 - (uint64_t)money->amount_minor
                                  : (uint64_t)money->amount_minor;
    uint64_t scale = exponent == 0 ? 1 : exponent == 3 ? 1000 : 100;
    char whole[40];
    group_thousands(magnitude / scale, whole);
    if (exponent == 0)
        snprintf(out, size, "%s%s %s", negative ? "-" : "", whole, money->currency);
    else
        snprintf(out, size, "%s%s.%0*" PRIu64 " %s", negative ? "-" : "", whole, exponent,
                 magnitude % scale, money->currency);
}

void lp_format_size(int64_t bytes, char *out, size_t size)
{
    static const char *const units[] = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    if (!out || size == 0)
        return;
    if (bytes < 0) {
        snprintf(out, size, "-");
        return;
    }
    if (bytes < 1024) {
        snprintf(out, size, "%" PRId64 " B", bytes);
        return;
    }
    double value = (double)bytes;
    size_t unit = 0;
    while (value >= 1024.0 && unit + 1 < sizeof units / sizeof units[0]) {
        value /= 1024.0;
        unit++;
    }
    /* One decimal below 10 ("1.5 GiB"), whole numbers above ("340 KiB");
     * rounding up to 1024 moves to the next unit. */
    if (value < 9.95) {
        snprintf(out, size, "%.1f %s", value, units[unit]);
    } else if (value < 1023.5 || unit + 1 == sizeof units / sizeof units[0]) {
        snprintf(out, size, "%.0f %s", value, units[unit]);
    } else {
        snprintf(out, size, "1.0 %s", units[unit + 1]);
    }
}

/* `text` into `out` of `size` bytes (> 0), cut to fit, like snprintf "%s". */
static void copy_cut(char *out, size_t size, const char *text)
{
    size_t len = strlen(text);
    if (len > size - 1)
        len = size - 1;
    memcpy(out, text, len);
    out[len] = '\0';
}

/* YYYY-MM-DD of `t` in UTC for the years 0000..9999, as lp_date_format
 * writes it. The digits are placed directly rather than through snprintf:
 * a list row holds a date, and a page of rows is built at once. */
static bool utc_date(lp_time t, char out[11])
{
    if (t < -62167219200LL || t > 253402300799LL)
        return false;
    /* The civil date of a day number (H. Hinnant's civil_from_days), the
     * calendar part of gmtime without its time zone work. */
    long long days = (t >= 0 ? t : t - 86399) / 86400 + 719468;
    long long era = (days >= 0 ? days : days - 146096) / 146097;
    long long day_of_era = days - era * 146097;
    long long year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 -
                             day_of_era / 146096) /
                            365;
    long long day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    long long month_index = (5 * day_of_year + 2) / 153;
    int day = (int)(day_of_year - (153 * month_index + 2) / 5 + 1);
    int month = (int)(month_index < 10 ? month_index + 3 : month_index - 9);
    int year = (int)(year_of_era + era * 400 + (month <= 2));
    const int fields[3][2] = {{year, 4}, {month, 2}, {day, 2}};
    char *o = out;
    for (int f = 0; f < 3; f++) {
        if (f > 0)
            *o++ = '-';
        for (int i = fields[f][1] - 1, v = fields[f][0]; i >= 0; i--, v /= 10)
            o[i] = (char)('0' + v % 10);
        o += fields[f][1];
    }
    *o = '\0';
    return true;
}

void lp_format_date(lp_time t, char *out, size_t size)
{
    if (!out || size == 0)
        return;
    char date[11];
    if (t == LP_TIME_NONE || !utc_date(t, date))
        copy_cut(out, size, "-");
    else
        copy_cut(out, size, date);
}

void lp_format_duration(int64_t seconds, char *out, size_t size)
{
    if (!out || size == 0)
        return;
    if (seconds < 0) {
        snprintf(out, size, "-");
    } else if (seconds < 60) {
        snprintf(out, size, "%" PRId64 " s", seconds);
    } else if (seconds < 3600) {
        int64_t s = seconds % 60;
        if (s)
            snprintf(out, size, "%" PRId64 " min %" PRId64 " s", seconds / 60, s);
        else
            snprintf(out, size, "%" PRId64 " min", seconds / 60);
    } else if (seconds < 86400) {
        int64_t m = seconds / 60 % 60;
        if (m)
            snprintf(out, size, "%" PRId64 " h %" PRId64 " min", seconds / 3600, m);
        else
            snprintf(out, size, "%" PRId64 " h", seconds / 3600);
    } else {
        int64_t h = seconds / 3600 % 24;
        if (h)
            snprintf(out, size, "%" PRId64 " d %" PRId64 " h", seconds / 86400, h);
        else
            snprintf(out, size, "%" PRId64 " d", seconds / 86400);
    }
}

void lp_format_seats(int64_t in_use, int64_t max, char *out, size_t size)
{
    if (!out || size == 0)
        return;
    if (max < 0)
        snprintf(out, size, "%" PRId64 " of unlimited", in_use);
    else
        snprintf(out, size, "%" PRId64 " of %" PRId64, in_use, max);
}

static bool is_separator(unsigned char c)
{
    return c == '-' || c == ' ' || c == '_' || c == '.' || c == ':' || c == '/';
}

char *lp_mask_key(const char *key)
{
    if (!key)
        return NULL;
    size_t len = strlen(key);
    char *out = malloc(len + 1);
    if (!out)
        return NULL;
    /* From the end: the last four ASCII letters or digits stay, separators stay,
     * and every other byte (including each byte of a non-ASCII character) is hidden. */
    int kept = 0;
    size_t n = len;
    for (size_t i = len; i-- > 0;) {
        unsigned char c = (unsigned char)key[i];
        if (c < 0x80 && isalnum(c) && kept < 4) {
            out[--n] = (char)c;
            kept++;
        } else if (is_separator(c)) {
            out[--n] = (char)c;
        } else if (c >= 0x80 && (c & 0xC0) == 0x80) {
            continue; /* continuation byte: its character becomes one 'X' */
        } else {
            out[--n] = 'X';
        }
    }
    memmove(out, out + n, len - n);
    out[len - n] = '\0';
    return out;
}
