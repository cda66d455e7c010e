/* licportal activations: devices and domains across licences (or of one licence). */
#include <stdio.h>

#include "cli/commands.h"
#include "cli/context.h"
#include "cli/exit_code.h"
#include "cli/listing.h"
#include "licportal/format.h"

static const char *const headers[] = {
    "ID", "LICENSE", "PRODUCT", "KIND", "NAME", "PLATFORM", "LAST SEEN",
};

static lp_call *start_page(lp_client *client, const void *query, const char *cursor, int limit,
                           lp_error *err)
{
    lp_activation_query page = *(const lp_activation_query *)query;
    page.cursor = cursor;
    page.limit = limit;
    return lp_client_list_activations(client, &page, err);
}

static void page_info(const lp_result *result, size_t *count, const char **next, int64_t *total)
{
    *count = result->as.activations.count;
    *next = result->as.activations.next_cursor;
    *total = result->as.activations.total;
}

static bool add_row(cli_table *table, const lp_result *result, size_t index)
{
    const lp_activation *a = &result->as.activations.items[index];
    char seen[16];
    lp_format_date(a->last_seen_at, seen, sizeof seen);
    const char *cells[] = {
        a->id, a->license_key_masked, a->product.name, lp_activation_kind_name(a->kind),
        a->name, a->platform, seen,
    };
    return cli_table_add_row(table, cells);
}

static void describe(const lp_result *result, size_t index, const char **id,
                     const char **description)
{
    *id = result->as.activations.items[index].id;
    *description = result->as.activations.items[index].name;
}

static cli_table *new_table(void)
{
    cli_table *table = cli_table_new(7, headers);
    if (table != NULL) {
        cli_table_keep_width(table, 0);
        cli_table_keep_width(table, 1);
    }
    return table;
}

static const cli_listing activations_listing = {
    .what = "listing activations",
    .cache_name = "activations",
    .new_table = new_table,
    .start = start_page,
    .page = page_info,
    .add_row = add_row,
    .describe = describe,
};

static int list(cli_context *ctx, const void *data)
{
    (void)data;
    lp_activation_query query = {.license_id = ctx->args->license_id};
    return cli_run_listing(ctx, &activations_listing, &query);
}

int cmd_activations(const cli_args *args)
{
    return cli_with_session(args, list, NULL);
}
