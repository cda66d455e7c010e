/* licportal activate-offline LICENSE_ID --request FILE: a machine request becomes a signed license file. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/commands.h"
#include "cli/context.h"
#include "cli/exit_code.h"
#include "cli/json_output.h"
#include "cli/say.h"
#include "licportal/license_file.h"
#include "licportal/private_file.h"

#define REQUEST_MAX (64 * 1024)

struct offline_job {
    const char *request_path;
    char *request;
    size_t request_len;
    char *out_path;
};

/* The refusals a person can act on, said in words that name the way out. */
static int report_refusal(const lp_error *err, const char *license_id)
{
    if (strcmp(err->code, LP_CODE_SEATS_EXHAUSTED) == 0)
        return cli_fail(
            CLI_EXIT_ERROR,
            "activating offline failed: every seat of license %.64s is in use; free one with "
            "`licportal deactivate ACTIVATION_ID` (see `licportal activations --license %.64s`)",
            license_id, license_id);
    if (strcmp(err->code, LP_CODE_REQUEST_REPLAYED) == 0)
        return cli_fail(CLI_EXIT_ERROR,
                        "activating offline failed: this machine request was used before; "
                        "make a new one with `licportal offline-request` on the machine");
    return cli_report("activating offline", err);
}

static int print_json(const lp_result *result, const char *out_path)
{
    cJSON *doc = result->body != NULL ? cJSON_ParseWithLength(result->body, result->body_len)
                                      : NULL;
    if (doc == NULL)
        return cli_fail(CLI_EXIT_ERROR, "activating offline failed: the answer is not JSON");
    cJSON_AddStringToObject(doc, "path", out_path);
    bool ok = cli_json_print(stdout, doc);
    cJSON_Delete(doc);
    return ok ? CLI_EXIT_OK : cli_fail(CLI_EXIT_ERROR, "printing JSON failed");
}

static int activate(cli_context *ctx, const void *data)
{
    const struct offline_job *job = data;
    const char *license_id = ctx->args->target;
    lp_error err;
    lp_error_clear(&err);
    lp_call *done = NULL;
    lp_status status = cli_finish(ctx,
                                  lp_client_activate_offline(ctx->client, license_id, job->request,
                                                             job->request_len, &err),
                                  &done, &err);
    if (status != LP_OK)
        return report_refusal(&err, license_id);
    const lp_result *result = lp_call_result(done);
    const lp_offline_activation *offline = &result->as.offline;
    int rc = CLI_EXIT_OK;
    if (lp_private_write_atomic(job->out_path, offline->license_file, strlen(offline->license_file),
                                &err) != LP_OK)
        rc = cli_report("writing the license file", &err);
    else if (ctx->args->json)
        rc = print_json(result, job->out_path);
    else
        cli_say(stdout, "Activated %s (%s, activation %s); license file written to %s",
                offline->activation.name, offline->activation.product.name, offline->activation.id,
                job->out_path);
    lp_call_free(done);
    return rc;
}

int cmd_activate_offline(const cli_args *args)
{
    if (args->request_file == NULL)
        return cli_fail(
            CLI_EXIT_USAGE,
            "activate-offline needs --request FILE (made by `licportal offline-request`)");
    struct offline_job job = {.request_path = args->request_file};
    lp_error err;
    lp_error_clear(&err);
    if (lp_private_read(job.request_path, REQUEST_MAX, &job.request, &job.request_len, &err) !=
        LP_OK)
        return cli_report("reading the machine request", &err);
    if (job.request == NULL)
        return cli_fail(CLI_EXIT_ERROR, "reading the machine request failed: %.300s does not exist",
                        job.request_path);
    cJSON *parsed = cJSON_ParseWithLength(job.request, job.request_len);
    bool is_object = cJSON_IsObject(parsed);
    cJSON_Delete(parsed);
    int rc;
    job.out_path = args->out_file != NULL ? strdup(args->out_file)
                                          : lp_license_file_path_beside(job.request_path);
    if (!is_object)
        rc = cli_fail(CLI_EXIT_ERROR,
                      "%.300s is not a machine request (a JSON object from `licportal "
                      "offline-request`)",
                      job.request_path);
    else if (job.out_path == NULL)
        rc = cli_fail(CLI_EXIT_ERROR, "out of memory");
    else if (strcmp(job.out_path, job.request_path) == 0)
        rc = cli_fail(CLI_EXIT_USAGE,
                      "the license file would replace the request: give --out FILE");
    else
        rc = cli_with_session(args, activate, &job);
    free(job.request);
    free(job.out_path);
    return rc;
}
