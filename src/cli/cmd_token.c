/* licportal token create|list|revoke: personal access tokens for scripts, cron and monitoring. */
#include <stdio.h>
#include <string.h>

#include "cli/commands.h"
#include "cli/context.h"
#include "cli/exit_code.h"
#include "cli/listing.h"
#include "cli/raw_value.h"
#include "cli/say.h"
#include "licportal/format.h"
#include "licportal/sanitize.h"

static const char *const headers[] = {"ID", "NAME", "SCOPE", "CREATED", "EXPIRES", "LAST USED"};

/* ---- create ------------------------------------------------------------ */

static lp_call *start_create(cli_context *ctx, lp_error *err)
{
    lp_token_request request = {
        .name = ctx->args->token_name,
        .scope = ctx->args->scope != NULL ? ctx->args->scope : "read",
        .expires_days = ctx->args->expires_days,
    };
    return lp_client_create_token(ctx->client, &request, err);
}

/* The secret goes to stdout alone, so `TOKEN=$(licportal token create ...)` works;
 * what it is goes to stderr. */
static int show_created(cli_context *ctx, const lp_result *result)
{
    if (ctx->args->json) {
        return cli_print_body_json(result, "creating the token");
    }
    const lp_personal_token *token = &result->as.token;
    char expires[LP_TIMESTAMP_LEN] = "never";
    if (token->expires_at != LP_TIME_NONE) {
        lp_timestamp_format(token->expires_at, expires);
    }
    char id[128];
    lp_sanitize_into(token->id, id, sizeof id);
    cli_say(stderr,
            "Created personal access token %s (%s, expires %s). This is the only time it is shown:",
            id, token->scope, expires);
    cli_say(stdout, "%s", token->token);
    return CLI_EXIT_OK;
}

int cmd_token_create(const cli_args *args)
{
    static const cli_single_call create = {"creating the token", start_create, show_created};
    return cli_run_single_call(args, &create);
}

/* ---- list -------------------------------------------------------------- */

static lp_call *start_page(lp_client *client, const cli_args *args, const char *cursor, int limit,
                           lp_error *err)
{
    (void)args;
    return lp_client_list_tokens(client, limit, cursor, err);
}

static bool add_row(cli_table *table, const lp_result *result, size_t index)
{
    const lp_personal_token *t = &result->as.token_page.items[index];
    char created[LP_TIMESTAMP_LEN] = "";
    char expires[LP_TIMESTAMP_LEN] = "";
    char used[LP_TIMESTAMP_LEN] = "";
    lp_timestamp_format(t->created_at, created);
    if (t->expires_at != LP_TIME_NONE)
        lp_timestamp_format(t->expires_at, expires);
    if (t->last_used_at != LP_TIME_NONE)
        lp_timestamp_format(t->last_used_at, used);
    const char *cells[] = {t->id, t->name, t->scope, created, expires, used};
    return cli_table_add_row(table, cells);
}

static const char *const fields[] = {"id",         "name",       "scope",
                                     "created_at", "expires_at", "last_used_at"};

static bool add_record(cli_table *table, const lp_result *result, size_t index)
{
    const lp_personal_token *t = &result->as.token_page.items[index];
    char created[LP_TIMESTAMP_LEN], expires[LP_TIMESTAMP_LEN], used[LP_TIMESTAMP_LEN];
    const char *cells[] = {t->id,
                           t->name,
                           t->scope,
                           cli_raw_time(t->created_at, created),
                           cli_raw_time(t->expires_at, expires),
                           cli_raw_time(t->last_used_at, used)};
    return cli_table_add_row(table, cells);
}

static cli_table *new_table(void)
{
    return cli_table_new_keeping(sizeof headers / sizeof headers[0], headers, 1);
}

int cmd_token_list(const cli_args *args)
{
    static const cli_listing tokens = {
        .what = "listing tokens",
        .cache_name = "tokens",
        .new_table = new_table,
        .start = start_page,
        .add_row = add_row,
        .fields = fields,
        .field_count = sizeof fields / sizeof fields[0],
        .add_record = add_record,
    };
    return cli_list_command(args, &tokens);
}

/* ---- revoke ------------------------------------------------------------ */

static lp_call *start_revoke(cli_context *ctx, lp_error *err)
{
    return lp_client_revoke_token(ctx->client, ctx->args->target, err);
}

static int show_revoked(cli_context *ctx, const lp_result *result)
{
    (void)result;
    char id[128];
    lp_sanitize_into(ctx->args->target, id, sizeof id);
    if (ctx->args->json) {
        cJSON *doc = cJSON_CreateObject();
        cJSON_AddStringToObject(doc, "id", ctx->args->target);
        cJSON_AddBoolToObject(doc, "revoked", true);
        int rc = cli_print_json_document(doc);
        return rc;
    }
    cli_say(stdout, "Revoked %s; it stops working at once.", id);
    return CLI_EXIT_OK;
}

int cmd_token_revoke(const cli_args *args)
{
    static const cli_single_call revoke = {"revoking the token", start_revoke, show_revoked};
    return cli_run_single_call(args, &revoke);
}
