/* `licportald export licenses --csv`: every license in the columns `import licenses` reads. */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <string.h>

#include "server/admin_lookup.h"
#include "server/cli_options.h"
#include "server/cli_support.h"
#include "server/commands.h"
#include "server/csv.h"
#include "server/exit_codes.h"
#include "server/license_csv.h"
#include "server/license_fields.h"
#include "server/license_store.h"

#define EXPORT_USAGE "Usage: licportald export licenses --db PATH --csv\n"
#define LIST_TEXT_MAX 4096

/* The features of a row (a JSON array) joined with ';'. */
static void join_features(const char *json, char *out, size_t size)
{
    out[0] = '\0';
    cJSON *features = cJSON_Parse(json != NULL ? json : "[]");
    const cJSON *feature;
    size_t len = 0;
    cJSON_ArrayForEach(feature, features)
    {
        if (cJSON_IsString(feature) && len < size)
            len += (size_t)snprintf(out + len, size - len, "%s%s", len > 0 ? ";" : "", feature->valuestring);
    }
    cJSON_Delete(features);
}

/* The renewal options given for license `row` only, joined with ';'. */
static bool join_renewals(struct lpd_db *db, int64_t row, char *out, size_t size)
{
    static const char *const sql = "SELECT label, term_months, amount_minor, currency FROM renewal_options "
                                   "WHERE license_id = :license ORDER BY id";
    out[0] = '\0';
    struct lpd_stmt *st = lpd_db_stmt(db, sql);
    if (st == NULL)
        return false;
    lpd_bind_int(st, ":license", row);
    size_t len = 0;
    int rc;
    while ((rc = lpd_step(st)) == LPD_ROW) {
        struct lpd_renewal_option option;
        lpd_renewal_from_columns(st, 0, &option);
        char text[160];
        lpd_renewal_format(&option, text, sizeof text);
        if (len < size)
            len += (size_t)snprintf(out + len, size - len, "%s%s", len > 0 ? ";" : "", text);
    }
    lpd_stmt_reset(st);
    return rc == LPD_DONE;
}

static int export_licenses(int argc, char **argv)
{
    const char *db_path = NULL;
    bool csv = false;
    const struct lpd_cli_option options[] = {
        {"db", LP_CLI_VALUE, &db_path}, {"csv", LP_CLI_FLAG, &csv}, {NULL, LP_CLI_FLAG, NULL}};
    int status = lpd_cli_parse(argc, argv, "export licenses",
                               EXPORT_USAGE
                               "Writes every license, in id order, as CSV (RFC 4180, CRLF line ends) on\n"
                               "standard output: the header line and the columns 'import licenses' reads,\n"
                               "so that the file imports again as it is. Renewal options are those given for\n"
                               "each license; those of its product stay with the product.\n",
                               options, NULL, 0);
    if (status >= 0)
        return status;
    if (db_path == NULL || !csv)
        return lpd_cli_usage_error("export licenses", "--db and --csv are required");
    struct lpd_db *db = lpd_admin_open(db_path);
    if (db == NULL)
        return LP_EXIT_ERROR;
    static const char *const sql = "SELECT l.id, u.email, l.product_id, l.license_key, l.edition, "
                                   "l.max_activations, l.expires_at, l.status, l.allow_deactivation, l.features "
                                   "FROM licenses l JOIN users u ON u.id = l.user_id ORDER BY l.id";
    char err[512];
    /* One read transaction: the file is one consistent picture. */
    bool ok = lpd_db_begin_read(db, err, sizeof err);
    struct lpd_stmt *st = ok ? lpd_db_stmt(db, sql) : NULL;
    ok = st != NULL;
    if (ok)
        lpd_csv_write_record(stdout, lpd_license_csv_header, LP_LICENSE_CSV_COLUMNS);
    int rc = LPD_DONE;
    while (ok && (rc = lpd_step(st)) == LPD_ROW) {
        char seats[24], expires[LP_TIMESTAMP_LEN], features[LIST_TEXT_MAX], renewals[LIST_TEXT_MAX];
        if (lpd_col_is_null(st, 5))
            snprintf(seats, sizeof seats, "unlimited");
        else
            snprintf(seats, sizeof seats, "%lld", (long long)lpd_col_int(st, 5, 0));
        lp_time expiry = lpd_col_int(st, 6, LP_TIME_NONE);
        if (expiry == LP_TIME_NONE || !lp_timestamp_format(expiry, expires))
            snprintf(expires, sizeof expires, "never");
        join_features(lpd_col_text(st, 9), features, sizeof features);
        ok = join_renewals(db, lpd_col_int(st, 0, 0), renewals, sizeof renewals);
        const char *record[LP_LICENSE_CSV_COLUMNS] = {lpd_col_text(st, 1),
                                                      lpd_col_text(st, 2),
                                                      lpd_col_text(st, 3),
                                                      lpd_col_text(st, 4),
                                                      seats,
                                                      expires,
                                                      lpd_col_text(st, 7),
                                                      (int)lpd_col_int(st, 8, 0) ? "yes" : "no",
                                                      features,
                                                      renewals};
        lpd_csv_write_record(stdout, record, LP_LICENSE_CSV_COLUMNS);
    }
    if (st != NULL)
        lpd_stmt_reset(st);
    if (!ok || rc != LPD_DONE)
        status = lpd_cli_error("cannot export licenses: %s", lpd_db_errmsg(db));
    else if (fflush(stdout) != 0 || ferror(stdout))
        status = lpd_cli_error("cannot write the export");
    else
        status = LP_EXIT_OK;
    lpd_db_commit(db, NULL, 0);
    lpd_db_free(db);
    return status;
}

int lpd_cmd_export(int argc, char **argv)
{
    return lpd_cli_run_verb(argc, argv, "export", EXPORT_USAGE, "licenses", export_licenses);
}
