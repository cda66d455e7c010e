/* licportal licenses: every licence matching the filters, all pages. */
#include <stdio.h>

#include "cli/commands.h"
#include "cli/context.h"
#include "cli/exit_code.h"
#include "cli/say.h"
#include "cli/license_row.h"
#include "cli/listing.h"

static lp_call *start_page(lp_client *client, const void *query, const char *cursor, int limit,
                           lp_error *err)
{
    lp_license_query page = *(const lp_license_query *)query;
    page.cursor = cursor;
    page.limit = limit;
    return lp_client_list_licenses(client, &page, err);
}

static void page_info(const lp_result *result, size_t *count, const char **next, int64_t *total)
{
    *count = result->as.licenses.count;
    *next = result->as.licenses.next_cursor;
    *total = result->as.licenses.total;
}

static bool add_row(cli_table *table, const lp_result *result, size_t index)
{
    return cli_add_license_row(table, &result->as.licenses.items[index]);
}

static void describe(const lp_result *result, size_t index, const char **id,
                     const char **description)
{
    *id = result->as.licenses.items[index].id;
    *description = result->as.licenses.items[index].product.name;
}

static const cli_listing licenses_listing = {
    .what = "listing licences",
    .cache_name = "licenses",
    .new_table = cli_license_table_new,
    .start = start_page,
    .page = page_info,
    .add_row = add_row,
    .describe = describe,
};

static int list(cli_context *ctx, const void *data)
{
    (void)data;
    const cli_args *args = ctx->args;
    lp_license_query query = {
        .status = args->status,
        .product = args->product,
        .q = args->query,
        .sort = args->sort,
        .expiring_within_days = args->expiring_within,
    };
    return cli_run_listing(ctx, &licenses_listing, &query);
}

int cmd_licenses(const cli_args *args)
{
    return cli_with_session(args, list, NULL);
}
