/* Writing licenses and renewal options as the administration commands and the CSV import describe them. */
#ifndef LP_SERVER_LICENSE_STORE_H
#define LP_SERVER_LICENSE_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "server/db.h"
#include "server/license_fields.h"

#define LP_LICENSE_KEY_TEXT_MAX (LP_LICENSE_TEXT_MAX + 1)

/* Inserts the license `spec` describes (checked with lpd_license_spec_check
 * first) for the user with its e-mail, added at `now`, with its renewal
 * options. A key that is not given is generated from the product id. On
 * success `row` and `key` (LP_LICENSE_KEY_TEXT_MAX bytes) hold the new
 * license; otherwise `err` says why (no such user or product, a key that
 * exists already, a database error). Run it inside a transaction. */
bool lpd_license_insert(struct lpd_db *db, const struct lpd_license_spec *spec, lp_time now, int64_t *row, char *key,
                        char *err, size_t err_size);

/* Adds a renewal option to `product_id`, for license `license_row` only, or
 * for every license of the product when it is 0. */
bool lpd_renewal_insert(struct lpd_db *db, const char *product_id, int64_t license_row,
                        const struct lpd_renewal_option *option, char *err, size_t err_size);

/* Reads label, term_months, amount_minor and currency from the statement
 * columns `first` to `first + 3` of the current row. */
void lpd_renewal_from_columns(struct lpd_stmt *st, int first, struct lpd_renewal_option *out);

#endif
