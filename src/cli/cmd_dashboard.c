/* licportal dashboard: the four counts and the most recently added licenses. */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>

#include "cli/commands.h"
#include "cli/context.h"
#include "cli/exit_code.h"
#include "cli/license_row.h"
#include "cli/listing.h"
#include "cli/raw_value.h"

static void print_dashboard(const cli_context *ctx, const lp_dashboard *dashboard)
{
    char total[32], active[32], in_use[32], expiring[64];
    snprintf(total, sizeof total, "%" PRId64, dashboard->kpis.total_licenses);
    snprintf(active, sizeof active, "%" PRId64, dashboard->kpis.active_licenses);
    snprintf(in_use, sizeof in_use, "%" PRId64, dashboard->kpis.activations_in_use);
    snprintf(expiring, sizeof expiring, "%" PRId64 " (within %" PRId64 " days)",
             dashboard->kpis.expiring_soon, dashboard->kpis.expiring_window_days);
    const char *fields[] = {
        "Total licenses",     total,  "Active licenses", active,
        "Activations in use", in_use, "Expiring soon",   expiring,
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

/* For scripts one record of the counts; the recent licenses are `licenses --limit 5`. */
static int print_record(const cli_context *ctx, const lp_dashboard *dashboard)
{
    static const char *const fields[] = {
        "total_licenses", "active_licenses",      "activations_in_use",
        "expiring_soon",  "expiring_window_days", "generated_at",
    };
    char numbers[5][CLI_RAW_NUMBER_LEN], generated[LP_TIMESTAMP_LEN];
    const lp_kpis *k = &dashboard->kpis;
    const char *cells[] = {
        cli_raw_number(k->total_licenses, INT64_MIN, numbers[0]),
        cli_raw_number(k->active_licenses, INT64_MIN, numbers[1]),
        cli_raw_number(k->activations_in_use, INT64_MIN, numbers[2]),
        cli_raw_number(k->expiring_soon, INT64_MIN, numbers[3]),
        cli_raw_number(k->expiring_window_days, INT64_MIN, numbers[4]),
        cli_raw_time(dashboard->generated_at, generated),
    };
    return cli_print_record(ctx, fields, cells, sizeof fields / sizeof fields[0]);
}

static lp_call *start(cli_context *ctx, lp_error *err)
{
    return lp_client_get_dashboard(ctx->client, err);
}

static int show(cli_context *ctx, const lp_result *result)
{
    if (ctx->args->json) {
        return cli_print_body_json(result, "loading the dashboard");
    }
    if (cli_script_output(ctx)) {
        return print_record(ctx, &result->as.dashboard);
    }
    print_dashboard(ctx, &result->as.dashboard);
    return CLI_EXIT_OK;
}

int cmd_dashboard(const cli_args *args)
{
    static const cli_single_call dashboard = {"loading the dashboard", start, show};
    return cli_run_single_call(args, &dashboard);
}
