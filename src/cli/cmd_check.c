/* licportal check: one monitoring-plugin line about expiring licenses, exit 0/1/2/3. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/commands.h"
#include "cli/context.h"
#include "cli/exit_code.h"
#include "cli/json_output.h"
#include "cli/say.h"
#include "licportal/format.h"
#include "licportal/sanitize.h"

static const char *const words[] = {"OK", "WARNING", "CRITICAL", "UNKNOWN"};

typedef struct expiring {
    int64_t count;
    char first_product[128];
    char first_date[16];
} expiring;

/* What the check found, printed as the status line or with --json as one object. */
typedef struct check_result {
    int code;
    char summary[768];
    bool has_figures;
    bool thresholds_unknown; /* the command line did not parse */
    expiring warn, crit;
    lp_kpis kpis;
} check_result;

/* The status line is one line and '|' starts the performance data. */
static void make_line_safe(char *text)
{
    for (char *p = text; *p != '\0'; p++) {
        if (*p == '|' || *p == '\n') {
            *p = '/';
        }
    }
}

static lp_status count_expiring(cli_context *ctx, int days, expiring *out, lp_error *err)
{
    lp_license_query query = {
        .status = "active",
        .sort = "expires_at",
        .expiring_within_days = days,
        .limit = 1,
    };
    lp_call *done;
    lp_status status = cli_finish(ctx, lp_client_list_licenses(ctx->client, &query, err), &done,
                                  err);
    if (status != LP_OK) {
        return status;
    }
    const lp_license_page *page = &lp_call_result(done)->as.licenses;
    out->count = page->total;
    if (page->count > 0) {
        lp_sanitize_into(page->items[0].product.name, out->first_product,
                         sizeof out->first_product);
        make_line_safe(out->first_product);
        lp_format_date(page->items[0].expires_at, out->first_date, sizeof out->first_date);
    }
    lp_call_free(done);
    return LP_OK;
}

static void set_unknown(check_result *result, const char *why)
{
    result->code = CLI_CHECK_UNKNOWN;
    lp_sanitize_into(why, result->summary, sizeof result->summary);
    make_line_safe(result->summary);
}

static int print_json(const check_result *result, const cli_args *args)
{
    cJSON *doc = cJSON_CreateObject();
    cJSON_AddStringToObject(doc, "status", words[result->code]);
    cJSON_AddNumberToObject(doc, "exit_code", result->code);
    cJSON_AddStringToObject(doc, "summary", result->summary);
    if (result->thresholds_unknown) {
        cJSON_AddNullToObject(doc, "warn_days");
        cJSON_AddNullToObject(doc, "crit_days");
    } else {
        cJSON_AddNumberToObject(doc, "warn_days", args->warn_days);
        cJSON_AddNumberToObject(doc, "crit_days", args->crit_days);
    }
    if (result->has_figures) {
        cJSON *perf = cJSON_AddObjectToObject(doc, "perfdata");
        cJSON_AddNumberToObject(perf, "expiring_warn", (double)result->warn.count);
        cJSON_AddNumberToObject(perf, "expiring_crit", (double)result->crit.count);
        cJSON_AddNumberToObject(perf, "active", (double)result->kpis.active_licenses);
        cJSON_AddNumberToObject(perf, "total", (double)result->kpis.total_licenses);
        cJSON_AddNumberToObject(perf, "activations", (double)result->kpis.activations_in_use);
    } else {
        cJSON_AddNullToObject(doc, "perfdata");
    }
    bool ok = doc != NULL && cli_json_print(stdout, doc);
    cJSON_Delete(doc);
    /* The exit code is the check's verdict; a failed write leaves it UNKNOWN. */
    return ok ? result->code : CLI_CHECK_UNKNOWN;
}

static int print_result(const check_result *result, const cli_args *args)
{
    if (args->json) {
        return print_json(result, args);
    }
    if (!result->has_figures) {
        cli_say(stdout, "LICPORTAL %s - %s", words[result->code], result->summary);
        return result->code;
    }
    cli_say(stdout,
            "LICPORTAL %s - %s | expiring_warn=%" PRId64 ";;;0 expiring_crit=%" PRId64
            ";;;0 active=%" PRId64 ";;;0 total=%" PRId64 ";;;0 activations=%" PRId64 ";;;0",
            words[result->code], result->summary, result->warn.count, result->crit.count,
            result->kpis.active_licenses, result->kpis.total_licenses,
            result->kpis.activations_in_use);
    return result->code;
}

int cmd_check_usage_error(const char *message, bool json)
{
    check_result result = {0};
    char why[600];
    snprintf(why, sizeof why, "usage: %s", message);
    set_unknown(&result, why);
    result.thresholds_unknown = true;
    cli_args parsed_nothing = {.json = json};
    return print_result(&result, &parsed_nothing);
}

/* Asks the server; any failure becomes UNKNOWN with its reason. */
static void evaluate(cli_context *ctx, const cli_args *args, check_result *result)
{
    if (!lp_client_has_session(ctx->client)) {
        set_unknown(result,
                    "not logged in: run licportal login, or set LICPORTAL_TOKEN to a personal "
                    "access token");
        return;
    }
    lp_error err;
    lp_error_clear(&err);
    lp_call *done;
    char line[1024];
    if (cli_finish(ctx, lp_client_get_dashboard(ctx->client, &err), &done, &err) != LP_OK) {
        cli_report_text("reading the dashboard", &err, line, sizeof line);
        set_unknown(result, line);
        return;
    }
    result->kpis = lp_call_result(done)->as.dashboard.kpis;
    lp_call_free(done);
    if (count_expiring(ctx, args->warn_days, &result->warn, &err) != LP_OK ||
        count_expiring(ctx, args->crit_days, &result->crit, &err) != LP_OK) {
        cli_report_text("listing expiring licenses", &err, line, sizeof line);
        set_unknown(result, line);
        return;
    }
    result->has_figures = true;
    const expiring *hit = result->crit.count > 0   ? &result->crit
                          : result->warn.count > 0 ? &result->warn
                                                   : NULL;
    if (hit == NULL) {
        result->code = CLI_CHECK_OK;
        snprintf(result->summary, sizeof result->summary,
                 "%" PRId64 " active license(s), none expire within %d days",
                 result->kpis.active_licenses, args->warn_days);
        return;
    }
    result->code = hit == &result->crit ? CLI_CHECK_CRITICAL : CLI_CHECK_WARNING;
    snprintf(result->summary, sizeof result->summary,
             "%" PRId64 " active license(s) expire within %d days (first: %s on %s)", hit->count,
             hit == &result->crit ? args->crit_days : args->warn_days, hit->first_product,
             hit->first_date);
}

int cmd_check(const cli_args *args)
{
    check_result result = {0};
    if (args->crit_days > args->warn_days) {
        char why[200];
        snprintf(why, sizeof why, "usage: --crit-days (%d) must not exceed --warn-days (%d)",
                 args->crit_days, args->warn_days);
        set_unknown(&result, why);
        return print_result(&result, args);
    }
    cli_context ctx;
    /* Failures to set up still print the one status line monitoring expects, with the reason. */
    if (cli_context_open_quietly(&ctx, args, NULL) != CLI_EXIT_OK) {
        set_unknown(&result, ctx.failure);
    } else {
        evaluate(&ctx, args, &result);
    }
    cli_context_close(&ctx);
    return print_result(&result, args);
}
