/* licportal status: who is logged in, to which server, and which store holds the session. */
#include <stdio.h>

#include "cli/commands.h"
#include "cli/context.h"
#include "cli/exit_code.h"
#include "cli/table.h"

int cmd_status(const cli_args *args)
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
    lp_error err;
    lp_error_clear(&err);
    lp_call *done;
    if (cli_finish(&ctx, lp_client_get_me(ctx.client, &err), &done, &err) != LP_OK) {
        rc = cli_report("checking the session", &err);
        cli_context_close(&ctx);
        return rc;
    }
    const lp_user *user = &lp_call_result(done)->as.user;
    const char *fields[] = {
        "User", user->name,
        "Email", user->email,
        "Organization", user->organization,
        "Server", ctx.config.server,
        "Profile", ctx.config.profile,
        "Session stored in", lp_credstore_describe(ctx.store),
    };
    cli_print_fields(stdout, fields, sizeof fields / sizeof fields[0] / 2, ctx.stdout_terminal);
    lp_call_free(done);
    cli_context_close(&ctx);
    return CLI_EXIT_OK;
}
