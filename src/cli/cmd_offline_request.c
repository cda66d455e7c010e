/* licportal offline-request: this machine's request for an offline activation. No network, login or configuration. */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/commands.h"
#include "cli/context.h"
#include "cli/exit_code.h"
#include "cli/json_output.h"
#include "cli/machine_identity.h"
#include "cli/say.h"
#include "licportal/private_file.h"
#include "licportal/timestamp.h"

static cJSON *machine_request(lp_error *err)
{
    char fingerprint[CLI_FINGERPRINT_LEN], hostname[256], platform[80],
        created_at[LP_TIMESTAMP_LEN];
    if (cli_machine_fingerprint(fingerprint, err) != LP_OK)
        return NULL;
    cli_machine_hostname(hostname, sizeof hostname);
    cli_machine_platform(platform, sizeof platform);
    unsigned char random[16];
    char nonce[sizeof random * 2 + 1];
    randombytes_buf(random, sizeof random);
    sodium_bin2hex(nonce, sizeof nonce, random, sizeof random);
    lp_timestamp_format((lp_time)time(NULL), created_at);
    cJSON *request = cJSON_CreateObject();
    if (request == NULL || !cJSON_AddNumberToObject(request, "version", 1) ||
        !cJSON_AddStringToObject(request, "fingerprint", fingerprint) ||
        !cJSON_AddStringToObject(request, "hostname", hostname) ||
        !cJSON_AddStringToObject(request, "platform", platform) ||
        !cJSON_AddStringToObject(request, "nonce", nonce) ||
        !cJSON_AddStringToObject(request, "created_at", created_at)) {
        cJSON_Delete(request);
        lp_error_set(err, LP_ERR_NOMEM, "out of memory");
        return NULL;
    }
    return request;
}

int cmd_offline_request(const cli_args *args)
{
    if (sodium_init() < 0)
        return cli_fail(CLI_EXIT_ERROR,
                        "making the request failed: libsodium failed to initialise");
    lp_error err;
    lp_error_clear(&err);
    cJSON *request = machine_request(&err);
    if (request == NULL)
        return cli_report("making the machine request", &err);
    char *text = cli_json_text(request);
    int rc = CLI_EXIT_OK;
    if (text == NULL) {
        rc = cli_fail(CLI_EXIT_ERROR, "making the machine request failed: out of memory");
    } else if (args->out_file != NULL &&
               lp_private_write_atomic(args->out_file, text, strlen(text), &err) != LP_OK) {
        rc = cli_report("writing the machine request", &err);
    } else if (args->json) {
        cJSON *doc = cJSON_CreateObject();
        if (args->out_file != NULL)
            cJSON_AddStringToObject(doc, "path", args->out_file);
        else
            cJSON_AddNullToObject(doc, "path");
        cJSON_AddItemReferenceToObject(doc, "request", request);
        if (!cli_json_print(stdout, doc))
            rc = cli_fail(CLI_EXIT_ERROR, "printing JSON failed");
        cJSON_Delete(doc);
    } else if (args->out_file == NULL) {
        /* The request is the output: for a pipe, scp or a QR code. */
        fputs(text, stdout);
    } else {
        cli_say(
            stdout,
            "Wrote the machine request to %s; on a connected host run: licportal activate-offline "
            "LICENSE_ID --request %s",
            args->out_file, args->out_file);
    }
    free(text);
    cJSON_Delete(request);
    return rc;
}
