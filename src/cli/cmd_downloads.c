/* licportal downloads: the files this account may download, newest first. */
#include "cli/commands.h"
#include "cli/listing.h"
#include "cli/raw_value.h"
#include "licportal/format.h"

static const char *const headers[] = {
    "ID", "PRODUCT", "VERSION", "CHANNEL", "PLATFORM", "ARCH", "SIZE", "RELEASED", "FILE",
};

static lp_call *start_page(lp_client *client, const cli_args *args, const char *cursor, int limit,
                           lp_error *err)
{
    lp_download_query query = {
        .product = args->product,
        .channel = args->channel,
        .platform = args->platform,
        .cursor = cursor,
        .limit = limit,
    };
    return lp_client_list_downloads(client, &query, err);
}

static bool add_row(cli_table *table, const lp_result *result, size_t index)
{
    const lp_download *d = &result->as.downloads.items[index];
    char size[32], released[16];
    lp_format_size(d->size_bytes, size, sizeof size);
    lp_format_date(d->released_at, released, sizeof released);
    const char *cells[] = {
        d->id, d->product.name, d->version,  d->channel, d->platform, d->arch,
        size,  released,        d->filename,
    };
    return cli_table_add_row(table, cells);
}

static const char *const fields[] = {
    "id",   "product_id", "product",    "version", "channel",     "platform",
    "arch", "filename",   "size_bytes", "sha256",  "released_at",
};

static bool add_record(cli_table *table, const lp_result *result, size_t index)
{
    const lp_download *d = &result->as.downloads.items[index];
    char size[CLI_RAW_NUMBER_LEN], released[LP_TIMESTAMP_LEN];
    const char *cells[] = {
        d->id,
        d->product.id,
        d->product.name,
        d->version,
        d->channel,
        d->platform,
        d->arch,
        d->filename,
        cli_raw_number(d->size_bytes, -1, size),
        d->sha256,
        cli_raw_time(d->released_at, released),
    };
    return cli_table_add_row(table, cells);
}

static cli_table *new_table(void)
{
    return cli_table_new_keeping(sizeof headers / sizeof headers[0], headers, 1);
}

int cmd_downloads(const cli_args *args)
{
    static const cli_listing downloads = {
        .what = "listing downloads",
        .cache_name = "downloads",
        .new_table = new_table,
        .start = start_page,
        .add_row = add_row,
        .fields = fields,
        .field_count = sizeof fields / sizeof fields[0],
        .add_record = add_record,
    };
    return cli_list_command(args, &downloads);
}
