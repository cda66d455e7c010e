/* licportal status: what is known here (profile, server, email, session store), then whether the server answers. */
#include <stdio.h>

#include "cli/commands.h"
#include "cli/context.h"
#include "cli/exit_code.h"
#include "cli/json_output.h"
#include "cli/listing.h"
#include "cli/say.h"
#include "cli/table.h"

/* What the server said, when asked. */
typedef struct server_answer {
    bool asked;
    lp_status status;
    char reason[1024];
    lp_user user; /* when status is LP_OK */
} server_answer;

/* The session's email, else the profile's, else (a personal access token names none) the server's answer. */
static const char *session_email(const cli_context *ctx, const server_answer *answer)
{
    const lp_session_info *session = lp_client_session_info(ctx->client);
    if (session != NULL && session->email != NULL && session->email[0] != '\0') {
        return session->email;
    }
    if (ctx->config.email != NULL || !answer->asked || answer->status != LP_OK) {
        return ctx->config.email;
    }
    return answer->user.email;
}

static void ask_server(cli_context *ctx, server_answer *answer)
{
    lp_error err;
    lp_error_clear(&err);
    lp_call *done;
    answer->asked = true;
    answer->status = cli_finish(ctx, lp_client_get_me(ctx->client, &err), &done, &err);
    if (answer->status != LP_OK) {
        cli_report_text("asking the server", &err, answer->reason, sizeof answer->reason);
        return;
    }
    lp_result result;
    if (lp_call_take_result(done, &result)) {
        answer->user = result.as.user;
        result.as.user = (lp_user){0};
        lp_result_clear(&result);
    }
    lp_call_free(done);
}

static void add_string(cJSON *doc, const char *name, const char *value)
{
    if (value != NULL) {
        cJSON_AddStringToObject(doc, name, value);
    } else {
        cJSON_AddNullToObject(doc, name);
    }
}

static int print_json(const cli_context *ctx, bool has_session, const server_answer *answer)
{
    cJSON *doc = cJSON_CreateObject();
    add_string(doc, "profile", ctx->config.profile);
    add_string(doc, "server", ctx->config.server);
    add_string(doc, "email", session_email(ctx, answer));
    add_string(doc, "credential_store", lp_credstore_describe(ctx->store));
    cJSON_AddBoolToObject(doc, "logged_in", has_session);
    if (answer->asked) {
        cJSON_AddBoolToObject(doc, "server_answers",
                              answer->status != LP_ERR_NETWORK && answer->status != LP_ERR_TLS);
    } else {
        cJSON_AddNullToObject(doc, "server_answers");
    }
    if (answer->asked && answer->status == LP_OK) {
        cJSON *user = cJSON_AddObjectToObject(doc, "user");
        add_string(user, "id", answer->user.id);
        add_string(user, "email", answer->user.email);
        add_string(user, "name", answer->user.name);
        add_string(user, "organization", answer->user.organization);
    } else {
        cJSON_AddNullToObject(doc, "user");
    }
    add_string(doc, "error", answer->asked && answer->status != LP_OK ? answer->reason : NULL);
    return cli_print_json_document(doc);
}

static int print_plain(const cli_context *ctx, bool has_session, const server_answer *answer)
{
    const char *local[] = {
        "Profile",
        ctx->config.profile,
        "Server",
        ctx->config.server,
        "Email",
        session_email(ctx, answer),
        "Session stored in",
        has_session ? lp_credstore_describe(ctx->store) : "",
    };
    cli_print_fields(stdout, local, sizeof local / sizeof local[0] / 2, ctx->stdout_terminal);
    if (!answer->asked) {
        return CLI_EXIT_OK;
    }
    const char *reachable = answer->status == LP_OK ? "yes"
                            : answer->status == LP_ERR_NETWORK || answer->status == LP_ERR_TLS
                                ? "no"
                                : "yes";
    if (answer->status == LP_OK) {
        const char *remote[] = {
            "Server answers",  reachable,      "User",
            answer->user.name, "Organization", answer->user.organization,
        };
        cli_print_fields(stdout, remote, sizeof remote / sizeof remote[0] / 2,
                         ctx->stdout_terminal);
    } else {
        const char *remote[] = {"Server answers", reachable};
        cli_print_fields(stdout, remote, 1, ctx->stdout_terminal);
    }
    return CLI_EXIT_OK;
}

int cmd_status(const cli_args *args)
{
    cli_context ctx;
    int rc = cli_context_open(&ctx, args, NULL);
    if (rc != CLI_EXIT_OK) {
        cli_context_close(&ctx);
        return rc;
    }
    bool has_session = lp_client_has_session(ctx.client);
    server_answer answer = {0};
    if (has_session) {
        ask_server(&ctx, &answer);
    }
    rc = args->json ? print_json(&ctx, has_session, &answer)
                    : print_plain(&ctx, has_session, &answer);
    if (rc == CLI_EXIT_OK && !has_session) {
        rc = cli_require_session(&ctx);
    } else if (rc == CLI_EXIT_OK && answer.status != LP_OK) {
        cli_say(stderr, "licportal: %s", answer.reason);
        rc = cli_exit_code(answer.status);
    }
    lp_user_clear(&answer.user);
    cli_context_close(&ctx);
    return rc;
}
