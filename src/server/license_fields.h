/* The fields a vendor gives for a license, on the command line or in a CSV
 * file, in their text form: parsing, checking and writing them back. */
#ifndef LP_SERVER_LICENSE_FIELDS_H
#define LP_SERVER_LICENSE_FIELDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "licportal/timestamp.h"

#define LP_LICENSE_FEATURES_MAX 32
#define LP_LICENSE_RENEWALS_MAX 8
#define LP_LICENSE_SEATS_MAX 1000000L
#define LP_LICENSE_TEXT_MAX 64
#define LP_RENEWAL_TERM_MAX 120

/* "1 year,12,99.00 EUR": a label, a term in months and a price. */
struct lpd_renewal_option {
    char label[LP_LICENSE_TEXT_MAX + 1];
    int term_months;
    int64_t amount_minor;
    char currency[4];
};

/* A license as an administration command describes it. Strings belong to
 * the caller; NULL or "" means "not given". */
struct lpd_license_spec {
    const char *email;
    const char *product_id;
    const char *key;     /* none: generated from the product id */
    const char *edition; /* none: no edition */
    long seats;          /* 0: unlimited */
    lp_time expires_at;  /* LP_TIME_NONE: never */
    const char *status;  /* active, pending, suspended, revoked or expired */
    bool allow_deactivation;
    const char *features[LP_LICENSE_FEATURES_MAX];
    size_t feature_count;
    struct lpd_renewal_option renewals[LP_LICENSE_RENEWALS_MAX];
    size_t renewal_count;
};

/* The defaults: unlimited seats, no expiry, active, deactivation allowed. */
void lpd_license_spec_init(struct lpd_license_spec *spec);

/* Each parser returns false with a sentence in `err` on bad input. */

/* "unlimited" or a whole number from 1 to LP_LICENSE_SEATS_MAX. */
bool lpd_seats_parse(const char *text, long *seats, char *err, size_t err_size);

/* "never", a date "YYYY-MM-DD" (the end of that day, 23:59:59 UTC) or an RFC 3339 time. */
bool lpd_expiry_parse(const char *text, lp_time *expires_at, char *err, size_t err_size);

/* "LABEL,MONTHS,AMOUNT CUR": a label without , or ; (at most 64 bytes),
 * 1 to 120 months, a non-negative amount with at most as many decimals as
 * the currency has (three upper-case letters). */
bool lpd_renewal_parse(const char *text, struct lpd_renewal_option *out, char *err, size_t err_size);

/* Writes `option` back in the form lpd_renewal_parse reads. */
void lpd_renewal_format(const struct lpd_renewal_option *option, char *out, size_t size);

/* Splits `text` in place at `separator` into non-empty items, in order;
 * false when there are more than `max` or one is empty. "" gives none. */
bool lpd_split_list(char *text, char separator, const char **items, size_t max, size_t *count);

/* Checks what the parsers above cannot: the key (letters, digits and -,
 * 4 to 64), the edition, features (letters, digits and - _ . :, at most 64
 * each, no duplicates), the status, the product id and the e-mail. */
bool lpd_license_spec_check(const struct lpd_license_spec *spec, char *err, size_t err_size);

#endif
