/* A license summary as table cells: masked key, product, status, dates, seats. */
#include "cli/license_row.h"

#include <stdint.h>

#include "cli/raw_value.h"

#include "licportal/format.h"

/* Ids are what the next command needs; masked keys end in the part that matters. */
static cli_table *table_with_ids(size_t columns, const char *const *headers)
{
    return cli_table_new_keeping(columns, headers, 2);
}

cli_table *cli_license_table_new(void)
{
    static const char *const headers[] = {
        "ID", "KEY", "PRODUCT", "EDITION", "STATUS", "EXPIRES", "SEATS",
    };
    return table_with_ids(sizeof headers / sizeof headers[0], headers);
}

bool cli_add_license_row(cli_table *table, const lp_license_summary *license)
{
    char expires[16];
    char seats[64];
    lp_format_date(license->expires_at, expires, sizeof expires);
    lp_format_seats(license->activations_in_use, license->max_activations, seats, sizeof seats);
    const char *cells[] = {
        license->id,
        license->key_masked,
        license->product.name,
        license->edition,
        lp_license_status_name(license->status),
        expires,
        seats,
    };
    return cli_table_add_row(table, cells);
}

const char *const cli_license_fields[CLI_LICENSE_FIELD_COUNT] = {
    "id",       "key_masked", "product_id",         "product",         "edition", "status",
    "added_at", "expires_at", "activations_in_use", "max_activations",
};

bool cli_add_license_record(cli_table *table, const lp_license_summary *license)
{
    char added[LP_TIMESTAMP_LEN], expires[LP_TIMESTAMP_LEN];
    char in_use[CLI_RAW_NUMBER_LEN], max[CLI_RAW_NUMBER_LEN];
    const char *cells[] = {
        license->id,
        license->key_masked,
        license->product.id,
        license->product.name,
        license->edition,
        lp_license_status_name(license->status),
        cli_raw_time(license->added_at, added),
        cli_raw_time(license->expires_at, expires),
        cli_raw_number(license->activations_in_use, INT64_MIN, in_use),
        cli_raw_number(license->max_activations, LP_UNLIMITED, max),
    };
    return cli_table_add_row(table, cells);
}

cli_table *cli_recent_table_new(void)
{
    static const char *const headers[] = {"ID", "KEY", "PRODUCT", "STATUS", "ADDED"};
    return table_with_ids(sizeof headers / sizeof headers[0], headers);
}

bool cli_add_recent_row(cli_table *table, const lp_license_summary *license)
{
    char added[16];
    lp_format_date(license->added_at, added, sizeof added);
    const char *cells[] = {
        license->id,
        license->key_masked,
        license->product.name,
        lp_license_status_name(license->status),
        added,
    };
    return cli_table_add_row(table, cells);
}
