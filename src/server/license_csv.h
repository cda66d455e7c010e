/* The columns of `import licenses` and `export licenses`, so that an export
 * imports again as it was. */
#ifndef LP_SERVER_LICENSE_CSV_H
#define LP_SERVER_LICENSE_CSV_H

#include <stdbool.h>
#include <stddef.h>

#include "server/license_fields.h"

#define LP_LICENSE_CSV_COLUMNS 10

/* The header, in order: email, product, key, edition, seats, expires,
 * status, allow_deactivation, features, renewal_options. */
extern const char *const lpd_license_csv_header[LP_LICENSE_CSV_COLUMNS];

/* Whether `fields` are exactly the header. */
bool lpd_license_csv_is_header(char *const *fields, size_t count);

/* Reads one data record into `spec` (whose strings point into `fields`,
 * which features are split in place). False with a sentence in `err`. */
bool lpd_license_csv_parse(char **fields, size_t count, struct lpd_license_spec *spec, char *err, size_t err_size);

#endif
