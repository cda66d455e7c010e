/* `licportald import licenses --csv FILE`: many licenses in one transaction, all or none. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "server/admin_lookup.h"
#include "server/cli_options.h"
#include "server/cli_support.h"
#include "server/commands.h"
#include "server/csv.h"
#include "server/exit_codes.h"
#include "server/license_csv.h"
#include "server/license_store.h"

#define IMPORT_USAGE "Usage: licportald import licenses --db PATH --csv FILE [--dry-run]\n"

struct import_count {
    long rows;
    long bad;
};

/* Reads every record of `reader` after the header and inserts it; each bad
 * record is reported on stderr with `name` and its line. False when reading
 * failed altogether. */
static bool import_rows(struct lpd_db *db, struct lpd_csv_reader *reader, const char *name, struct import_count *count)
{
    lp_time now = (lp_time)time(NULL);
    char **fields;
    size_t n;
    long line;
    char err[512];
    enum lpd_csv_result result = lpd_csv_read(reader, &fields, &n, &line, err, sizeof err);
    if (result == LP_CSV_END || (result == LP_CSV_RECORD && !lpd_license_csv_is_header(fields, n))) {
        lpd_cli_error("%s:%ld: the first line must be the header: email,product,key,edition,seats,expires,status,"
                      "allow_deactivation,features,renewal_options",
                      name, result == LP_CSV_END ? 1L : line);
        count->bad++;
        if (result == LP_CSV_END)
            return true;
    } else if (result != LP_CSV_RECORD) {
        if (result == LP_CSV_BAD)
            lpd_cli_error("%s:%ld: %s", name, line, err);
        count->bad++;
        return result != LP_CSV_FAILED;
    }
    while ((result = lpd_csv_read(reader, &fields, &n, &line, err, sizeof err)) != LP_CSV_END) {
        if (result == LP_CSV_FAILED)
            return false;
        count->rows++;
        struct lpd_license_spec spec;
        int64_t row;
        char key[LP_LICENSE_KEY_TEXT_MAX];
        if (result == LP_CSV_BAD || !lpd_license_csv_parse(fields, n, &spec, err, sizeof err) ||
            !lpd_license_insert(db, &spec, now, &row, key, err, sizeof err)) {
            lpd_cli_error("%s:%ld: %s", name, line, err);
            count->bad++;
        }
    }
    return true;
}

static int import_licenses(int argc, char **argv)
{
    const char *db_path = NULL, *csv_path = NULL;
    bool dry_run = false;
    const struct lpd_cli_option options[] = {{"db", LP_CLI_VALUE, &db_path},
                                             {"csv", LP_CLI_VALUE, &csv_path},
                                             {"dry-run", LP_CLI_FLAG, &dry_run},
                                             {NULL, LP_CLI_FLAG, NULL}};
    int status = lpd_cli_parse(argc, argv, "import licenses",
                               IMPORT_USAGE
                               "Adds the licenses of a CSV file (RFC 4180; '-' reads standard input) in one\n"
                               "transaction. The first line is the header\n"
                               "  email,product,key,edition,seats,expires,status,allow_deactivation,features,\n"
                               "  renewal_options\n"
                               "as 'export licenses --csv' writes it; an empty key is generated, an empty\n"
                               "seats, expires, status or allow_deactivation takes its default (unlimited,\n"
                               "never, active, yes); features and renewal options are separated by ';'.\n"
                               "Every bad row is reported as FILE:LINE: REASON, and when there is any,\n"
                               "nothing is written. --dry-run checks everything and writes nothing.\n",
                               options, NULL, 0);
    if (status >= 0)
        return status;
    if (db_path == NULL || csv_path == NULL)
        return lpd_cli_usage_error("import licenses", "--db and --csv are required");
    bool from_stdin = strcmp(csv_path, "-") == 0;
    FILE *in = from_stdin ? stdin : fopen(csv_path, "r");
    if (in == NULL)
        return lpd_cli_error("cannot read %s: %s", csv_path, strerror(errno));
    struct lpd_csv_reader *reader = lpd_csv_reader_new(in);
    struct lpd_db *db = reader != NULL ? lpd_admin_open(db_path) : NULL;
    char err[512];
    /* One transaction of many rows: keep its pages in memory rather than
     * spilling them to the WAL while it grows. */
    bool begun = db != NULL &&
                 (lpd_db_dialect(db) != LPD_DIALECT_SQLITE ||
                  lpd_db_exec(db, "PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY", err, sizeof err)) &&
                 lpd_db_begin_write(db, err, sizeof err);
    struct import_count count = {0, 0};
    if (reader == NULL) {
        status = lpd_cli_error("out of memory");
    } else if (db == NULL) {
        status = LP_EXIT_ERROR;
    } else if (!begun) {
        status = lpd_cli_error("%s", err);
    } else if (!import_rows(db, reader, csv_path, &count)) {
        status = lpd_cli_error("cannot read %s: %s", csv_path, strerror(errno));
    } else if (count.bad > 0) {
        status = lpd_cli_error("%ld bad line%s in %s; nothing was imported", count.bad, count.bad == 1 ? "" : "s",
                               csv_path);
    } else if (dry_run) {
        printf("%ld licenses checked; nothing written (dry run)\n", count.rows);
        status = LP_EXIT_OK;
    } else if (!lpd_db_commit(db, err, sizeof err)) {
        status = lpd_cli_error("%s", err);
    } else {
        printf("imported %ld licenses\n", count.rows);
        begun = false;
        status = LP_EXIT_OK;
        if (!lpd_db_after_bulk_load(db, err, sizeof err))
            fprintf(stderr, "licportald: imported, but %s\n", err);
    }
    if (begun)
        lpd_db_rollback(db);
    lpd_db_free(db);
    lpd_csv_reader_free(reader);
    if (!from_stdin)
        fclose(in);
    return status;
}

int lpd_cmd_import(int argc, char **argv)
{
    return lpd_cli_run_verb(argc, argv, "import", IMPORT_USAGE, "licenses", import_licenses);
}
