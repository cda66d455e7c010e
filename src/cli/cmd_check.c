/* licportal check: one monitoring-plugin line about expiring licences, exit 0/1/2/3. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/commands.h"
#include "cli/context.h"
#include "cli/exit_code.h"
#include "cli/say.h"
#include "licportal/format.h"
#include "licportal/sanitize.h"

typedef struct expiring {
    int64_t count;
    char first_product[128];
    char first_date[16];
} expiring;

static lp_status count_expiring(cli_context *ctx, int days, expiring *out, lp_error *err)
{
    lp_license_query query = {
        .status = "active",
        .sort = "expires_at",
        .expiring_within_days = days,
        .limit = 1,
    };
    lp_call *done;
    lp_status status =
        cli_finish(ctx, lp_client_list_licenses(ctx->client, &query, err), &done, err);
    if (status != LP_OK) {
        return status;
    }
    const lp_license_page *page = &lp_call_result(done)->as.licenses;
    out->count = page->total;
    if (page->count > 0) {
        lp_sanitize_into(page->items[0].product.name, out->first_product,
                         sizeof out->first_product);
        /* The status line has one line only: no '|' that would start perfdata. */
        for (char *p = out->first_product; *p != '\0'; p++) {
            if (*p == '|') {
                *p = '/';
            }
        }
        lp_format_date(page->items[0].expires_at, out->first_date, sizeof out->first_date);
    }
    lp_call_free(done);
    return LP_OK;
}

static int unknown(const char *why)
{
    char text[600];
    lp_sanitize_into(why, text, sizeof text);
    for (char *p = text; *p != '\0'; p++) {
        if (*p == '|') {
            *p = '/';
        }
    }
    cli_say(stdout, "LICPORTAL UNKNOWN - %s", text);
    return CLI_CHECK_UNKNOWN;
}

int cmd_check(const cli_args *args)
{
    cli_context ctx;
    /* Failures to set up still print the one status line monitoring expects. */
    int rc = cli_context_open(&ctx, args, NULL);
    if (rc != CLI_EXIT_OK) {
        cli_context_close(&ctx);
        return unknown("cannot set up the client (see the error above)");
    }
    if (!lp_client_has_session(ctx.client)) {
        cli_context_close(&ctx);
        return unknown("not logged in; run licportal login");
    }
    lp_error err;
    lp_error_clear(&err);
    lp_call *done;
    if (cli_finish(&ctx, lp_client_get_dashboard(ctx.client, &err), &done, &err) != LP_OK) {
        cli_context_close(&ctx);
        return unknown(err.message);
    }
    lp_kpis kpis = lp_call_result(done)->as.dashboard.kpis;
    lp_call_free(done);
    expiring warn = {0}, crit = {0};
    if (count_expiring(&ctx, args->warn_days, &warn, &err) != LP_OK
        || count_expiring(&ctx, args->crit_days, &crit, &err) != LP_OK) {
        cli_context_close(&ctx);
        return unknown(err.message);
    }
    cli_context_close(&ctx);
    int code = CLI_CHECK_OK;
    char summary[512];
    if (crit.count > 0) {
        code = CLI_CHECK_CRITICAL;
        snprintf(summary, sizeof summary,
                 "%" PRId64 " active licence(s) expire within %d days (first: %s on %s)",
                 crit.count, args->crit_days, crit.first_product, crit.first_date);
    } else if (warn.count > 0) {
        code = CLI_CHECK_WARNING;
        snprintf(summary, sizeof summary,
                 "%" PRId64 " active licence(s) expire within %d days (first: %s on %s)",
                 warn.count, args->warn_days, warn.first_product, warn.first_date);
    } else {
        snprintf(summary, sizeof summary,
                 "%" PRId64 " active licence(s), none expire within %d days",
                 kpis.active_licenses, args->warn_days);
    }
    static const char *const words[] = {"OK", "WARNING", "CRITICAL", "UNKNOWN"};
    cli_say(stdout,
            "LICPORTAL %s - %s | expiring_warn=%" PRId64 ";;;0 expiring_crit=%" PRId64
            ";;;0 active=%" PRId64 ";;;0 total=%" PRId64 ";;;0 activations=%" PRId64 ";;;0",
            words[code], summary, warn.count, crit.count, kpis.active_licenses,
            kpis.total_licenses, kpis.activations_in_use);
    return code;
}
