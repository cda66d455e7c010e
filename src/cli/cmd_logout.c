/* licportal logout: revoke the session on the server, then forget it locally. */
#include <stdio.h>

#include "cli/commands.h"
#include "cli/context.h"
#include "cli/exit_code.h"
#include "cli/say.h"
#include "licportal/sanitize.h"

int cmd_logout(const cli_args *args)
{
    cli_context ctx;
    int rc = cli_context_open(&ctx, args, NULL);
    if (rc != CLI_EXIT_OK) {
        cli_context_close(&ctx);
        return rc;
    }
    char server[512];
    lp_sanitize_into(ctx.config.server, server, sizeof server);
    if (!lp_client_has_session(ctx.client)) {
        cli_say(stdout, "Not logged in to %s.", server);
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
    cli_say(stdout, "Logged out of %s.", server);
    cli_context_close(&ctx);
    return CLI_EXIT_OK;
}
