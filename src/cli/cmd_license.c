/* licportal license ID: every field, features and renewal options; the full key on --reveal only. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/commands.h"
#include "cli/context.h"
#include "cli/exit_code.h"
#include "cli/json_output.h"
#include "cli/license_row.h"
#include "cli/listing.h"
#include "licportal/format.h"

static char *reveal_key(cli_context *ctx, const char *id, int *rc)
{
    lp_error err;
    lp_error_clear(&err);
    lp_call *done;
    *rc = cli_call(ctx, lp_client_reveal_key(ctx->client, id, &err), &err, "revealing the key",
                   &done);
    if (*rc != CLI_EXIT_OK) {
        return NULL;
    }
    lp_result result;
    char *key = NULL;
    if (lp_call_take_result(done, &result)) {
        key = result.as.revealed_key;
        result.as.revealed_key = NULL;
        lp_result_clear(&result);
    }
    lp_call_free(done);
    if (key == NULL) {
        *rc = cli_fail(CLI_EXIT_ERROR, "revealing the key failed: no key in the answer");
    }
    return key;
}

static int print_json(const lp_result *result, const char *key)
{
    cJSON *doc = result->body != NULL ? cJSON_ParseWithLength(result->body, result->body_len)
                                      : NULL;
    if (doc == NULL) {
        return cli_fail(CLI_EXIT_ERROR, "showing the license failed: the answer is not JSON");
    }
    if (key != NULL) {
        cJSON_DeleteItemFromObjectCaseSensitive(doc, "key");
        cJSON_AddStringToObject(doc, "key", key);
    }
    bool ok = cli_json_print(stdout, doc);
    cJSON_Delete(doc);
    return ok ? CLI_EXIT_OK : cli_fail(CLI_EXIT_ERROR, "printing JSON failed");
}

static void print_detail(const cli_context *ctx, const lp_license_detail *detail, const char *key)
{
    const lp_license_summary *s = &detail->summary;
    char added[16], expires[16], seats[64];
    lp_format_date(s->added_at, added, sizeof added);
    lp_format_date(s->expires_at, expires, sizeof expires);
    lp_format_seats(s->activations_in_use, s->max_activations, seats, sizeof seats);
    const char *fields[] = {
        "ID",      s->id,           "Key",        key != NULL ? key : s->key_masked,
        "Product", s->product.name, "Product ID", s->product.id,
        "Edition", s->edition,      "Status",     lp_license_status_name(s->status),
        "Added",   added,           "Expires",    expires,
        "Seats",   seats,           "Renewable",  detail->renewable ? "yes" : "no",
    };
    cli_print_fields(stdout, fields, sizeof fields / sizeof fields[0] / 2, ctx->stdout_terminal);

    const char *feature_header[] = {"FEATURE"};
    cli_table *features = cli_table_new(1, feature_header);
    for (size_t i = 0; features != NULL && i < detail->feature_count; i++) {
        const char *cell[] = {detail->features[i]};
        cli_table_add_row(features, cell);
    }
    cli_table_style style = cli_stdout_style(ctx);
    if (features != NULL && detail->feature_count > 0) {
        fputs(ctx->stdout_terminal ? "\n" : "", stdout);
        cli_table_print(features, stdout, &style);
    }
    cli_table_free(features);

    const char *headers[] = {"OPTION", "LABEL", "TERM", "PRICE"};
    cli_table *options = cli_table_new(4, headers);
    if (options == NULL) {
        return;
    }
    /* A cut price is useless: the label gives way instead. */
    cli_table_keep_width(options, 0);
    cli_table_keep_width(options, 2);
    cli_table_keep_width(options, 3);
    for (size_t i = 0; i < detail->renewal_option_count; i++) {
        const lp_renewal_option *o = &detail->renewal_options[i];
        char term[32], price[64];
        snprintf(term, sizeof term, "%" PRId64 " month%s", o->term_months,
                 o->term_months == 1 ? "" : "s");
        lp_format_money(&o->price, price, sizeof price);
        const char *cells[] = {o->id, o->label, term, price};
        cli_table_add_row(options, cells);
    }
    if (detail->renewal_option_count > 0) {
        fputs(ctx->stdout_terminal ? "\nRenewal options\n" : "", stdout);
        cli_table_print(options, stdout, &style);
        /* URLs on lines of their own, whole, so that they can be copied or clicked. */
        fputs(ctx->stdout_terminal ? "\n" : "", stdout);
        for (size_t i = 0; i < detail->renewal_option_count; i++) {
            char label[160];
            snprintf(label, sizeof label, "Checkout %s", detail->renewal_options[i].id);
            const char *pair[] = {label, detail->renewal_options[i].checkout_url};
            cli_print_fields(stdout, pair, 1, ctx->stdout_terminal);
        }
    }
    cli_table_free(options);
}

/* For scripts one record: the list's fields, the key (full when revealed), the features comma-separated. */
static int print_record(const cli_context *ctx, const lp_license_detail *detail, const char *key)
{
    const char *fields[CLI_LICENSE_FIELD_COUNT + 3];
    const char *cells[CLI_LICENSE_FIELD_COUNT + 3];
    cli_table *summary = cli_table_new(CLI_LICENSE_FIELD_COUNT, cli_license_fields);
    if (summary == NULL || !cli_add_license_record(summary, &detail->summary)) {
        cli_table_free(summary);
        return cli_fail(CLI_EXIT_ERROR, "showing the license failed: out of memory");
    }
    for (size_t i = 0; i < CLI_LICENSE_FIELD_COUNT; i++) {
        fields[i] = cli_license_fields[i];
        cells[i] = cli_table_cell(summary, 0, i);
    }
    size_t features_len = 1;
    for (size_t i = 0; i < detail->feature_count; i++) {
        features_len += strlen(detail->features[i]) + 1;
    }
    char *features = calloc(1, features_len);
    for (size_t i = 0; features != NULL && i < detail->feature_count; i++) {
        if (i > 0) {
            strcat(features, ",");
        }
        strcat(features, detail->features[i]);
    }
    fields[CLI_LICENSE_FIELD_COUNT] = "features";
    cells[CLI_LICENSE_FIELD_COUNT] = features;
    fields[CLI_LICENSE_FIELD_COUNT + 1] = "renewable";
    cells[CLI_LICENSE_FIELD_COUNT + 1] = detail->renewable ? "true" : "false";
    fields[CLI_LICENSE_FIELD_COUNT + 2] = "key";
    cells[CLI_LICENSE_FIELD_COUNT + 2] = key;
    int rc = cli_print_record(ctx, fields, cells, CLI_LICENSE_FIELD_COUNT + 3);
    free(features);
    cli_table_free(summary);
    return rc;
}

static lp_call *start(cli_context *ctx, lp_error *err)
{
    return lp_client_get_license(ctx->client, ctx->args->target, err);
}

static int show(cli_context *ctx, const lp_result *result)
{
    int rc = CLI_EXIT_OK;
    char *key = ctx->args->reveal ? reveal_key(ctx, ctx->args->target, &rc) : NULL;
    if (rc == CLI_EXIT_OK && ctx->args->json) {
        rc = print_json(result, key);
    } else if (rc == CLI_EXIT_OK && cli_script_output(ctx)) {
        rc = print_record(ctx, &result->as.license, key);
    } else if (rc == CLI_EXIT_OK) {
        print_detail(ctx, &result->as.license, key);
    }
    free(key);
    return rc;
}

int cmd_license(const cli_args *args)
{
    static const cli_single_call license = {"showing the license", start, show};
    return cli_run_single_call(args, &license);
}
