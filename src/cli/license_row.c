/* A licence summary as table cells: masked key, product, status, dates, seats. */
#include "cli/license_row.h"

#include "licportal/format.h"

const char *const cli_license_headers[CLI_LICENSE_COLUMNS] = {
    "ID", "KEY", "PRODUCT", "EDITION", "STATUS", "ADDED", "EXPIRES", "SEATS",
};

bool cli_add_license_row(cli_table *table, const lp_license_summary *license)
{
    char added[16];
    char expires[16];
    char seats[64];
    lp_format_date(license->added_at, added, sizeof added);
    lp_format_date(license->expires_at, expires, sizeof expires);
    lp_format_seats(license->activations_in_use, license->max_activations, seats, sizeof seats);
    const char *cells[CLI_LICENSE_COLUMNS] = {
        license->id, license->key_masked, license->product.name, license->edition,
        lp_license_status_name(license->status), added, expires, seats,
    };
    return cli_table_add_row(table, cells);
}
