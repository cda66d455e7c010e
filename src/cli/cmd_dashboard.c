/* licportal dashboard: the four counts and the most recently added licences. */
#include <inttypes.h>
#include <stdio.h>

#include "cli/commands.h"
#include "cli/context.h"
#include "cli/exit_code.h"
#include "cli/license_row.h"
#include "cli/listing.h"

static void print_dashboard(const cli_context *ctx, const lp_dashboard *dashboard)
{
    char total[32], active[32], in_use[32], expiring[64];
    snprintf(total, sizeof total, "%" PRId64, dashboard->kpis.total_licenses);
    snprintf(active, sizeof active, "%" PRId64, dashboard->kpis.active_licenses);
    snprintf(in_use, sizeof in_use, "%" PRId64, dashboard->kpis.activations_in_use);
    snprintf(expiring, sizeof expiring, "%" PRId64 " (within %" PRId64 " days)",
             dashboard->kpis.expiring_soon, dashboard->kpis.expiring_window_days);
    const char *fields[] = {
        "Total licenses", total,
        "Active licenses", active,
        "Activations in use", in_use,
        "Expiring soon", expiring,
    };
    cli_print_fields(stdout, fields, 4, ctx->stdout_terminal);
    cli_table *table = cli_recent_table_new();
    if (table == NULL) {
        return;
    }
    for (size_t i = 0; i < dashboard->recent_count; i++) {
        cli_add_recent_row(table, &dashboard->recent[i]);
    }
    if (ctx->stdout_terminal) {
        printf("\nRecent licenses\n");
    }
    cli_table_style style = cli_stdout_style(ctx);
    cli_table_print(table, stdout, &style);
    cli_table_free(table);
}

int cmd_dashboard(const cli_args *args)
{
    cli_context ctx;
    int rc = cli_context_open(&ctx, args, NULL);
    if (rc == CLI_EXIT_OK) {
        rc = cli_require_session(&ctx);
    }
    if (rc != CLI_EXIT_OK) {
        cli_context_close(&ctx);
        return rc;
    }
    lp_error err;
    lp_error_clear(&err);
    lp_call *done;
    if (cli_finish(&ctx, lp_client_get_dashboard(ctx.client, &err), &done, &err) != LP_OK) {
        rc = cli_report("loading the dashboard", &err);
        cli_context_close(&ctx);
        return rc;
    }
    const lp_result *result = lp_call_result(done);
    if (args->json) {
        rc = cli_print_body_json(result, "loading the dashboard");
    } else {
        print_dashboard(&ctx, &result->as.dashboard);
    }
    lp_call_free(done);
    cli_context_close(&ctx);
    return rc;
}
