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

static const cli_listing licenses_listing = {"listing licences", start_page, page_info, add_row};

int cmd_licenses(const cli_args *args)
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
    lp_license_query query = {
        .status = args->status,
        .product = args->product,
        .q = args->query,
        .sort = args->sort,
        .expiring_within_days = args->expiring_within,
    };
    cli_table *table = args->json ? NULL : cli_license_table_new();
    cJSON *items = args->json ? cJSON_CreateArray() : NULL;
    if (table == NULL && items == NULL) {
        cli_context_close(&ctx);
        return cli_fail(CLI_EXIT_ERROR, "listing licences failed: out of memory");
    }
    int64_t total = 0;
    rc = cli_list_all(&ctx, &licenses_listing, &query, (size_t)args->limit, table, items, &total);
    if (rc == CLI_EXIT_OK && items != NULL) {
        rc = cli_print_list_json(items, total);
        items = NULL;
    } else if (rc == CLI_EXIT_OK) {
        cli_table_style style = cli_stdout_style(&ctx);
        cli_table_print(table, stdout, &style);
        if (ctx.stdout_terminal && (int64_t)cli_table_rows(table) < total) {
            cli_say(stdout, "(%zu of %lld shown)", cli_table_rows(table), (long long)total);
        }
    }
    cJSON_Delete(items);
    cli_table_free(table);
    cli_context_close(&ctx);
    return rc;
}
