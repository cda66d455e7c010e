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

static const cli_listing downloads_listing = {"listing downloads", start_page, page_info,
                                              add_row};

int cmd_downloads(const cli_args *args)
{
    cli_context ctx;
    int rc = cli_context_open(&ctx, args, NULL);
    if (rc == CLI_EXIT_OK) {
        rc = cli_require_session(&ctx);
    }
    if (rc != CLI_EXIT_OK) {
        cli_context_close(&ctx);
        return rc;
    }
    lp_download_query query = {
        .product = args->product,
        .channel = args->channel,
        .platform = args->platform,
    };
    cli_table *table = args->json ? NULL : cli_table_new(9, headers);
    if (table != NULL) {
        cli_table_keep_width(table, 0);
    }
    cJSON *items = args->json ? cJSON_CreateArray() : NULL;
    if (table == NULL && items == NULL) {
        cli_context_close(&ctx);
        return cli_fail(CLI_EXIT_ERROR, "listing downloads failed: out of memory");
    }
    int64_t total = 0;
    rc = cli_list_all(&ctx, &downloads_listing, &query, (size_t)args->limit, table, items,
                      &total);
    if (rc == CLI_EXIT_OK && items != NULL) {
        rc = cli_print_list_json(items, total);
        items = NULL;
    } else if (rc == CLI_EXIT_OK) {
        cli_table_style style = cli_stdout_style(&ctx);
        cli_table_print(table, stdout, &style);
    }
    cJSON_Delete(items);
    cli_table_free(table);
    cli_context_close(&ctx);
    return rc;
}
