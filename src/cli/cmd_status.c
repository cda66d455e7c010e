/* licportal status: who is logged in, to which server, and which store holds the session. */
#include <stdio.h>

#include "cli/commands.h"
#include "cli/context.h"
#include "cli/exit_code.h"
#include "cli/table.h"

static lp_call *start(cli_context *ctx, lp_error *err)
{
    return lp_client_get_me(ctx->client, err);
}

static int show(cli_context *ctx, const lp_result *result)
{
    const lp_user *user = &result->as.user;
    const char *fields[] = {
        "User", user->name,
        "Email", user->email,
        "Organization", user->organization,
        "Server", ctx->config.server,
        "Profile", ctx->config.profile,
        "Session stored in", lp_credstore_describe(ctx->store),
    };
    cli_print_fields(stdout, fields, sizeof fields / sizeof fields[0] / 2, ctx->stdout_terminal);
    return CLI_EXIT_OK;
}

int cmd_status(const cli_args *args)
{
    static const cli_single_call status = {"checking the session", start, show};
    return cli_run_single_call(args, &status);
}
