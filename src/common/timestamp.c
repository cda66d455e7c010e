/* RFC 3339 time stamps: formatting and strict parsing. */
#include "licportal/timestamp.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

static bool to_utc_tm(lp_time t, struct tm *tm)
{
    /* Years 0000..9999 only: the wire format has four year digits. */
    if (t < -62167219200LL || t > 253402300799LL)
        return false;
    time_t tt = (time_t)t;
    return gmtime_r(&tt, tm) != NULL;
}

bool lp_timestamp_format(lp_time t, char out[LP_TIMESTAMP_LEN])
{
    struct tm tm;
    if (!to_utc_tm(t, &tm))
        return false;
    /* snprintf, not strftime: %Y does not pad years below 1000 to four digits. */
    return snprintf(out, LP_TIMESTAMP_LEN, "%04d-%02d-%02dT%02d:%02d:%02dZ", tm.tm_year + 1900,
                    tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min,
                    tm.tm_sec) == LP_TIMESTAMP_LEN - 1;
}

bool lp_date_format(lp_time t, char out[11])
{
    struct tm tm;
    if (!to_utc_tm(t, &tm))
        return false;
    return snprintf(out, 11, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday) == 10;
}

/* Reads exactly `n` digits into *value. */
static bool read_digits(const char **p, int n, int *value)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (!isdigit((unsigned char)(*p)[i]))
            return false;
        v = v * 10 + ((*p)[i] - '0');
    }
    *p += n;
    *value = v;
    return true;
}

static bool expect(const char **p, char c)
{
    if (**p != c)
        return false;
    (*p)++;
    return true;
}

static bool is_leap(int year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

/* Days from 1970-01-01 to the proleptic Gregorian date (H. Hinnant's
 * days_from_civil): what timegm computes, without its normalising work,
 * for the many time stamps of a page of list items. */
static long long days_from_civil(long long year, int month, int day)
{
    year -= month <= 2;
    long long era = (year >= 0 ? year : year - 399) / 400;
    long long year_of_era = year - era * 400;
    long long day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    long long day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * 146097 + day_of_era - 719468;
}

static int days_in_month(int year, int month)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap(year) ? 29 : days[month - 1];
}

bool lp_timestamp_parse(const char *text, lp_time *out)
{
    if (!text)
        return false;
    const char *p = text;
    int year, month, day, hour, minute, second;
    if (!read_digits(&p, 4, &year) || !expect(&p, '-') || !read_digits(&p, 2, &month) ||
        !expect(&p, '-') || !read_digits(&p, 2, &day))
        return false;
    if (*p != 'T' && *p != 't')
        return false;
    p++;
    if (!read_digits(&p, 2, &hour) || !expect(&p, ':') || !read_digits(&p, 2, &minute) ||
        !expect(&p, ':') || !read_digits(&p, 2, &second))
        return false;
    if (month < 1 || month > 12 || day < 1 || day > days_in_month(year, month) || hour > 23 ||
        minute > 59 || second > 60)
        return false;
    if (*p == '.') {
        p++;
        if (!isdigit((unsigned char)*p))
            return false;
        while (isdigit((unsigned char)*p))
            p++;
    }
    int offset = 0;
    if (*p == 'Z' || *p == 'z') {
        p++;
    } else if (*p == '+' || *p == '-') {
        int sign = *p == '-' ? -1 : 1, oh, om;
        p++;
        if (!read_digits(&p, 2, &oh) || !expect(&p, ':') || !read_digits(&p, 2, &om) || oh > 23 ||
            om > 59)
            return false;
        offset = sign * (oh * 3600 + om * 60);
    } else {
        return false;
    }
    if (*p != '\0')
        return false;

    second = second == 60 ? 59 : second; /* a leap second counts as its predecessor */
    *out = (lp_time)(days_from_civil(year, month, day) * 86400LL + hour * 3600LL + minute * 60LL +
                     second) -
           offset;
    return true;
}
