/* licportal download ID: resumable transfer with a progress line, sha256 check, final rename. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli/commands.h"
#include "cli/context.h"
#include "cli/exit_code.h"
#include "cli/listing.h"
#include "cli/say.h"
#include "cli/progress.h"
#include "licportal/download.h"
#include "licportal/format.h"

#define TICK_MS 200

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void draw_progress(const lp_download_job *job)
{
    lp_download_progress progress = lp_download_job_progress(job);
    size_t width = cli_terminal_width(STDERR_FILENO);
    char line[256];
    cli_progress_format(&progress, width > 1 ? width - 1 : 79, line, sizeof line);
    fprintf(stderr, "\r%s\033[K", line);
    fflush(stderr);
}

/* Runs the transfer to its end; returns the job's final status. */
static lp_status run_job(cli_context *ctx, lp_download_job *job, lp_error *err)
{
    bool show = ctx->stderr_terminal;
    double last_draw = 0;
    for (;;) {
        lp_call *call;
        while ((call = lp_client_next_done(ctx->client)) != NULL) {
            if (lp_download_job_owns(job, call)) {
                if (show) {
                    draw_progress(job);
                    fputc('\n', stderr);
                }
                return lp_download_job_finish(job, call, err);
            }
            lp_call_free(call);
        }
        lp_status status = lp_client_wait(ctx->client, -1, TICK_MS, NULL, err);
        if (status != LP_OK) {
            return status;
        }
        if (show && now_seconds() - last_draw >= 0.2) {
            draw_progress(job);
            last_draw = now_seconds();
        }
    }
}

static int print_json(const lp_download *meta, const char *target)
{
    char *absolute = realpath(target, NULL);
    cJSON *doc = cJSON_CreateObject();
    cJSON_AddStringToObject(doc, "id", meta->id);
    cJSON_AddStringToObject(doc, "filename", meta->filename);
    cJSON_AddStringToObject(doc, "path", absolute != NULL ? absolute : target);
    cJSON_AddNumberToObject(doc, "size_bytes", (double)meta->size_bytes);
    cJSON_AddStringToObject(doc, "sha256", meta->sha256);
    cJSON_AddBoolToObject(doc, "verified", true);
    free(absolute);
    return cli_print_json_document(doc);
}

static lp_call *start(cli_context *ctx, lp_error *err)
{
    return lp_client_get_download(ctx->client, ctx->args->target, err);
}

/* Says where the file is in a form that holds from any directory, naming
 * it as it is on disk (not as the server spelled it). */
static void say_where(const lp_download *meta, const char *target, bool fetched)
{
    char size[32];
    char *absolute = realpath(target, NULL);
    const char *path = absolute != NULL ? absolute : target;
    const char *slash = strrchr(path, '/');
    lp_format_size(meta->size_bytes, size, sizeof size);
    cli_say(stdout, "%s %.512s (%s, sha256 verified) %s %s",
            fetched ? "Downloaded" : "Up to date:", slash != NULL ? slash + 1 : path, size,
            fetched ? "to" : "at", path);
    free(absolute);
}

/* An existing file with the expected sha256 needs nothing fetched. */
static int check_up_to_date(cli_context *ctx, const lp_download *meta, bool *up_to_date)
{
    lp_error err;
    lp_error_clear(&err);
    char *target = NULL;
    *up_to_date = false;
    if (lp_download_up_to_date(meta, ctx->args->output, up_to_date, &target, &err) != LP_OK) {
        free(target);
        return cli_report("checking the existing file", &err);
    }
    if (*up_to_date) {
        say_where(meta, target, false);
    }
    free(target);
    return CLI_EXIT_OK;
}

static int fetch(cli_context *ctx, const lp_result *result)
{
    const lp_download *meta = &result->as.download;
    bool up_to_date = false;
    if (!ctx->args->force) {
        int rc = check_up_to_date(ctx, meta, &up_to_date);
        if (rc != CLI_EXIT_OK || up_to_date) {
            return rc;
        }
    }
    lp_error err;
    lp_error_clear(&err);
    lp_download_job *job = lp_download_job_start(ctx->client, meta, ctx->args->output,
                                                 ctx->args->force, &err);
    if (job == NULL) {
        return cli_report("starting the download", &err);
    }
    int rc = CLI_EXIT_OK;
    if (run_job(ctx, job, &err) != LP_OK) {
        rc = cli_report("downloading", &err);
    } else if (ctx->args->json) {
        rc = print_json(meta, lp_download_job_target(job));
    } else {
        say_where(meta, lp_download_job_target(job), true);
    }
    lp_download_job_free(job);
    return rc;
}

int cmd_download(const cli_args *args)
{
    static const cli_single_call download = {"looking up the download", start, fetch};
    return cli_run_single_call(args, &download);
}
