/* licportal login: email, password (prompt without echo or --password-stdin), one-time code. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli/commands.h"
#include "cli/context.h"
#include "cli/exit_code.h"
#include "cli/listing.h"
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
    if (cli_prompt_line("Password", false, password, size, &err) != LP_OK || password[0] == '\0') {
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
        cli_say(stderr, "licportal: remembering the credential store failed: %s", err.message);
    }
}

static lp_status try_login(cli_context *ctx, const char *email, const char *password,
                           const char *otp, lp_error *err)
{
    lp_call *done;
    lp_status status = cli_finish(ctx, lp_client_login(ctx->client, email, password, otp, err),
                                  &done, err);
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

/* The command that logs in again with the file store, for the person to copy. */
static void opt_in_command(const cli_args *args, const char *email, char *out, size_t size)
{
    char safe_email[400];
    lp_sanitize_into(email, safe_email, sizeof safe_email);
    size_t used = (size_t)snprintf(out, size, "licportal");
    const struct {
        const char *option;
        const char *value;
    } given[] = {
        {"--profile", args->overrides.profile},
        {"--server", args->overrides.server},
        {"--cacert", args->overrides.cacert},
    };
    for (size_t i = 0; i < sizeof given / sizeof given[0] && used < size; i++) {
        if (given[i].value != NULL) {
            char value[400];
            lp_sanitize_into(given[i].value, value, sizeof value);
            used += (size_t)snprintf(out + used, size - used, " %s '%s'", given[i].option, value);
        }
    }
    if (used < size) {
        snprintf(out + used, size - used, " login --credential-store file --email '%s'%s",
                 safe_email, args->password_stdin ? " --password-stdin" : "");
    }
}

/* With `auto` and no keyring the session could only live in memory, and the next
 * command would not find it: ask whether to use the 0600 file (remembering the
 * answer), or without a terminal refuse and name the opt-in. Returns an exit code,
 * CLI_EXIT_OK with *use_file set when the file was chosen. */
static int choose_where_to_keep(const cli_args *args, const cli_context *ctx, const char *email,
                                bool *use_file)
{
    *use_file = false;
    char command[1400];
    opt_in_command(args, email, command, sizeof command);
    if (!cli_have_terminal()) {
        return cli_fail(
            CLI_EXIT_AUTH,
            "not logged in: no keyring answered, so the session could not be kept for the "
            "next command; to keep it in a 0600 file, run: %s",
            command);
    }
    *use_file = cli_confirm(
        "No keyring answered. Keep the session in a file only you can read (mode 0600)?");
    lp_error err;
    lp_error_clear(&err);
    if (lp_config_save_value(ctx->config.profile, "credential_store", *use_file ? "file" : "none",
                             &err) != LP_OK) {
        cli_say(stderr, "licportal: remembering the answer failed: %s", err.message);
    }
    if (!*use_file) {
        return cli_fail(
            CLI_EXIT_AUTH,
            "not logged in: without a keyring or the file the session cannot be kept "
            "(credential_store = none is now in the profile); to use the file later, run: %s",
            command);
    }
    return CLI_EXIT_OK;
}

/* The profile names the email the server answered with, so that the next
 * command finds the session saved under it even when the person typed
 * another spelling (an alias, other capitals). */
static void learn_profile(const cli_context *ctx, const char *typed_email)
{
    const lp_session_info *session = lp_client_session_info(ctx->client);
    const char *email = session != NULL && session->email != NULL && session->email[0] != '\0'
                            ? session->email
                            : typed_email;
    lp_error err;
    lp_error_clear(&err);
    if (lp_config_learn_login(&ctx->config, email, &err) != LP_OK) {
        cli_say(stderr, "licportal: remembering the server in the profile failed: %s", err.message);
        return;
    }
    /* Only the spelling the person used is corrected, never another address the profile names. */
    if (ctx->config.email != NULL && strcmp(ctx->config.email, typed_email) == 0 &&
        strcmp(typed_email, email) != 0 &&
        lp_config_save_value(ctx->config.profile, "email", email, &err) != LP_OK) {
        cli_say(stderr, "licportal: remembering the email in the profile failed: %s", err.message);
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
    cli_args with_file = *args;
    if (ctx.fallback_note != NULL) {
        bool use_file;
        rc = choose_where_to_keep(args, &ctx, email, &use_file);
        cli_context_close(&ctx);
        if (rc != CLI_EXIT_OK) {
            return rc;
        }
        with_file.overrides.credential_store = "file";
        rc = cli_context_open(&ctx, &with_file, email);
        if (rc != CLI_EXIT_OK) {
            cli_context_close(&ctx);
            return rc;
        }
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
        if (cli_prompt_line("One-time code", true, code, sizeof code, &ask) == LP_OK &&
            code[0] != '\0') {
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
    remember_store_choice(&with_file, &ctx);
    learn_profile(&ctx, email);
    const lp_session_info *session = lp_client_session_info(ctx.client);
    char who[400];
    char server[512];
    lp_sanitize_into(session != NULL && session->user_name != NULL ? session->user_name : email,
                     who, sizeof who);
    lp_sanitize_into(ctx.config.server, server, sizeof server);
    bool kept = lp_credstore_kind(ctx.store) != LP_STORE_NONE;
    if (args->json) {
        cJSON *doc = cJSON_CreateObject();
        cJSON_AddStringToObject(doc, "server", ctx.config.server);
        cJSON_AddStringToObject(doc, "email",
                                session != NULL && session->email != NULL ? session->email : email);
        if (session != NULL && session->user_name != NULL) {
            cJSON_AddStringToObject(doc, "name", session->user_name);
        } else {
            cJSON_AddNullToObject(doc, "name");
        }
        cJSON_AddStringToObject(doc, "credential_store", lp_credstore_describe(ctx.store));
        cJSON_AddBoolToObject(doc, "session_kept", kept);
        rc = cli_print_json_document(doc);
        cli_context_close(&ctx);
        return rc;
    }
    if (!kept) {
        /* Asked for explicitly (--credential-store none or LICPORTAL_TOKEN): say what it means. */
        cli_say(stdout,
                "Password accepted by %s for %s; the session is kept for this run only, so later "
                "commands will not find it.",
                server, who);
    } else {
        cli_say(stdout, "Logged in to %s as %s.", server, who);
        cli_say(stdout, "Session kept in: %s", lp_credstore_describe(ctx.store));
    }
    cli_context_close(&ctx);
    return CLI_EXIT_OK;
}
