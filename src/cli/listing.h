/* Lists that follow the server's cursors to the last page (or a cap). */
#ifndef LICPORTAL_CLI_LISTING_H
#define LICPORTAL_CLI_LISTING_H

#include <cjson/cJSON.h>
#include <stdint.h>

#include "cli/context.h"
#include "cli/id_cache.h"
#include "cli/table.h"

typedef struct cli_listing {
    const char *what;       /* "listing licenses", for the error line */
    const char *cache_name; /* the id file the shell completions read */
    cli_table *(*new_table)(void);
    /* Asks for one page: the command's filters from `args`, then `cursor`
     * (NULL: the first page) and `limit`. */
    lp_call *(*start)(lp_client *client, const cli_args *args, const char *cursor, int limit,
                      lp_error *err);
    bool (*add_row)(cli_table *table, const lp_result *result, size_t index);
    /* Records for scripts: the field names, and one item as raw values (RFC
     * 3339 times, whole numbers, NULL for none), in the order of `fields`. */
    const char *const *fields;
    size_t field_count;
    bool (*add_record)(cli_table *table, const lp_result *result, size_t index);
    /* Optional: checks the command's filters before the first page (an
     * unknown id is exit 3). Returns an exit code, any failure reported. */
    int (*before)(cli_context *ctx);
} cli_listing;

/* The whole of a list sub-command (licenses, activations or downloads): a
 * --product name replaced by its id first (see product_filter.h), then every
 * page up to --limit, printed as a table or with --json as the API's items;
 * on success the ids also go to the completion cache (see id_cache.h), which
 * never fails the command. Returns an exit code, the failure reported. */
int cli_list_command(const cli_args *args, const cli_listing *listing);

/* Fetches every page, or until `cap` items (0: no cap). Without a cap, a
 * server whose paging would never end (see paging.h) is a failure, exit 1.
 * Rows go to `table`, the API's item objects to the array `items` and the
 * ids to `ids` (any may be NULL);
 * *total is the server's count of all matches. Returns an exit code, the
 * failure already reported. */
int cli_list_all(cli_context *ctx, const cli_listing *listing, size_t cap, cli_table *table,
                 cJSON *items, cli_id_cache *ids, int64_t *total);

/* Prints {"items": [...], "total": N} (takes `items`). Returns an exit code. */
int cli_print_list_json(cJSON *items, int64_t total);

/* Prints `doc` (consumed) on stdout. Returns an exit code. */
int cli_print_json_document(cJSON *doc);

/* Prints the body of a finished call re-encoded safely. Returns an exit code. */
int cli_print_body_json(const lp_result *result, const char *what);

#endif
