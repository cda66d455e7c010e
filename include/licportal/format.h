/* Text for people: dates, money, sizes, masked keys (column widths: licportal/text.h).
 * The CLI's tables and the terminal UI's views show values with it. */
#ifndef LICPORTAL_FORMAT_H
#define LICPORTAL_FORMAT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "licportal/model.h"
#include "licportal/text.h"

/* "12,345.67 EUR"-style amount with the currency's minor-unit exponent
 * (JPY 0, KWD/BHD 3, most others 2). Writes at most `size` bytes. */
void lp_format_money(const lp_money *money, char *out, size_t size);

/* "1.5 GiB", "340 KiB", "12 B". */
void lp_format_size(int64_t bytes, char *out, size_t size);

/* "2026-11-28" in UTC, or "-" for LP_TIME_NONE. `out` holds at least 11 bytes. */
void lp_format_date(lp_time t, char *out, size_t size);

/* "3 h 20 min", "45 s": for ETAs and durations. */
void lp_format_duration(int64_t seconds, char *out, size_t size);

/* "3 of 5" or "3 of unlimited" seats. */
void lp_format_seats(int64_t in_use, int64_t max, char *out, size_t size);

/* The masked form of a full key: every character but the last 4 letters or
 * digits becomes 'X', separators kept ("ABCD-1234-EF56-7F3A" ->
 * "XXXX-XXXX-XXXX-7F3A"). Returns a malloc'd string. */
char *lp_mask_key(const char *key);

#endif
