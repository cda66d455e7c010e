/* licportal deactivate ID: frees a seat, after a yes/no that names the device or domain. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/commands.h"
#include "cli/context.h"
#include "cli/exit_code.h"
#include "cli/listing.h"
#include "cli/paging.h"
#include "cli/prompt.h"
#include "cli/say.h"
#include "licportal/sanitize.h"

/* There is no GET for one activation: walk the list until the id shows up. */
static int find_activation(cli_context *ctx, const char *id, char *question, size_t size)
{
    char *cursor = NULL;
    cli_paging paging = {0};
    for (;;) {
        lp_error err;
        lp_error_clear(&err);
        lp_activation_query query = {.limit = 200, .cursor = cursor};
        lp_call *done;
        int rc = cli_call(ctx, lp_client_list_activations(ctx->client, &query, &err), &err,
                          "looking up the activation", &done);
        if (rc != CLI_EXIT_OK) {
            free(cursor);
            cli_paging_free(&paging);
            return rc;
        }
        const lp_activation_page *page = &lp_call_result(done)->as.activations;
        for (size_t i = 0; i < page->count; i++) {
            const lp_activation *a = &page->items[i];
            if (strcmp(a->id, id) != 0) {
                continue;
            }
            char *name = lp_sanitize_str(a->name);
            char *product = lp_sanitize_str(a->product.name);
            char *key = lp_sanitize_str(a->license_key_masked);
            snprintf(question, size, "Deactivate %s \"%s\" (%s, license %s)?",
                     lp_activation_kind_name(a->kind), name ? name : "", product ? product : "",
                     key ? key : "");
            free(name);
            free(product);
            free(key);
            free(cursor);
            cli_paging_free(&paging);
            lp_call_free(done);
            return CLI_EXIT_OK;
        }
        free(cursor);
        cursor = NULL;
        const char *why = NULL;
        cli_paging_step step = cli_paging_next(&paging, page->count, page->next_cursor, page->total,
                                               &why);
        if (step == CLI_PAGING_MORE) {
            cursor = strdup(page->next_cursor);
        }
        lp_call_free(done);
        if (step == CLI_PAGING_BROKEN) {
            cli_paging_free(&paging);
            return cli_fail(CLI_EXIT_ERROR,
                            "looking up the activation failed: the server's paging did not end: %s",
                            why);
        }
        if (cursor == NULL) {
            cli_paging_free(&paging);
            char shown[128];
            lp_sanitize_into(id, shown, sizeof shown);
            return cli_fail(CLI_EXIT_NOT_FOUND,
                            "no activation %s: see `licportal activations` for the ids", shown);
        }
    }
}

static int deactivate(cli_context *ctx, const void *data)
{
    (void)data;
    const char *id = ctx->args->target;
    if (!ctx->args->yes) {
        char question[1024];
        int rc = find_activation(ctx, id, question, sizeof question);
        if (rc != CLI_EXIT_OK) {
            return rc;
        }
        if (!cli_confirm(question)) {
            if (ctx->args->json) {
                cJSON *doc = cJSON_CreateObject();
                cJSON_AddStringToObject(doc, "id", id);
                cJSON_AddBoolToObject(doc, "deactivated", false);
                return cli_print_json_document(doc);
            }
            cli_say(stdout, "Nothing deactivated.");
            return CLI_EXIT_OK;
        }
    }
    lp_error err;
    lp_error_clear(&err);
    lp_call *done;
    int rc = cli_call(ctx, lp_client_deactivate(ctx->client, id, &err), &err, "deactivating",
                      &done);
    if (rc == CLI_EXIT_OK && ctx->args->json) {
        lp_call_free(done);
        cJSON *doc = cJSON_CreateObject();
        cJSON_AddStringToObject(doc, "id", id);
        cJSON_AddBoolToObject(doc, "deactivated", true);
        rc = cli_print_json_document(doc);
    } else if (rc == CLI_EXIT_OK) {
        lp_call_free(done);
        cli_say(stdout, "Deactivated %.128s; its seat is free.", id);
    }
    return rc;
}

int cmd_deactivate(const cli_args *args)
{
    if (!args->yes && (!isatty(STDIN_FILENO) || !cli_have_terminal())) {
        return cli_fail(CLI_EXIT_USAGE,
                        "deactivate asks for confirmation and there is no terminal: add --yes");
    }
    return cli_with_session(args, deactivate, NULL);
}
