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

static const cli_listing activations_listing = {"listing activations", start_page, page_info,
                                                add_row};

int cmd_activations(const cli_args *args)
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
    lp_activation_query query = {.license_id = args->license_id};
    cli_table *table = args->json ? NULL : cli_table_new(7, headers);
    if (table != NULL) {
        cli_table_keep_width(table, 0);
        cli_table_keep_width(table, 1);
    }
    cJSON *items = args->json ? cJSON_CreateArray() : NULL;
    if (table == NULL && items == NULL) {
        cli_context_close(&ctx);
        return cli_fail(CLI_EXIT_ERROR, "listing activations failed: out of memory");
    }
    int64_t total = 0;
    rc = cli_list_all(&ctx, &activations_listing, &query, (size_t)args->limit, table, items,
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
