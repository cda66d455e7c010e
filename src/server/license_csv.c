/* License rows in CSV: which column holds what, and how a row becomes a license spec. */
#include "server/license_csv.h"

#include <stdio.h>
#include <string.h>

const char *const lpd_license_csv_header[LP_LICENSE_CSV_COLUMNS] = {
    "email",    "product",         "key", "edition", "seats", "expires", "status", "allow_deactivation",
    "features", "renewal_options",
};

enum column { EMAIL, PRODUCT, KEY, EDITION, SEATS, EXPIRES, STATUS, ALLOW_DEACTIVATION, FEATURES, RENEWALS };

bool lpd_license_csv_is_header(char *const *fields, size_t count)
{
    if (count != LP_LICENSE_CSV_COLUMNS)
        return false;
    for (size_t i = 0; i < count; i++) {
        if (strcmp(fields[i], lpd_license_csv_header[i]) != 0)
            return false;
    }
    return true;
}

bool lpd_license_csv_parse(char **fields, size_t count, struct lpd_license_spec *spec, char *err, size_t err_size)
{
    if (count != LP_LICENSE_CSV_COLUMNS) {
        snprintf(err, err_size, "%zu fields where the header has %d", count, LP_LICENSE_CSV_COLUMNS);
        return false;
    }
    lpd_license_spec_init(spec);
    spec->email = fields[EMAIL];
    spec->product_id = fields[PRODUCT];
    spec->key = fields[KEY];
    spec->edition = fields[EDITION];
    char reason[256];
    if (fields[SEATS][0] != '\0' && !lpd_seats_parse(fields[SEATS], &spec->seats, reason, sizeof reason)) {
        snprintf(err, err_size, "seats: %s", reason);
        return false;
    }
    if (fields[EXPIRES][0] != '\0' && !lpd_expiry_parse(fields[EXPIRES], &spec->expires_at, reason, sizeof reason)) {
        snprintf(err, err_size, "expires: %s", reason);
        return false;
    }
    if (fields[STATUS][0] != '\0')
        spec->status = fields[STATUS];
    const char *allow = fields[ALLOW_DEACTIVATION];
    if (strcmp(allow, "no") == 0) {
        spec->allow_deactivation = false;
    } else if (allow[0] != '\0' && strcmp(allow, "yes") != 0) {
        snprintf(err, err_size, "allow_deactivation must be yes or no");
        return false;
    }
    if (!lpd_split_list(fields[FEATURES], ';', spec->features, LP_LICENSE_FEATURES_MAX, &spec->feature_count)) {
        snprintf(err, err_size, "features: at most %d names separated by ';', none empty", LP_LICENSE_FEATURES_MAX);
        return false;
    }
    const char *renewals[LP_LICENSE_RENEWALS_MAX];
    size_t renewal_count = 0;
    if (!lpd_split_list(fields[RENEWALS], ';', renewals, LP_LICENSE_RENEWALS_MAX, &renewal_count)) {
        snprintf(err, err_size, "renewal_options: at most %d options separated by ';', none empty",
                 LP_LICENSE_RENEWALS_MAX);
        return false;
    }
    for (size_t i = 0; i < renewal_count; i++) {
        if (!lpd_renewal_parse(renewals[i], &spec->renewals[i], reason, sizeof reason)) {
            snprintf(err, err_size, "renewal_options '%.80s': %s", renewals[i], reason);
            return false;
        }
    }
    spec->renewal_count = renewal_count;
    if (!lpd_license_spec_check(spec, err, err_size))
        return false;
    return true;
}
