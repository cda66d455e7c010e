/* licportal activations: devices and domains across licenses (or of one license). */
#include "cli/commands.h"
#include "cli/exit_code.h"
#include "cli/listing.h"
#include "cli/raw_value.h"
#include "licportal/format.h"

static const char *const headers[] = {
    "ID", "LICENSE", "PRODUCT", "KIND", "NAME", "PLATFORM", "LAST SEEN",
};

static lp_call *start_page(lp_client *client, const cli_args *args, const char *cursor, int limit,
                           lp_error *err)
{
    lp_activation_query query = {
        .license_id = args->license_id,
        .cursor = cursor,
        .limit = limit,
    };
    return lp_client_list_activations(client, &query, err);
}

static bool add_row(cli_table *table, const lp_result *result, size_t index)
{
    const lp_activation *a = &result->as.activations.items[index];
    char seen[16];
    lp_format_date(a->last_seen_at, seen, sizeof seen);
    const char *cells[] = {
        a->id,
        a->license_key_masked,
        a->product.name,
        lp_activation_kind_name(a->kind),
        a->name,
        a->platform,
        seen,
    };
    return cli_table_add_row(table, cells);
}

static const char *const fields[] = {
    "id",   "license_id",  "license_key_masked", "product_id", "product",      "kind",
    "name", "fingerprint", "platform",           "ip",         "activated_at", "last_seen_at",
};

static bool add_record(cli_table *table, const lp_result *result, size_t index)
{
    const lp_activation *a = &result->as.activations.items[index];
    char activated[LP_TIMESTAMP_LEN], seen[LP_TIMESTAMP_LEN];
    const char *cells[] = {
        a->id,
        a->license_id,
        a->license_key_masked,
        a->product.id,
        a->product.name,
        lp_activation_kind_name(a->kind),
        a->name,
        a->fingerprint,
        a->platform,
        a->ip,
        cli_raw_time(a->activated_at, activated),
        cli_raw_time(a->last_seen_at, seen),
    };
    return cli_table_add_row(table, cells);
}

/* An unknown --license is "not found" (exit 3) as in every command, not an empty list. */
static int license_exists(cli_context *ctx)
{
    if (ctx->args->license_id == NULL) {
        return CLI_EXIT_OK;
    }
    lp_error err;
    lp_error_clear(&err);
    lp_call *done;
    int rc = cli_call(ctx, lp_client_get_license(ctx->client, ctx->args->license_id, &err), &err,
                      "looking up the license", &done);
    if (rc == CLI_EXIT_OK) {
        lp_call_free(done);
    }
    return rc;
}

static cli_table *new_table(void)
{
    return cli_table_new_keeping(sizeof headers / sizeof headers[0], headers, 2);
}

int cmd_activations(const cli_args *args)
{
    static const cli_listing activations = {
        .what = "listing activations",
        .cache_name = "activations",
        .new_table = new_table,
        .start = start_page,
        .add_row = add_row,
        .before = license_exists,
        .fields = fields,
        .field_count = sizeof fields / sizeof fields[0],
        .add_record = add_record,
    };
    return cli_list_command(args, &activations);
}
