/* Settings, store and client for a sub-command. */
#include "cli/context.h"

#include <langinfo.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cli/exit_code.h"
#include "cli/say.h"
#include "licportal/sanitize.h"

/* Keeps the failure of setting up in ctx->failure and, unless quiet, prints it. */
static int setup_failed(cli_context *ctx, int exit_code, const char *line)
{
    snprintf(ctx->failure, sizeof ctx->failure, "%s", line);
    if (!ctx->quiet) {
        cli_say(stderr, "licportal: %s", line);
    }
    return exit_code;
}

static int setup_report(cli_context *ctx, const char *what, const lp_error *err)
{
    char line[1024];
    cli_report_text(what, err, line, sizeof line);
    return setup_failed(ctx, cli_exit_code(err->status), line);
}

static int open_context(cli_context *ctx, const cli_args *args, const char *email)
{
    ctx->args = args;
    ctx->stdout_terminal = isatty(STDOUT_FILENO);
    ctx->stderr_terminal = isatty(STDERR_FILENO);
    lp_error err;
    lp_error_clear(&err);
    if (lp_config_load(&args->overrides, &ctx->config, &err) != LP_OK) {
        char line[1024];
        lp_sanitize_into(err.message, line, sizeof line);
        return setup_failed(ctx, cli_exit_code(err.status), line);
    }
    ctx->config_loaded = true;
    ctx->color = ctx->stdout_terminal && !ctx->config.no_color;
    if (ctx->config.server == NULL) {
        return setup_failed(ctx, CLI_EXIT_USAGE,
                            "no server is set: pass --server https://HOST, set LICPORTAL_SERVER, "
                            "or add server = ... to the profile in the configuration file");
    }
    ctx->store = lp_credstore_open(ctx->config.credential_store, ctx->config.server,
                                   email != NULL ? email : ctx->config.email, &ctx->fallback_note,
                                   &err);
    if (ctx->store == NULL) {
        return setup_report(ctx, "opening the credential store", &err);
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
        return setup_report(ctx,
                            err.status == LP_ERR_STORE ? "reading the stored session"
                                                       : "setting up the connection",
                            &err);
    }
    return CLI_EXIT_OK;
}

int cli_context_open(cli_context *ctx, const cli_args *args, const char *email)
{
    memset(ctx, 0, sizeof *ctx);
    return open_context(ctx, args, email);
}

int cli_context_open_quietly(cli_context *ctx, const cli_args *args, const char *email)
{
    memset(ctx, 0, sizeof *ctx);
    ctx->quiet = true;
    return open_context(ctx, args, email);
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

bool cli_script_output(const cli_context *ctx)
{
    const cli_args *args = ctx->args;
    return !ctx->stdout_terminal || args->output_format != NULL || args->fields != NULL ||
           args->header;
}

static bool utf8_codeset(void)
{
    const char *codeset = nl_langinfo(CODESET);
    return codeset != NULL &&
           (strcasecmp(codeset, "UTF-8") == 0 || strcasecmp(codeset, "utf8") == 0);
}

cli_table_style cli_stdout_style(const cli_context *ctx)
{
    const cli_args *args = ctx->args;
    cli_table_style style = {
        .terminal = !cli_script_output(ctx),
        .width = cli_terminal_width(STDOUT_FILENO),
        .bold_header = ctx->color,
        .ascii = !utf8_codeset(),
        .csv = args->output_format != NULL && strcmp(args->output_format, "csv") == 0,
        .header = args->header,
    };
    return style;
}

int cli_print_record(const cli_context *ctx, const char *const *fields, const char *const *cells,
                     size_t count)
{
    cli_table *record = cli_table_new(count, fields);
    if (record == NULL || !cli_table_add_row(record, cells)) {
        cli_table_free(record);
        return cli_fail(CLI_EXIT_ERROR, "printing failed: out of memory");
    }
    size_t order[64];
    cli_table_style style;
    int rc = cli_records_style(ctx, record, order, sizeof order / sizeof order[0], &style);
    if (rc == CLI_EXIT_OK) {
        cli_table_print(record, stdout, &style);
    }
    cli_table_free(record);
    return rc;
}

int cli_records_style(const cli_context *ctx, const cli_table *records, size_t *order, size_t room,
                      cli_table_style *style)
{
    *style = cli_stdout_style(ctx);
    if (ctx->args->fields == NULL) {
        return CLI_EXIT_OK;
    }
    lp_error err;
    lp_error_clear(&err);
    if (cli_table_select(records, ctx->args->fields, order, room, &style->chosen, &err) != LP_OK) {
        return cli_fail(CLI_EXIT_USAGE, "%s", err.message);
    }
    style->order = order;
    return CLI_EXIT_OK;
}
