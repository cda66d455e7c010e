/* licportal login: email, password (prompt without echo or --password-stdin), one-time code. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli/commands.h"
#include "cli/context.h"
#include "cli/exit_code.h"
#include "cli/say.h"
#include "cli/prompt.h"
#include "licportal/sanitize.h"

#define SECRET_MAX 1024

static int ask_email(const cli_args *args, const lp_config *config, char *email, size_t size)
{
    lp_error err;
    lp_error_clear(&err);
    const char *given = args->email != NULL ? args->email : config->email;
    if (given != NULL) {
        snprintf(email, size, "%s", given);
        return CLI_EXIT_OK;
    }
    if (cli_prompt_line("Email", true, email, size, &err) != LP_OK || email[0] == '\0') {
        return cli_fail(CLI_EXIT_USAGE, "no email given: pass --email E");
    }
    return CLI_EXIT_OK;
}

static int read_password(const cli_args *args, char *password, size_t size)
{
    lp_error err;
    lp_error_clear(&err);
    if (args->password_stdin) {
        if (cli_read_line(stdin, "password", password, size, &err) != LP_OK) {
            return cli_fail(CLI_EXIT_USAGE, "reading the password failed: %s", err.message);
        }
        return CLI_EXIT_OK;
    }
    if (!cli_have_terminal()) {
        return cli_fail(CLI_EXIT_USAGE,
                        "no terminal to ask for the password: use --password-stdin");
    }
    if (cli_prompt_line("Password", false, password, size, &err) != LP_OK
        || password[0] == '\0') {
        return cli_fail(CLI_EXIT_USAGE, "no password given");
    }
    return CLI_EXIT_OK;
}

/* Remembers an explicit --credential-store in the profile, so the opt-in sticks. */
static void remember_store_choice(const cli_args *args, const cli_context *ctx)
{
    if (args->overrides.credential_store == NULL) {
        return;
    }
    lp_error err;
    lp_error_clear(&err);
    if (lp_config_save_value(ctx->config.profile, "credential_store",
                             args->overrides.credential_store, &err) != LP_OK) {
        cli_say(stderr, "licportal: remembering the credential store failed: %s",
                err.message);
    }
}

static lp_status try_login(cli_context *ctx, const char *email, const char *password,
                           const char *otp, lp_error *err)
{
    lp_call *done;
    lp_status status =
        cli_finish(ctx, lp_client_login(ctx->client, email, password, otp, err), &done, err);
    if (status == LP_OK) {
        lp_call_free(done);
    }
    return status;
}

static int report_login_failure(const lp_error *err)
{
    switch (err->status) {
    case LP_ERR_CREDENTIALS:
        return cli_fail(CLI_EXIT_AUTH, "login failed: wrong email or password; try again");
    case LP_ERR_OTP_REQUIRED:
        return cli_fail(CLI_EXIT_AUTH,
                        "login failed: this account needs a one-time code; pass --otp CODE");
    case LP_ERR_OTP_INVALID:
        return cli_fail(CLI_EXIT_AUTH,
                        "login failed: the one-time code was not accepted; try the current one");
    default:
        return cli_report("login", err);
    }
}

int cmd_login(const cli_args *args)
{
    cli_context ctx;
    lp_config peek;
    /* The store is opened per email, so the email comes first. */
    char email[320];
    lp_error err;
    lp_error_clear(&err);
    if (lp_config_load(&args->overrides, &peek, &err) != LP_OK) {
        return cli_fail(cli_exit_code(err.status), "%s", err.message);
    }
    int rc = ask_email(args, &peek, email, sizeof email);
    lp_config_free(&peek);
    if (rc != CLI_EXIT_OK) {
        return rc;
    }
    rc = cli_context_open(&ctx, args, email);
    if (rc != CLI_EXIT_OK) {
        cli_context_close(&ctx);
        return rc;
    }
    char password[SECRET_MAX];
    rc = read_password(args, password, sizeof password);
    if (rc != CLI_EXIT_OK) {
        cli_context_close(&ctx);
        return rc;
    }
    lp_status status = try_login(&ctx, email, password, args->otp, &err);
    if (status == LP_ERR_OTP_REQUIRED && args->otp == NULL && cli_have_terminal()) {
        char code[64];
        lp_error ask;
        lp_error_clear(&ask);
        if (cli_prompt_line("One-time code", true, code, sizeof code, &ask) == LP_OK
            && code[0] != '\0') {
            lp_error_clear(&err);
            status = try_login(&ctx, email, password, code, &err);
        }
    }
    explicit_bzero(password, sizeof password);
    if (status != LP_OK) {
        rc = report_login_failure(&err);
        cli_context_close(&ctx);
        return rc;
    }
    remember_store_choice(args, &ctx);
    lp_error learn;
    lp_error_clear(&learn);
    if (lp_config_learn_login(&ctx.config, email, &learn) != LP_OK) {
        cli_say(stderr, "licportal: remembering the server in the profile failed: %s", learn.message);
    }
    const lp_credentials *session = lp_client_session(ctx.client);
    char who[400];
    char server[512];
    lp_sanitize_into(session != NULL && session->user_name != NULL ? session->user_name : email,
                     who, sizeof who);
    lp_sanitize_into(ctx.config.server, server, sizeof server);
    cli_say(stdout, "Logged in to %s as %s.", server, who);
    if (ctx.fallback_note != NULL) {
        cli_say(stderr, "licportal: %s", ctx.fallback_note);
    } else {
        cli_say(stdout, "Session kept in: %s", lp_credstore_describe(ctx.store));
    }
    cli_context_close(&ctx);
    return CLI_EXIT_OK;
}
