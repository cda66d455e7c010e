/* licportal verify FILE: a license file's signature against the portal's keys (or a saved copy), its machine, its time. */
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
#include "licportal/license_file.h"
#include "licportal/private_file.h"
#include "licportal/timestamp.h"

#define LICENSE_FILE_MAX (1024 * 1024)
#define KEYS_FILE_MAX (1024 * 1024)

/* Exit codes of verify: a file that is not genuine is 6, a genuine one that
 * does not apply here is 1. */
static int exit_code_of(lp_license_file_check check)
{
    switch (check) {
    case LP_LICENSE_FILE_VALID:
        return CLI_EXIT_OK;
    case LP_LICENSE_FILE_BAD_SIGNATURE:
    case LP_LICENSE_FILE_UNKNOWN_KEY:
        return CLI_EXIT_CHECKSUM;
    case LP_LICENSE_FILE_MALFORMED:
    case LP_LICENSE_FILE_OTHER_MACHINE:
    case LP_LICENSE_FILE_EXPIRED:
        break;
    }
    return CLI_EXIT_ERROR;
}

static lp_status read_whole(const char *path, size_t max, char **data, size_t *len, lp_error *err)
{
    lp_status status = lp_private_read(path, max, data, len, err);
    if (status == LP_OK && *data == NULL)
        status = lp_error_set(err, LP_ERR_IO, "%.300s does not exist", path);
    return status;
}

/* The keys from --keys FILE, or from the server (saved to --save-keys FILE). */
static int load_keys(const cli_args *args, lp_signing_keys **keys)
{
    lp_error err;
    lp_error_clear(&err);
    if (args->keys_file != NULL) {
        char *text = NULL;
        size_t len = 0;
        if (read_whole(args->keys_file, KEYS_FILE_MAX, &text, &len, &err) != LP_OK)
            return cli_report("reading the signing keys", &err);
        *keys = lp_signing_keys_parse(text, len, &err);
        free(text);
        return *keys != NULL ? CLI_EXIT_OK : cli_report("reading the signing keys", &err);
    }
    cli_context ctx;
    int rc = cli_context_open(&ctx, args, NULL);
    lp_call *done = NULL;
    if (rc == CLI_EXIT_OK)
        rc = cli_call(&ctx, lp_client_get_signing_keys(ctx.client, &err), &err,
                      "fetching the signing keys", &done);
    if (rc == CLI_EXIT_OK) {
        const lp_result *result = lp_call_result(done);
        if (args->save_keys_file != NULL &&
            lp_private_write_atomic(args->save_keys_file, result->body, result->body_len, &err) !=
                LP_OK)
            rc = cli_report("saving the signing keys", &err);
        lp_result taken;
        if (rc == CLI_EXIT_OK && lp_call_take_result(done, &taken)) {
            *keys = taken.as.signing_keys;
            taken.as.signing_keys = NULL;
            lp_result_clear(&taken);
        }
        lp_call_free(done);
    }
    cli_context_close(&ctx);
    return rc;
}

static void add_grant(cJSON *doc, const lp_license_grant *g)
{
    cJSON *license = cJSON_AddObjectToObject(doc, "license");
    char stamp[LP_TIMESTAMP_LEN];
    cJSON_AddStringToObject(license, "key_id", g->key_id);
    cJSON_AddStringToObject(license, "license_id", g->license_id);
    cJSON *product = cJSON_AddObjectToObject(license, "product");
    cJSON_AddStringToObject(product, "id", g->product.id);
    cJSON_AddStringToObject(product, "name", g->product.name);
    if (g->edition != NULL)
        cJSON_AddStringToObject(license, "edition", g->edition);
    else
        cJSON_AddNullToObject(license, "edition");
    cJSON *features = cJSON_AddArrayToObject(license, "features");
    for (size_t i = 0; i < g->feature_count; i++)
        cJSON_AddItemToArray(features, cJSON_CreateString(g->features[i]));
    cJSON_AddStringToObject(license, "activation_id", g->activation_id);
    cJSON *machine = cJSON_AddObjectToObject(license, "machine");
    cJSON_AddStringToObject(machine, "fingerprint", g->fingerprint);
    cJSON_AddStringToObject(machine, "hostname", g->hostname);
    cJSON_AddStringToObject(machine, "platform", g->platform);
    if (lp_timestamp_format(g->expires_at, stamp))
        cJSON_AddStringToObject(license, "expires_at", stamp);
    else
        cJSON_AddNullToObject(license, "expires_at");
    if (lp_timestamp_format(g->issued_at, stamp))
        cJSON_AddStringToObject(license, "issued_at", stamp);
    if (lp_timestamp_format(g->valid_until, stamp))
        cJSON_AddStringToObject(license, "valid_until", stamp);
}

/* --json: {"file", "result", "message", "license"}; the full license key stays in the file. */
static int print_json(const char *path, lp_license_file_check check, const lp_error *err,
                      const lp_license_grant *g)
{
    cJSON *doc = cJSON_CreateObject();
    cJSON_AddStringToObject(doc, "file", path);
    cJSON_AddStringToObject(doc, "result", lp_license_file_check_name(check));
    if (check == LP_LICENSE_FILE_VALID)
        cJSON_AddNullToObject(doc, "message");
    else
        cJSON_AddStringToObject(doc, "message", err->message);
    if (g->license_id != NULL)
        add_grant(doc, g);
    else
        cJSON_AddNullToObject(doc, "license");
    bool ok = cli_json_print(stdout, doc);
    cJSON_Delete(doc);
    return ok ? exit_code_of(check) : cli_fail(CLI_EXIT_ERROR, "printing JSON failed");
}

static int verify_file(const cli_args *args, const lp_signing_keys *keys)
{
    lp_error err;
    lp_error_clear(&err);
    char fingerprint[CLI_FINGERPRINT_LEN];
    if (!args->any_machine && cli_machine_fingerprint(fingerprint, &err) != LP_OK) {
        cli_report("taking this machine's fingerprint", &err);
        return cli_fail(CLI_EXIT_ERROR, "give --any-machine to check the file without its machine");
    }
    char *file = NULL;
    size_t len = 0;
    if (read_whole(args->target, LICENSE_FILE_MAX, &file, &len, &err) != LP_OK)
        return cli_report("reading the license file", &err);
    lp_license_grant grant;
    lp_license_file_check check = lp_license_file_verify(file, len, keys,
                                                         args->any_machine ? NULL : fingerprint,
                                                         (lp_time)time(NULL), &grant, &err);
    free(file);
    int rc = exit_code_of(check);
    if (args->json) {
        rc = print_json(args->target, check, &err, &grant);
    } else if (check == LP_LICENSE_FILE_VALID) {
        char until[16];
        lp_date_format(grant.valid_until, until);
        cli_say(stdout, "Valid: %s%s%s for %s (%s), signed by %s, valid until %s",
                grant.product.name, grant.edition ? " " : "", grant.edition ? grant.edition : "",
                grant.hostname, grant.license_id, grant.key_id, until);
    } else {
        cli_fail(rc, "%s is not valid here: %s", args->target, err.message);
    }
    lp_license_grant_clear(&grant);
    return rc;
}

int cmd_verify(const cli_args *args)
{
    if (args->target == NULL && args->save_keys_file == NULL)
        return cli_fail(CLI_EXIT_USAGE,
                        "\"verify\" needs FILE, or --save-keys FILE to save the signing keys");
    if (args->keys_file != NULL && args->save_keys_file != NULL)
        return cli_fail(CLI_EXIT_USAGE,
                        "--keys and --save-keys do not go together: --save-keys asks the server");
    lp_signing_keys *keys = NULL;
    int rc = load_keys(args, &keys);
    if (rc == CLI_EXIT_OK && args->target != NULL) {
        rc = verify_file(args, keys);
    } else if (rc == CLI_EXIT_OK) {
        if (args->json) {
            cJSON *doc = cJSON_CreateObject();
            cJSON_AddStringToObject(doc, "keys_saved_to", args->save_keys_file);
            cJSON_AddNumberToObject(doc, "keys", (double)lp_signing_keys_count(keys));
            rc = cli_json_print(stdout, doc) ? CLI_EXIT_OK
                                             : cli_fail(CLI_EXIT_ERROR, "printing JSON failed");
            cJSON_Delete(doc);
        } else {
            cli_say(stdout, "Saved %zu signing key(s) to %s", lp_signing_keys_count(keys),
                    args->save_keys_file);
        }
    }
    lp_signing_keys_free(keys);
    return rc;
}
