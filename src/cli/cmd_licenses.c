/* licportal licenses: every license matching the filters, all pages. */
#include "cli/commands.h"
#include "cli/license_row.h"
#include "cli/listing.h"

static lp_call *start_page(lp_client *client, const cli_args *args, const char *cursor, int limit,
                           lp_error *err)
{
    lp_license_query query = {
        .status = args->status,
        .product = args->product,
        .q = args->query,
        .sort = args->sort,
        .expiring_within_days = args->expiring_within,
        .cursor = cursor,
        .limit = limit,
    };
    return lp_client_list_licenses(client, &query, err);
}

static bool add_row(cli_table *table, const lp_result *result, size_t index)
{
    return cli_add_license_row(table, &result->as.licenses.items[index]);
}

static bool add_record(cli_table *table, const lp_result *result, size_t index)
{
    return cli_add_license_record(table, &result->as.licenses.items[index]);
}

int cmd_licenses(const cli_args *args)
{
    static const cli_listing licenses = {
        .what = "listing licenses",
        .cache_name = "licenses",
        .new_table = cli_license_table_new,
        .start = start_page,
        .add_row = add_row,
        .fields = cli_license_fields,
        .field_count = CLI_LICENSE_FIELD_COUNT,
        .add_record = add_record,
    };
    return cli_list_command(args, &licenses);
}
