/* licportal downloads: the files this account may download, newest first. */
#include <stdio.h>

#include "cli/commands.h"
#include "cli/context.h"
#include "cli/exit_code.h"
#include "cli/listing.h"
#include "licportal/format.h"

static const char *const headers[] = {
    "ID", "PRODUCT", "VERSION", "CHANNEL", "PLATFORM", "ARCH", "SIZE", "RELEASED", "FILE",
};

static lp_call *start_page(lp_client *client, const void *query, const char *cursor, int limit,
                           lp_error *err)
{
    lp_download_query page = *(const lp_download_query *)query;
    page.cursor = cursor;
    page.limit = limit;
    return lp_client_list_downloads(client, &page, err);
}

static void page_info(const lp_result *result, size_t *count, const char **next, int64_t *total)
{
    *count = result->as.downloads.count;
    *next = result->as.downloads.next_cursor;
    *total = result->as.downloads.total;
}

static bool add_row(cli_table *table, const lp_result *result, size_t index)
{
    const lp_download *d = &result->as.downloads.items[index];
    char size[32], released[16];
    lp_format_size(d->size_bytes, size, sizeof size);
    lp_format_date(d->released_at, released, sizeof released);
    const char *cells[] = {
        d->id, d->product.name, d->version, d->channel, d->platform, d->arch, size, released,
        d->filename,
    };
    return cli_table_add_row(table, cells);
}

static void describe(const lp_result *result, size_t index, const char **id,
                     const char **description)
{
    *id = result->as.downloads.items[index].id;
    *description = result->as.downloads.items[index].product.name;
}

static cli_table *new_table(void)
{
    cli_table *table = cli_table_new(9, headers);
    if (table != NULL) {
        cli_table_keep_width(table, 0);
    }
    return table;
}

static const cli_listing downloads_listing = {
    .what = "listing downloads",
    .cache_name = "downloads",
    .new_table = new_table,
    .start = start_page,
    .page = page_info,
    .add_row = add_row,
    .describe = describe,
};

static int list(cli_context *ctx, const void *data)
{
    (void)data;
    const cli_args *args = ctx->args;
    lp_download_query query = {
        .product = args->product,
        .channel = args->channel,
        .platform = args->platform,
    };
    return cli_run_listing(ctx, &downloads_listing, &query);
}

int cmd_downloads(const cli_args *args)
{
    return cli_with_session(args, list, NULL);
}
