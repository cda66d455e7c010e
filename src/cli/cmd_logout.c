/* licportal logout: revoke the session on the server, then forget it locally. */
#include <stdio.h>

#include "cli/commands.h"
#include "cli/context.h"
#include "cli/exit_code.h"
#include "cli/listing.h"
#include "cli/say.h"
#include "licportal/sanitize.h"

static void print_outcome(const cli_context *ctx, const char *server, bool was_logged_in)
{
    if (ctx->args->json) {
        cJSON *doc = cJSON_CreateObject();
        cJSON_AddStringToObject(doc, "server", ctx->config.server);
        cJSON_AddBoolToObject(doc, "was_logged_in", was_logged_in);
        cJSON_AddBoolToObject(doc, "logged_out", true);
        cli_print_json_document(doc);
        return;
    }
    cli_say(stdout, was_logged_in ? "Logged out of %s." : "Not logged in to %s.", server);
}

int cmd_logout(const cli_args *args)
{
    cli_context ctx;
    int rc = cli_context_open(&ctx, args, NULL);
    if (rc != CLI_EXIT_OK) {
        cli_context_close(&ctx);
        return rc;
    }
    if (lp_credstore_from_environment(ctx.store)) {
        cli_context_close(&ctx);
        return cli_fail(CLI_EXIT_USAGE,
                        "LICPORTAL_TOKEN holds a personal access token, which logout does not "
                        "end: revoke it with `licportal token revoke ID` from a login session");
    }
    char server[512];
    lp_sanitize_into(ctx.config.server, server, sizeof server);
    if (!lp_client_has_session(ctx.client)) {
        print_outcome(&ctx, server, false);
        cli_context_close(&ctx);
        return CLI_EXIT_OK;
    }
    lp_error err;
    lp_error_clear(&err);
    lp_call *done;
    lp_status remote = cli_finish(&ctx, lp_client_logout(ctx.client, &err), &done, &err);
    if (remote == LP_OK) {
        lp_call_free(done);
    }
    lp_error local;
    lp_error_clear(&local);
    if (lp_credstore_clear(ctx.store, &local) != LP_OK) {
        rc = cli_report("forgetting the session", &local);
        cli_context_close(&ctx);
        return rc;
    }
    /* A session the server already refused is as good as logged out. */
    if (remote != LP_OK && remote != LP_ERR_AUTH) {
        rc = cli_fail(cli_exit_code(remote),
                      "the session was forgotten here, but the server could not be told: %s",
                      err.message);
        cli_context_close(&ctx);
        return rc;
    }
    print_outcome(&ctx, server, true);
    cli_context_close(&ctx);
    return CLI_EXIT_OK;
}
