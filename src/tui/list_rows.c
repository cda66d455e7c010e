/* The cells of license, activation and download rows, sanitised as they are built. */
#include "tui/list_rows.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "licportal/format.h"
#include "licportal/sanitize.h"

#define DAY (24 * 60 * 60)

/* {title, min, weight, max, priority} */
const tui_column tui_license_columns[TUI_LICENSE_COLUMNS] = {
    {"Key", 7, 0, 7, 1},    {"Product", 10, 3, 30, 2}, {"Edition", 8, 1, 16, 7},
    {"Status", 9, 0, 9, 3}, {"Expires", 10, 0, 10, 4}, {"Due", 9, 0, 9, 6},
    {"Seats", 5, 0, 6, 5},
};

/* The name (the hostname a sysadmin looks for) before its license. */
const tui_column tui_activation_columns[TUI_ACTIVATION_COLUMNS] = {
    {"Name", 24, 3, 48, 1},  {"Kind", 6, 0, 6, 5},      {"Product", 10, 2, 30, 2},
    {"License", 7, 0, 7, 3}, {"Platform", 8, 1, 14, 6}, {"Last seen", 10, 0, 10, 4},
};

const tui_column tui_download_columns[TUI_DOWNLOAD_COLUMNS] = {
    {"Product", 14, 3, 30, 1},  {"Version", 12, 1, 18, 2}, {"Channel", 7, 0, 7, 5},
    {"Platform", 8, 0, 8, 3},   {"Arch", 7, 0, 7, 6},      {"Size", 9, 0, 9, 4},
    {"Released", 10, 0, 10, 7},
};

/* The cells below are built for every row of every page that arrives, so
 * they are put together by hand rather than through snprintf. `out` of
 * `size` bytes gets `text` of `len` bytes, cut to fit as snprintf would. */
static void put_cut(char *out, size_t size, const char *text, size_t len)
{
    if (size == 0)
        return;
    if (len > size - 1)
        len = size - 1;
    memcpy(out, text, len);
    out[len] = '\0';
}

/* The decimal digits of `value` written backwards ending before `end`;
 * returns where they start. */
static char *digits_before(char *end, unsigned long long value)
{
    do {
        *--end = (char)('0' + value % 10);
        value /= 10;
    } while (value > 0);
    return end;
}

/* Appends the signed decimal `value` at `at`; returns the end. */
static char *put_number(char *at, long long value)
{
    char digits[24];
    char *end = digits + sizeof digits;
    unsigned long long magnitude = value < 0 ? 0ULL - (unsigned long long)value
                                             : (unsigned long long)value;
    char *start = digits_before(end, magnitude);
    if (value < 0)
        *at++ = '-';
    memcpy(at, start, (size_t)(end - start));
    return at + (end - start);
}

static char *put_text(char *at, const char *text)
{
    size_t len = strlen(text);
    memcpy(at, text, len);
    return at + len;
}

void tui_key_tail(const char *masked, char *out, size_t size)
{
    const char *text = masked ? masked : "";
    const char *dash = strrchr(text, '-');
    size_t text_len = strlen(text);
    const char *tail = dash ? dash + 1 : (text_len > 4 ? text + text_len - 4 : text);
    static const char ellipsis[] = "\u2026";
    if (size == 0)
        return;
    size_t used = sizeof ellipsis - 1 < size - 1 ? sizeof ellipsis - 1 : size - 1;
    memcpy(out, ellipsis, used);
    put_cut(out + used, size - used, tail, strlen(tail));
}

void tui_relative_expiry(lp_time expires, lp_time now, char *out, size_t size)
{
    if (expires == LP_TIME_NONE) {
        put_cut(out, size, "", 0);
        return;
    }
    long long diff = (long long)expires - (long long)now;
    long long days = (diff < 0 ? -diff : diff) / DAY;
    const char *unit = "d";
    long long amount = days;
    if (days >= 730) {
        amount = days / 365;
        unit = "y";
    } else if (days >= 100) {
        amount = days / 30;
        unit = "mo";
    }
    char text[64];
    char *at = text;
    if (days == 0) {
        at = put_text(at, "today");
    } else if (diff > 0) {
        at = put_text(at, "in ");
        at = put_number(at, amount);
        *at++ = ' ';
        at = put_text(at, unit);
    } else {
        at = put_number(at, amount);
        *at++ = ' ';
        at = put_text(at, unit);
        at = put_text(at, " ago");
    }
    put_cut(out, size, text, (size_t)(at - text));
}

tui_role tui_expiry_role(lp_time expires, lp_time now)
{
    if (expires == LP_TIME_NONE)
        return TUI_ROLE_NORMAL;
    long long diff = (long long)expires - (long long)now;
    if (diff < 0)
        return TUI_ROLE_EXPIRY_LAPSED;
    if (diff <= 7LL * DAY)
        return TUI_ROLE_EXPIRY_URGENT;
    if (diff <= 30LL * DAY)
        return TUI_ROLE_EXPIRY_SOON;
    return TUI_ROLE_NORMAL;
}

void tui_seats(int64_t used, int64_t max, char *out, size_t size)
{
    char text[64];
    char *at = put_number(text, (long long)used);
    *at++ = '/';
    at = max == LP_UNLIMITED ? put_text(at, "\u221e") : put_number(at, (long long)max);
    put_cut(out, size, text, (size_t)(at - text));
}

tui_role tui_license_status_role(lp_license_status status)
{
    switch (status) {
    case LP_LICENSE_ACTIVE:
        return TUI_ROLE_LICENSE_ACTIVE;
    case LP_LICENSE_EXPIRED:
    case LP_LICENSE_REVOKED:
        return TUI_ROLE_LICENSE_EXPIRED;
    default:
        return TUI_ROLE_LICENSE_OTHER;
    }
}

void tui_license_row(const void *item, tui_clean_row *row)
{
    const lp_license_summary *l = item;
    lp_time now = (lp_time)time(NULL);
    char key[64], expires[64], due[32], seats[48];
    tui_key_tail(l->key_masked, key, sizeof key);
    lp_format_date(l->expires_at, expires, sizeof expires);
    tui_relative_expiry(l->expires_at, now, due, sizeof due);
    tui_seats(l->activations_in_use, l->max_activations, seats, sizeof seats);
    /* A license that ended otherwise is not urged to renew. */
    tui_role urgency = l->status == LP_LICENSE_ACTIVE || l->status == LP_LICENSE_EXPIRED
                           ? tui_expiry_role(l->expires_at, now)
                           : TUI_ROLE_NORMAL;
    const char *texts[] = {key,
                           l->product.name,
                           l->edition ? l->edition : "-",
                           lp_license_status_name(l->status),
                           l->expires_at == LP_TIME_NONE ? "never" : expires,
                           due,
                           seats};
    const tui_role roles[] = {
        TUI_ROLE_NORMAL, TUI_ROLE_NORMAL, TUI_ROLE_NORMAL, tui_license_status_role(l->status),
        urgency,         urgency,         TUI_ROLE_NORMAL};
    tui_clean_row_set_all(row, texts, roles, TUI_LICENSE_COLUMNS);
}

void tui_activation_row(const void *item, tui_clean_row *row)
{
    const lp_activation *a = item;
    char seen[64];
    lp_format_date(a->last_seen_at, seen, sizeof seen);
    char key[64];
    tui_key_tail(a->license_key_masked, key, sizeof key);
    tui_clean_row_set(row, 0, a->name, TUI_ROLE_NORMAL);
    tui_clean_row_set(row, 1, lp_activation_kind_name(a->kind), TUI_ROLE_NORMAL);
    tui_clean_row_set(row, 2, a->product.name, TUI_ROLE_NORMAL);
    tui_clean_row_set(row, 3, key, TUI_ROLE_NORMAL);
    tui_clean_row_set(row, 4, a->platform ? a->platform : "-", TUI_ROLE_NORMAL);
    tui_clean_row_set(row, 5, a->last_seen_at == LP_TIME_NONE ? "never" : seen, TUI_ROLE_NORMAL);
}

void tui_download_row(const void *item, tui_clean_row *row)
{
    const lp_download *d = item;
    char size[64], released[64];
    lp_format_size(d->size_bytes, size, sizeof size);
    lp_format_date(d->released_at, released, sizeof released);
    tui_clean_row_set(row, 0, d->product.name, TUI_ROLE_NORMAL);
    tui_clean_row_set(row, 1, d->version, TUI_ROLE_NORMAL);
    tui_clean_row_set(row, 2, d->channel, TUI_ROLE_NORMAL);
    tui_clean_row_set(row, 3, d->platform, TUI_ROLE_NORMAL);
    tui_clean_row_set(row, 4, d->arch, TUI_ROLE_NORMAL);
    tui_clean_row_set(row, 5, size, TUI_ROLE_NORMAL);
    tui_clean_row_set(row, 6, released, TUI_ROLE_NORMAL);
}

void tui_recent_license_row(const lp_license_summary *license, tui_clean_row *row)
{
    char added[16];
    lp_format_date(license->added_at, added, sizeof added);
    tui_clean_row_set(row, 0, license->key_masked, TUI_ROLE_NORMAL);
    tui_clean_row_set(row, 1, license->product.name, TUI_ROLE_NORMAL);
    tui_clean_row_set(row, 2, lp_license_status_name(license->status),
                      tui_license_status_role(license->status));
    tui_clean_row_set(row, 3, added, TUI_ROLE_NORMAL);
}

const char *tui_license_id(const void *item)
{
    return ((const lp_license_summary *)item)->id;
}

const char *tui_activation_id(const void *item)
{
    return ((const lp_activation *)item)->id;
}

const char *tui_download_id(const void *item)
{
    return ((const lp_download *)item)->id;
}

void tui_license_describe(const void *item, char *label, size_t label_size, char *group,
                          size_t group_size)
{
    const lp_license_summary *l = item;
    char key[64];
    tui_key_tail(l->key_masked, key, sizeof key);
    char product[128];
    lp_sanitize_into(l->product.name, product, sizeof product);
    snprintf(label, label_size, "%s %s", product, key);
    snprintf(group, group_size, "%s", "");
}

void tui_activation_describe(const void *item, char *label, size_t label_size, char *group,
                             size_t group_size)
{
    const lp_activation *a = item;
    lp_sanitize_into(a->name, label, label_size);
    char key[64];
    tui_key_tail(a->license_key_masked, key, sizeof key);
    lp_sanitize_into(key, group, group_size);
}

void tui_download_describe(const void *item, char *label, size_t label_size, char *group,
                           size_t group_size)
{
    const lp_download *d = item;
    char name[128], version[64];
    lp_sanitize_into(d->product.name, name, sizeof name);
    lp_sanitize_into(d->version, version, sizeof version);
    snprintf(label, label_size, "%s %s", name, version);
    snprintf(group, group_size, "%s", "");
}
