/* Text for people: dates, money, sizes, masked keys, terminal column widths. */
#ifndef LICPORTAL_FORMAT_H
#define LICPORTAL_FORMAT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "licportal/model.h"

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

/* Terminal columns taken by UTF-8 `text` (wide characters count 2,
 * combining marks 0). Invalid bytes count 1. */
size_t lp_text_width(const char *text);

/* Copies the longest prefix of `text` that fits in `columns` columns into
 * `out` (ending with "…" when cut), then pads with spaces to exactly
 * `columns` columns when `pad` is set. Never splits a character. */
void lp_text_fit(const char *text, size_t columns, bool pad, char *out, size_t size);
/* The same with another mark for the cut (such as "..." of 3 columns where
 * the terminal's character set is not UTF-8). */
void lp_text_fit_marked(const char *text, size_t columns, bool pad, const char *ellipsis, size_t ellipsis_columns,
                        char *out, size_t size);

#endif
