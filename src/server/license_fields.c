/* Parsing and checking the text form of license fields. */
#include "server/license_fields.h"

#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/currency.h"
#include "server/decimal.h"

void lpd_license_spec_init(struct lpd_license_spec *spec)
{
    memset(spec, 0, sizeof *spec);
    spec->expires_at = LP_TIME_NONE;
    spec->status = "active";
    spec->allow_deactivation = true;
}

bool lpd_seats_parse(const char *text, long *seats, char *err, size_t err_size)
{
    if (strcmp(text, "unlimited") == 0) {
        *seats = 0;
        return true;
    }
    if (lpd_parse_decimal(text, 1, LP_LICENSE_SEATS_MAX, seats))
        return true;
    snprintf(err, err_size, "seats must be 'unlimited' or a whole number from 1 to %ld", LP_LICENSE_SEATS_MAX);
    return false;
}

bool lpd_expiry_parse(const char *text, lp_time *expires_at, char *err, size_t err_size)
{
    if (strcmp(text, "never") == 0) {
        *expires_at = LP_TIME_NONE;
        return true;
    }
    char stamp[32];
    if (strlen(text) == 10 && text[4] == '-' && text[7] == '-') {
        snprintf(stamp, sizeof stamp, "%sT23:59:59Z", text);
        text = stamp;
    }
    if (lp_timestamp_parse(text, expires_at))
        return true;
    snprintf(err, err_size, "expiry must be 'never', a date such as 2027-12-31 or an RFC 3339 time");
    return false;
}

/* "99.00" in minor units of a currency with `exponent` decimals. */
static bool parse_amount(const char *text, int exponent, int64_t *minor)
{
    const char *dot = strchr(text, '.');
    size_t whole_len = dot != NULL ? (size_t)(dot - text) : strlen(text);
    size_t fraction_len = dot != NULL ? strlen(dot + 1) : 0;
    if (whole_len == 0 || whole_len > 12 || (dot != NULL && fraction_len == 0) || fraction_len > (size_t)exponent)
        return false;
    int64_t value = 0;
    for (size_t i = 0; i < whole_len; i++) {
        if (!isdigit((unsigned char)text[i]))
            return false;
        value = value * 10 + (text[i] - '0');
    }
    for (int i = 0; i < exponent; i++) {
        int digit = 0;
        if ((size_t)i < fraction_len) {
            if (!isdigit((unsigned char)dot[1 + i]))
                return false;
            digit = dot[1 + i] - '0';
        }
        value = value * 10 + digit;
    }
    *minor = value;
    return true;
}

bool lpd_renewal_parse(const char *text, struct lpd_renewal_option *out, char *err, size_t err_size)
{
    const char *first = strchr(text, ',');
    const char *second = first != NULL ? strchr(first + 1, ',') : NULL;
    if (second == NULL || strchr(second + 1, ',') != NULL || strchr(text, ';') != NULL) {
        snprintf(err, err_size, "a renewal option is LABEL,MONTHS,PRICE such as '1 year,12,99.00 EUR'");
        return false;
    }
    size_t label_len = (size_t)(first - text);
    if (label_len == 0 || label_len > LP_LICENSE_TEXT_MAX) {
        snprintf(err, err_size, "a renewal label has 1 to %d bytes", LP_LICENSE_TEXT_MAX);
        return false;
    }
    for (size_t i = 0; i < label_len; i++) {
        if ((unsigned char)text[i] < 0x20 || text[i] == 0x7F) {
            snprintf(err, err_size, "a renewal label may not hold control characters");
            return false;
        }
    }
    char months[16];
    size_t months_len = (size_t)(second - first - 1);
    long term = 0;
    if (months_len >= sizeof months) {
        months_len = 0;
    }
    memcpy(months, first + 1, months_len);
    months[months_len] = '\0';
    if (!lpd_parse_decimal(months, 1, LP_RENEWAL_TERM_MAX, &term)) {
        snprintf(err, err_size, "a renewal term is 1 to %d months", LP_RENEWAL_TERM_MAX);
        return false;
    }
    const char *price = second + 1;
    const char *space = strchr(price, ' ');
    const char *currency = space != NULL ? space + 1 : "";
    bool currency_ok = strlen(currency) == 3;
    for (int i = 0; currency_ok && i < 3; i++)
        currency_ok = isupper((unsigned char)currency[i]) && currency[i] <= 'Z';
    char amount[32];
    size_t amount_len = space != NULL ? (size_t)(space - price) : 0;
    int64_t minor = 0;
    if (currency_ok && amount_len > 0 && amount_len < sizeof amount) {
        memcpy(amount, price, amount_len);
        amount[amount_len] = '\0';
        currency_ok = parse_amount(amount, lp_currency_exponent(currency), &minor);
    } else {
        currency_ok = false;
    }
    if (!currency_ok) {
        snprintf(err, err_size,
                 "a renewal price is an amount and an ISO 4217 currency such as '99.00 EUR' "
                 "(no more decimals than the currency has)");
        return false;
    }
    memcpy(out->label, text, label_len);
    out->label[label_len] = '\0';
    out->term_months = (int)term;
    out->amount_minor = minor;
    memcpy(out->currency, currency, 4);
    return true;
}

void lpd_renewal_format(const struct lpd_renewal_option *option, char *out, size_t size)
{
    int exponent = lp_currency_exponent(option->currency);
    int64_t scale = 1;
    for (int i = 0; i < exponent; i++)
        scale *= 10;
    if (exponent == 0)
        snprintf(out, size, "%s,%d,%" PRId64 " %s", option->label, option->term_months, option->amount_minor,
                 option->currency);
    else
        snprintf(out, size, "%s,%d,%" PRId64 ".%0*" PRId64 " %s", option->label, option->term_months,
                 option->amount_minor / scale, exponent, option->amount_minor % scale, option->currency);
}

bool lpd_split_list(char *text, char separator, const char **items, size_t max, size_t *count)
{
    *count = 0;
    if (*text == '\0')
        return true;
    for (char *item = text;;) {
        char *end = strchr(item, separator);
        if (end != NULL)
            *end = '\0';
        if (*item == '\0' || *count == max)
            return false;
        items[(*count)++] = item;
        if (end == NULL)
            return true;
        item = end + 1;
    }
}

static bool made_of(const char *text, const char *extra, size_t min, size_t max)
{
    size_t len = strlen(text);
    if (len < min || len > max)
        return false;
    for (const char *p = text; *p != '\0'; p++) {
        if (!isalnum((unsigned char)*p) && strchr(extra, *p) == NULL)
            return false;
    }
    return true;
}

static bool printable(const char *text, size_t max)
{
    if (strlen(text) > max)
        return false;
    for (const unsigned char *p = (const unsigned char *)text; *p != '\0'; p++) {
        if (*p < 0x20 || *p == 0x7F)
            return false;
    }
    return true;
}

static bool given(const char *text)
{
    return text != NULL && *text != '\0';
}

bool lpd_license_spec_check(const struct lpd_license_spec *spec, char *err, size_t err_size)
{
    static const char *const statuses[] = {"active", "pending", "suspended", "revoked", "expired"};
    if (!given(spec->email) || strchr(spec->email, '@') == NULL) {
        snprintf(err, err_size, "the user must be given as an e-mail address");
        return false;
    }
    if (!given(spec->product_id)) {
        snprintf(err, err_size, "the product must be given");
        return false;
    }
    if (given(spec->key) && !made_of(spec->key, "-", 4, LP_LICENSE_TEXT_MAX)) {
        snprintf(err, err_size, "a license key has 4 to 64 letters, digits and dashes");
        return false;
    }
    if (given(spec->edition) && !printable(spec->edition, LP_LICENSE_TEXT_MAX)) {
        snprintf(err, err_size, "an edition has at most 64 bytes and no control characters");
        return false;
    }
    bool known = false;
    for (size_t i = 0; i < sizeof statuses / sizeof statuses[0]; i++)
        known = known || (spec->status != NULL && strcmp(spec->status, statuses[i]) == 0);
    if (!known) {
        snprintf(err, err_size, "status must be active, pending, suspended, revoked or expired");
        return false;
    }
    for (size_t i = 0; i < spec->feature_count; i++) {
        if (!made_of(spec->features[i], "-_.:", 1, LP_LICENSE_TEXT_MAX)) {
            snprintf(err, err_size, "feature '%.64s' may hold only letters, digits and - _ . : (at most 64)",
                     spec->features[i]);
            return false;
        }
        for (size_t j = 0; j < i; j++) {
            if (strcmp(spec->features[i], spec->features[j]) == 0) {
                snprintf(err, err_size, "feature '%s' is given twice", spec->features[i]);
                return false;
            }
        }
    }
    return true;
}
