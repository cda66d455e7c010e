/* What every sub-command works with: settings, credential store, API client, output style. */
#ifndef LICPORTAL_CLI_CONTEXT_H
#define LICPORTAL_CLI_CONTEXT_H

#include <stdbool.h>
#include <stdio.h>

#include "cli/options.h"
#include "cli/report.h"
#include "cli/table.h"
#include "licportal/client.h"
#include "licportal/config.h"
#include "licportal/credstore.h"

typedef struct cli_context {
    const cli_args *args;
    lp_config config;
    bool config_loaded;
    lp_credstore *store;
    const char *fallback_note; /* set when `auto` found no Secret Service */
    lp_client *client;
    bool stdout_terminal;
    bool stderr_terminal;
    bool color;
    /* Why cli_context_open failed, as one line without the "licportal: " prefix. */
    char failure[1024];
    bool quiet; /* cli_context_open_quietly: the failure is not printed */
} cli_context;

/* Loads the settings, opens the store for `email` (NULL: the configured one)
 * and creates the client. Returns an exit code: 0, or the failure already
 * reported on stderr. */
int cli_context_open(cli_context *ctx, const cli_args *args, const char *email);
/* The same, but a failure is only kept in ctx->failure (for `check`, whose
 * reader sees stdout only). */
int cli_context_open_quietly(cli_context *ctx, const cli_args *args, const char *email);
void cli_context_close(cli_context *ctx);

/* Exit code 4 with "not logged in" unless a session is held. */
int cli_require_session(cli_context *ctx);

/* Runs a started call to its end. LP_OK with *call_out set (the caller frees
 * it), or the failure in *err (call freed). A NULL call means starting failed
 * and *err already says why. */
lp_status cli_finish(cli_context *ctx, lp_call *call, lp_call **call_out, lp_error *err);

/* A sub-command's own logic, run once the context is open and holds a
 * session. Returns an exit code, any failure already reported. */
typedef int (*cli_session_body)(cli_context *ctx, const void *data);

/* Opens the context, requires a session, runs `body`, closes the context.
 * Returns the body's exit code or the setup failure's. */
int cli_with_session(const cli_args *args, cli_session_body body, const void *data);

/* Runs a started call (NULL: starting failed, *err says why). On failure
 * reports "WHAT failed: ..." and returns its exit code with *done NULL; on
 * success the caller frees *done. */
int cli_call(cli_context *ctx, lp_call *call, lp_error *err, const char *what, lp_call **done);

/* A sub-command that is one call and what it does with the answer. */
typedef struct cli_single_call {
    const char *what; /* "showing the license", for the error line */
    lp_call *(*start)(cli_context *ctx, lp_error *err);
    int (*use)(cli_context *ctx, const lp_result *result);
} cli_single_call;

/* cli_with_session around one call: start it, run it, hand the answer to
 * `use`. Returns an exit code, any failure already reported. */
int cli_run_single_call(const cli_args *args, const cli_single_call *single);

/* Whether stdout gets records for scripts rather than a table for people:
 * stdout is not a terminal, or --output, --fields or --header was given. */
bool cli_script_output(const cli_context *ctx);

/* The table style for stdout. */
cli_table_style cli_stdout_style(const cli_context *ctx);

/* Prints one record (`cells` in the order of `fields`) as records for scripts
 * print, honouring --fields, --header and --output. Returns an exit code. */
int cli_print_record(const cli_context *ctx, const char *const *fields, const char *const *cells,
                     size_t count);

/* The style for `records` (whose headers are field names): --fields chosen
 * into `order` (room for `room`). A bad --fields is a usage error, reported;
 * returns an exit code. */
int cli_records_style(const cli_context *ctx, const cli_table *records, size_t *order, size_t room,
                      cli_table_style *style);

#endif
