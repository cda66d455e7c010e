/* Lists that follow the cursors: one loop for tables and JSON alike. */
#include "cli/listing.h"

#include <stdlib.h>
#include <string.h>

#include "cli/exit_code.h"
#include "cli/json_output.h"
#include "cli/paging.h"
#include "cli/product_filter.h"
#include "cli/say.h"

/* The server's own page size limit. */
#define MAX_PAGE 200

static int take_items(const lp_result *result, size_t wanted, cJSON *items, const char *what)
{
    cJSON *doc = result->body != NULL ? cJSON_ParseWithLength(result->body, result->body_len)
                                      : NULL;
    cJSON *page_items = cJSON_GetObjectItemCaseSensitive(doc, "items");
    if (!cJSON_IsArray(page_items)) {
        cJSON_Delete(doc);
        return cli_fail(CLI_EXIT_ERROR, "%s failed: the server's answer has no items list", what);
    }
    for (size_t i = 0; i < wanted && page_items->child != NULL; i++) {
        cJSON_AddItemToArray(items, cJSON_DetachItemViaPointer(page_items, page_items->child));
    }
    cJSON_Delete(doc);
    return CLI_EXIT_OK;
}

/* One page of any of the API's three lists, and one of its items as the id cache sees it. */
typedef struct page_view {
    size_t count;
    const char *next;
    int64_t total;
    const char *id;          /* of the item asked for */
    const char *description; /* its product, or for an activation its device or domain */
} page_view;

/* The three page types differ only in their item type, so one macro reads them all. */
#define VIEW(page, index, name_field)                                    \
    ((page_view){(page).count, (page).next_cursor, (page).total,         \
                 (index) < (page).count ? (page).items[index].id : NULL, \
                 (index) < (page).count ? (page).items[index].name_field : NULL})

static page_view page_of(const lp_result *result, size_t index)
{
    switch (result->kind) {
    case LP_CALL_LICENSES:
        return VIEW(result->as.licenses, index, product.name);
    case LP_CALL_ACTIVATIONS:
        return VIEW(result->as.activations, index, name);
    case LP_CALL_DOWNLOADS:
        return VIEW(result->as.downloads, index, product.name);
    case LP_CALL_TOKENS:
        return VIEW(result->as.token_page, index, name);
    default:
        return (page_view){0};
    }
}

int cli_list_all(cli_context *ctx, const cli_listing *listing, size_t cap, cli_table *table,
                 cJSON *items, cli_id_cache *ids, int64_t *total)
{
    char *cursor = NULL;
    size_t taken = 0;
    cli_paging paging = {0};
    *total = 0;
    for (bool first = true;; first = false) {
        size_t want = MAX_PAGE;
        if (cap > 0 && cap - taken < want) {
            want = cap - taken;
        }
        lp_error err;
        lp_error_clear(&err);
        lp_call *call = listing->start(ctx->client, ctx->args, cursor, (int)want, &err);
        lp_call *done;
        if (cli_finish(ctx, call, &done, &err) != LP_OK) {
            free(cursor);
            cli_paging_free(&paging);
            return cli_report(listing->what, &err);
        }
        const lp_result *result = lp_call_result(done);
        page_view page = page_of(result, 0);
        size_t count = page.count;
        const char *next = page.next;
        int64_t page_total = page.total;
        if (first) {
            *total = page_total;
        }
        size_t use = count < want ? count : want;
        int rc = CLI_EXIT_OK;
        for (size_t i = 0; table != NULL && i < use && rc == CLI_EXIT_OK; i++) {
            if (!listing->add_row(table, result, i)) {
                rc = cli_fail(CLI_EXIT_ERROR, "%s failed: out of memory", listing->what);
            }
        }
        for (size_t i = 0; ids != NULL && i < use; i++) {
            page_view item = page_of(result, i);
            cli_id_cache_add(ids, item.id, item.description);
        }
        if (rc == CLI_EXIT_OK && items != NULL) {
            rc = take_items(result, use, items, listing->what);
        }
        taken += use;
        free(cursor);
        cursor = NULL;
        const char *why = NULL;
        cli_paging_step step = cli_paging_next(&paging, count, next, page_total, &why);
        if (step == CLI_PAGING_BROKEN && cap > 0) {
            /* --limit bounds the walk by itself: it ends at the cap or an empty page. */
            step = next != NULL && count > 0 ? CLI_PAGING_MORE : CLI_PAGING_DONE;
        }
        bool capped = cap > 0 && taken >= cap;
        if (rc == CLI_EXIT_OK && step == CLI_PAGING_MORE && !capped) {
            cursor = strdup(next);
            if (cursor == NULL) {
                rc = cli_fail(CLI_EXIT_ERROR, "%s failed: out of memory", listing->what);
            }
        } else if (rc == CLI_EXIT_OK && step == CLI_PAGING_BROKEN) {
            rc = cli_fail(CLI_EXIT_ERROR, "%s failed: the server's paging did not end: %s",
                          listing->what, why);
        }
        lp_call_free(done);
        if (rc != CLI_EXIT_OK || cursor == NULL) {
            cli_paging_free(&paging);
            return rc;
        }
    }
}

/* The table the rows go into and how it is printed: records for scripts, else a table for people. */
typedef struct listing_output {
    cli_table *table;
    cli_table_style style;
    size_t order[64];
    bool records;
} listing_output;

static int open_output(cli_context *ctx, const cli_listing *listing, listing_output *out)
{
    out->records = cli_script_output(ctx);
    if (!out->records) {
        out->table = listing->new_table();
        out->style = cli_stdout_style(ctx);
        return out->table != NULL
                   ? CLI_EXIT_OK
                   : cli_fail(CLI_EXIT_ERROR, "%s failed: out of memory", listing->what);
    }
    out->table = cli_table_new(listing->field_count, listing->fields);
    if (out->table == NULL) {
        return cli_fail(CLI_EXIT_ERROR, "%s failed: out of memory", listing->what);
    }
    return cli_records_style(ctx, out->table, out->order, sizeof out->order / sizeof out->order[0],
                             &out->style);
}

static int list_resolved(cli_context *ctx, const cli_listing *listing, listing_output *out);

static int run_listing(cli_context *ctx, const void *data)
{
    const cli_listing *listing = data;
    listing_output out = {0};
    int rc = ctx->args->json ? CLI_EXIT_OK : open_output(ctx, listing, &out);
    cli_args resolved = *ctx->args;
    char *product_id = NULL;
    if (rc == CLI_EXIT_OK && resolved.product != NULL) {
        rc = cli_resolve_product(ctx, &resolved.product, &product_id);
    }
    const cli_args *given = ctx->args;
    ctx->args = &resolved;
    if (rc == CLI_EXIT_OK && listing->before != NULL) {
        rc = listing->before(ctx);
    }
    if (rc == CLI_EXIT_OK) {
        rc = list_resolved(ctx, listing, &out);
    }
    ctx->args = given;
    free(product_id);
    cli_table_free(out.table);
    return rc;
}

static int list_resolved(cli_context *ctx, const cli_listing *listing, listing_output *out)
{
    bool json = ctx->args->json;
    cJSON *items = json ? cJSON_CreateArray() : NULL;
    if (json && items == NULL) {
        return cli_fail(CLI_EXIT_ERROR, "%s failed: out of memory", listing->what);
    }
    /* Records for scripts are rows of raw values. */
    cli_listing rows = *listing;
    if (out->records) {
        rows.add_row = listing->add_record;
    }
    cli_id_cache *ids = cli_id_cache_new(listing->cache_name);
    int64_t total = 0;
    int rc = cli_list_all(ctx, &rows, (size_t)ctx->args->limit, json ? NULL : out->table, items,
                          ids, &total);
    if (rc == CLI_EXIT_OK && json) {
        rc = cli_print_list_json(items, total);
        items = NULL;
    } else if (rc == CLI_EXIT_OK) {
        cli_table_print(out->table, stdout, &out->style);
        if (!out->records && (int64_t)cli_table_rows(out->table) < total) {
            cli_say(stdout, "(%zu of %lld shown)", cli_table_rows(out->table), (long long)total);
        }
    }
    if (rc == CLI_EXIT_OK) {
        /* Completion is a convenience: a cache that cannot be written changes nothing here. */
        (void)cli_id_cache_write(ids);
    }
    cli_id_cache_free(ids);
    cJSON_Delete(items);
    return rc;
}

int cli_list_command(const cli_args *args, const cli_listing *listing)
{
    return cli_with_session(args, run_listing, listing);
}

int cli_print_json_document(cJSON *doc)
{
    bool ok = doc != NULL && cli_json_print(stdout, doc);
    cJSON_Delete(doc);
    return ok ? CLI_EXIT_OK : cli_fail(CLI_EXIT_ERROR, "printing JSON failed");
}

int cli_print_list_json(cJSON *items, int64_t total)
{
    cJSON *doc = cJSON_CreateObject();
    if (doc == NULL) {
        cJSON_Delete(items);
        return cli_fail(CLI_EXIT_ERROR, "printing JSON failed: out of memory");
    }
    cJSON_AddItemToObject(doc, "items", items);
    cJSON_AddNumberToObject(doc, "total", (double)total);
    return cli_print_json_document(doc);
}

int cli_print_body_json(const lp_result *result, const char *what)
{
    cJSON *doc = result->body != NULL ? cJSON_ParseWithLength(result->body, result->body_len)
                                      : NULL;
    if (doc == NULL) {
        return cli_fail(CLI_EXIT_ERROR, "%s failed: the server's answer is not JSON", what);
    }
    return cli_print_json_document(doc);
}
