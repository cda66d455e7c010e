/* Settings, store and client for a sub-command, and the one-line error report. */
#include "cli/context.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/exit_code.h"
#include "cli/say.h"
#include "licportal/sanitize.h"

static const char *hint_for(const lp_error *err)
{
    switch (err->status) {
    case LP_ERR_AUTH:
        return "log in again with `licportal login`";
    case LP_ERR_NETWORK:
        return "check the server address (--server) and the network";
    case LP_ERR_TLS:
        /* A message that names --cacert, or an outdated protocol, says what to do. */
        return strstr(err->message, "--cacert") != NULL || strstr(err->message, "TLS 1.2") != NULL
                   ? NULL
                   : "pass the server's CA certificate with --cacert FILE";
    case LP_ERR_RATE_LIMITED:
        return "wait a little and try again";
    case LP_ERR_SERVER:
        return "try again later";
    case LP_ERR_EXISTS:
        return "use --force to replace it or -o to choose another name";
    default:
        return NULL;
    }
}

int cli_report(const char *what, const lp_error *err)
{
    char message[sizeof err->message];
    lp_sanitize_into(err->message[0] != '\0' ? err->message : lp_status_name(err->status),
                     message, sizeof message);
    const char *hint = hint_for(err);
    if (err->status == LP_ERR_RATE_LIMITED && err->retry_after > 0) {
        cli_say(stderr, "licportal: %s failed: %s; try again in %ld s", what, message,
                err->retry_after);
    } else if (hint != NULL) {
        cli_say(stderr, "licportal: %s failed: %s; %s", what, message, hint);
    } else {
        cli_say(stderr, "licportal: %s failed: %s", what, message);
    }
    return cli_exit_code(err->status);
}

int cli_fail(int exit_code, const char *fmt, ...)
{
    char line[4096];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    /* Messages often carry an id or a server's words: the line goes out sanitised. */
    cli_say(stderr, "licportal: %s", line);
    return exit_code;
}

int cli_context_open(cli_context *ctx, const cli_args *args, const char *email)
{
    memset(ctx, 0, sizeof *ctx);
    ctx->args = args;
    ctx->stdout_terminal = isatty(STDOUT_FILENO);
    ctx->stderr_terminal = isatty(STDERR_FILENO);
    lp_error err;
    lp_error_clear(&err);
    if (lp_config_load(&args->overrides, &ctx->config, &err) != LP_OK) {
        return cli_fail(cli_exit_code(err.status), "%s", err.message);
    }
    ctx->config_loaded = true;
    ctx->color = ctx->stdout_terminal && !ctx->config.no_color;
    if (ctx->config.server == NULL) {
        return cli_fail(CLI_EXIT_USAGE,
                        "no server is set: pass --server https://HOST, set LICPORTAL_SERVER, "
                        "or add server = ... to the profile in the configuration file");
    }
    ctx->store = lp_credstore_open(ctx->config.credential_store, ctx->config.server,
                                   email != NULL ? email : ctx->config.email,
                                   &ctx->fallback_note, &err);
    if (ctx->store == NULL) {
        return cli_report("opening the credential store", &err);
    }
    lp_client_options options = {
        .server = ctx->config.server,
        .cacert_file = ctx->config.cacert,
        .store = ctx->store,
        .download_min_speed = ctx->config.download_min_speed,
        .download_slow_seconds = ctx->config.download_slow_seconds,
    };
    ctx->client = lp_client_new(&options, &err);
    if (ctx->client == NULL) {
        return cli_report(err.status == LP_ERR_STORE ? "reading the stored session"
                                                     : "setting up the connection",
                          &err);
    }
    return CLI_EXIT_OK;
}

void cli_context_close(cli_context *ctx)
{
    lp_client_free(ctx->client);
    ctx->client = NULL;
    lp_credstore_free(ctx->store);
    ctx->store = NULL;
    if (ctx->config_loaded) {
        lp_config_free(&ctx->config);
        ctx->config_loaded = false;
    }
}

int cli_require_session(cli_context *ctx)
{
    if (lp_client_has_session(ctx->client)) {
        return CLI_EXIT_OK;
    }
    char server[512];
    lp_sanitize_into(ctx->config.server, server, sizeof server);
    return cli_fail(CLI_EXIT_AUTH, "not logged in to %s; run `licportal login` first", server);
}

lp_status cli_finish(cli_context *ctx, lp_call *call, lp_call **call_out, lp_error *err)
{
    *call_out = NULL;
    if (call == NULL) {
        return err->status != LP_OK ? err->status : LP_ERR_USAGE;
    }
    lp_status status = lp_client_run(ctx->client, call, err);
    if (status == LP_OK) {
        status = lp_call_status(call, err);
    }
    if (status != LP_OK) {
        lp_call_free(call);
        return status;
    }
    *call_out = call;
    return LP_OK;
}

int cli_with_session(const cli_args *args, cli_session_body body, const void *data)
{
    cli_context ctx;
    int rc = cli_context_open(&ctx, args, NULL);
    if (rc == CLI_EXIT_OK) {
        rc = cli_require_session(&ctx);
    }
    if (rc == CLI_EXIT_OK) {
        rc = body(&ctx, data);
    }
    cli_context_close(&ctx);
    return rc;
}

int cli_call(cli_context *ctx, lp_call *call, lp_error *err, const char *what, lp_call **done)
{
    if (cli_finish(ctx, call, done, err) != LP_OK) {
        return cli_report(what, err);
    }
    return CLI_EXIT_OK;
}

static int run_single(cli_context *ctx, const void *data)
{
    const cli_single_call *single = data;
    lp_error err;
    lp_error_clear(&err);
    lp_call *done;
    int rc = cli_call(ctx, single->start(ctx, &err), &err, single->what, &done);
    if (rc == CLI_EXIT_OK) {
        rc = single->use(ctx, lp_call_result(done));
        lp_call_free(done);
    }
    return rc;
}

int cli_run_single_call(const cli_args *args, const cli_single_call *single)
{
    return cli_with_session(args, run_single, single);
}

cli_table_style cli_stdout_style(const cli_context *ctx)
{
    cli_table_style style = {
        .terminal = ctx->stdout_terminal,
        .width = cli_terminal_width(STDOUT_FILENO),
        .bold_header = ctx->color,
    };
    return style;
}
