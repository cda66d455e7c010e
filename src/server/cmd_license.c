/* `licportald license add|list|show|extend|suspend|resume|revoke`: licenses held by users. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "server/admin_lookup.h"
#include "server/admin_output.h"
#include "server/cli_options.h"
#include "server/cli_support.h"
#include "server/commands.h"
#include "server/decimal.h"
#include "server/exit_codes.h"
#include "server/license_fields.h"
#include "server/license_json.h"
#include "server/license_store.h"
#include "server/object_id.h"

#define LICENSE_USAGE                                                                             \
    "Usage: licportald license add --db PATH --user EMAIL --product ID [options]\n"               \
    "       licportald license list --db PATH [--user EMAIL] [--product ID] [--json]\n"           \
    "       licportald license show --db PATH [--json] LICENSE_ID\n"                              \
    "       licportald license extend --db PATH (--expires DATE|never | --months N) LICENSE_ID\n" \
    "       licportald license suspend|resume|revoke --db PATH LICENSE_ID\n"

/* The effective status: an active license past its expiry reads as expired. */
#define EFFECTIVE_STATUS                                                                                 \
    "CASE WHEN l.status = 'active' AND l.expires_at IS NOT NULL AND l.expires_at < :now THEN 'expired' " \
    "ELSE l.status END"

static int add_license(int argc, char **argv)
{
    const char *db_path = NULL, *seats = NULL, *expires = NULL, *status_text = NULL;
    bool no_deactivation = false;
    struct lpd_cli_list features, renewals;
    struct lpd_license_spec spec;
    lpd_license_spec_init(&spec);
    const struct lpd_cli_option options[] = {{"db", LP_CLI_VALUE, &db_path},
                                             {"user", LP_CLI_VALUE, &spec.email},
                                             {"product", LP_CLI_VALUE, &spec.product_id},
                                             {"key", LP_CLI_VALUE, &spec.key},
                                             {"edition", LP_CLI_VALUE, &spec.edition},
                                             {"seats", LP_CLI_VALUE, &seats},
                                             {"expires", LP_CLI_VALUE, &expires},
                                             {"status", LP_CLI_VALUE, &status_text},
                                             {"feature", LP_CLI_LIST, &features},
                                             {"renewal", LP_CLI_LIST, &renewals},
                                             {"no-deactivation", LP_CLI_FLAG, &no_deactivation},
                                             {NULL, LP_CLI_FLAG, NULL}};
    int status =
        lpd_cli_parse(argc, argv, "license add",
                      "Usage: licportald license add --db PATH --user EMAIL --product ID [--key KEY] [--edition E]\n"
                      "                              [--seats N|unlimited] [--expires DATE|never] [--feature F]...\n"
                      "                              [--renewal 'LABEL,MONTHS,PRICE CUR']... [--status S]\n"
                      "                              [--no-deactivation]\n"
                      "Adds a license for the user with e-mail EMAIL and prints its id and key.\n"
                      "\n"
                      "  --key KEY          the key (4 to 64 letters, digits and dashes); default: generated\n"
                      "                     from the product id, such as ATLA-7K2M-Q9PX-4HRT\n"
                      "  --edition E        the edition users see (default none)\n"
                      "  --seats N          how many activations it allows, or unlimited (default)\n"
                      "  --expires DATE     the end: a date (valid through 23:59:59 UTC that day), an RFC 3339\n"
                      "                     time, or never (default)\n"
                      "  --feature F        a feature (letters, digits and - _ . :); may be repeated\n"
                      "  --renewal R        a renewal option for this license only, such as\n"
                      "                     '1 year,12,99.00 EUR'; may be repeated (options given with\n"
                      "                     'product add' are offered as well)\n"
                      "  --status S         active (default), pending, suspended, revoked or expired\n"
                      "  --no-deactivation  users may not deactivate its activations themselves\n",
                      options, NULL, 0);
    if (status >= 0)
        return status;
    if (db_path == NULL || spec.email == NULL || spec.product_id == NULL)
        return lpd_cli_usage_error("license add", "--db, --user and --product are required");
    char err[512];
    if (seats != NULL && !lpd_seats_parse(seats, &spec.seats, err, sizeof err))
        return lpd_cli_usage_error("license add", "--seats: %s", err);
    if (expires != NULL && !lpd_expiry_parse(expires, &spec.expires_at, err, sizeof err))
        return lpd_cli_usage_error("license add", "--expires: %s", err);
    if (status_text != NULL)
        spec.status = status_text;
    spec.allow_deactivation = !no_deactivation;
    if (features.count > LP_LICENSE_FEATURES_MAX || renewals.count > LP_LICENSE_RENEWALS_MAX)
        return lpd_cli_usage_error("license add", "at most %d features and %d renewal options", LP_LICENSE_FEATURES_MAX,
                                   LP_LICENSE_RENEWALS_MAX);
    for (size_t i = 0; i < features.count; i++)
        spec.features[i] = features.values[i];
    spec.feature_count = features.count;
    for (size_t i = 0; i < renewals.count; i++) {
        if (!lpd_renewal_parse(renewals.values[i], &spec.renewals[i], err, sizeof err))
            return lpd_cli_usage_error("license add", "--renewal '%s': %s", renewals.values[i], err);
    }
    spec.renewal_count = renewals.count;
    if (!lpd_license_spec_check(&spec, err, sizeof err))
        return lpd_cli_usage_error("license add", "%s", err);
    struct lpd_db *db = lpd_admin_open(db_path);
    if (db == NULL)
        return LP_EXIT_ERROR;
    int64_t row = 0;
    char key[LP_LICENSE_KEY_TEXT_MAX];
    bool ok = lpd_db_begin_write(db, err, sizeof err) &&
              lpd_license_insert(db, &spec, (lp_time)time(NULL), &row, key, err, sizeof err) &&
              lpd_db_commit(db, err, sizeof err);
    if (!ok)
        lpd_db_rollback(db);
    lpd_db_free(db);
    if (!ok)
        return lpd_cli_error("%s", err);
    char id[LP_ID_LEN];
    lpd_object_id_format(LP_ID_LICENSE, row, id);
    printf("%s\t%s\n", id, key);
    return LP_EXIT_OK;
}

static int list_licenses(int argc, char **argv)
{
    const char *db_path = NULL, *email = NULL, *product = NULL;
    bool json = false;
    const struct lpd_cli_option options[] = {{"db", LP_CLI_VALUE, &db_path},
                                             {"user", LP_CLI_VALUE, &email},
                                             {"product", LP_CLI_VALUE, &product},
                                             {"json", LP_CLI_FLAG, &json},
                                             {NULL, LP_CLI_FLAG, NULL}};
    int status = lpd_cli_parse(argc, argv, "license list",
                               "Usage: licportald license list --db PATH [--user EMAIL] [--product ID] [--json]\n"
                               "Lists licenses in id order: id, user, product, edition, key, status (an active\n"
                               "license past its expiry shows as expired), seats, activations in use,\n"
                               "expiry and when it was added.\n",
                               options, NULL, 0);
    if (status >= 0)
        return status;
    if (db_path == NULL)
        return lpd_cli_usage_error("license list", "--db is required");
    struct lpd_db *db = lpd_admin_open(db_path);
    if (db == NULL)
        return LP_EXIT_ERROR;
    if ((email != NULL && lpd_admin_user_row(db, email) < 0) ||
        (product != NULL && !lpd_admin_product_exists(db, product))) {
        lpd_db_free(db);
        return LP_EXIT_ERROR;
    }
    static const char *const sql = "SELECT l.id, u.email, l.product_id, l.edition, l.license_key, " EFFECTIVE_STATUS
                                   ", l.max_activations, l.activations_in_use, l.expires_at, l.added_at "
                                   "FROM licenses l JOIN users u ON u.id = l.user_id "
                                   "WHERE (CAST(:email AS TEXT) IS NULL OR u.email = :email) "
                                   "AND (CAST(:product AS TEXT) IS NULL OR l.product_id = :product) ORDER BY l.id";
    static const struct lpd_admin_column columns[] = {
        {"ID", "id", LP_ADMIN_ID, LP_ID_LICENSE},         {"USER", "user", LP_ADMIN_TEXT, NULL},
        {"PRODUCT", "product_id", LP_ADMIN_TEXT, NULL},   {"EDITION", "edition", LP_ADMIN_TEXT, NULL},
        {"KEY", "license_key", LP_ADMIN_TEXT, NULL},      {"STATUS", "status", LP_ADMIN_TEXT, NULL},
        {"SEATS", "seats", LP_ADMIN_SEATS, NULL},         {"IN_USE", "activations_in_use", LP_ADMIN_INT, NULL},
        {"EXPIRES", "expires_at", LP_ADMIN_EXPIRY, NULL}, {"ADDED", "added_at", LP_ADMIN_TIME, NULL},
    };
    struct lpd_stmt *st = lpd_db_stmt(db, sql);
    if (st != NULL) {
        lpd_bind_int(st, ":now", (int64_t)time(NULL));
        lpd_bind_text(st, ":email", email);
        lpd_bind_text(st, ":product", product);
    }
    status = st != NULL ? lpd_admin_list(db, st, columns, sizeof columns / sizeof columns[0], json) : LP_EXIT_ERROR;
    lpd_db_free(db);
    return status;
}

/* The renewal options license `row` of `product` offers, as JSON objects. */
static cJSON *renewal_options_json(struct lpd_db *db, int64_t row, const char *product)
{
    static const char *const sql = "SELECT label, term_months, amount_minor, currency, id, license_id IS NULL "
                                   "FROM renewal_options WHERE product_id = :product "
                                   "AND (license_id IS NULL OR license_id = :license) ORDER BY id";
    cJSON *options = cJSON_CreateArray();
    struct lpd_stmt *st = lpd_db_stmt(db, sql);
    if (st == NULL)
        return options;
    lpd_bind_text(st, ":product", product);
    lpd_bind_int(st, ":license", row);
    while (lpd_step(st) == LPD_ROW) {
        struct lpd_renewal_option option;
        lpd_renewal_from_columns(st, 0, &option);
        char id[LP_ID_LEN], text[160];
        lpd_object_id_format(LP_ID_RENEWAL, lpd_col_int(st, 4, 0), id);
        lpd_renewal_format(&option, text, sizeof text);
        cJSON *item = cJSON_CreateObject();
        cJSON_AddStringToObject(item, "id", id);
        cJSON_AddStringToObject(item, "label", option.label);
        cJSON_AddNumberToObject(item, "term_months", option.term_months);
        cJSON *price = cJSON_AddObjectToObject(item, "price");
        cJSON_AddNumberToObject(price, "amount_minor", (double)option.amount_minor);
        cJSON_AddStringToObject(price, "currency", option.currency);
        cJSON_AddStringToObject(item, "for", (int)lpd_col_int(st, 5, 0) ? "product" : "license");
        cJSON_AddStringToObject(item, "text", text);
        cJSON_AddItemToArray(options, item);
    }
    lpd_stmt_reset(st);
    return options;
}

/* Prints the members of `license` as NAME<TAB>VALUE lines; features on one
 * line, each renewal option on its own. */
static void print_license_text(const cJSON *license)
{
    const cJSON *member;
    cJSON_ArrayForEach(member, license)
    {
        char number[32];
        const char *value = NULL;
        if (cJSON_IsString(member)) {
            value = member->valuestring;
        } else if (cJSON_IsNumber(member)) {
            snprintf(number, sizeof number, "%.0f", member->valuedouble);
            value = number;
        } else if (cJSON_IsBool(member)) {
            value = cJSON_IsTrue(member) ? "yes" : "no";
        } else if (strcmp(member->string, "seats") == 0) {
            value = "unlimited";
        } else if (strcmp(member->string, "expires_at") == 0) {
            value = "never";
        } else if (strcmp(member->string, "features") == 0) {
            char list[1024] = "";
            const cJSON *feature;
            cJSON_ArrayForEach(feature, member)
            {
                if (cJSON_IsString(feature))
                    snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s", list[0] ? "," : "",
                             feature->valuestring);
            }
            const char *row[] = {member->string, list};
            lpd_admin_print_row(stdout, row, 2);
            continue;
        } else if (strcmp(member->string, "renewal_options") == 0) {
            const cJSON *option;
            cJSON_ArrayForEach(option, member)
            {
                char line[256];
                snprintf(line, sizeof line, "%s (%s, %s)", cJSON_GetStringValue(cJSON_GetObjectItem(option, "text")),
                         cJSON_GetStringValue(cJSON_GetObjectItem(option, "id")),
                         cJSON_GetStringValue(cJSON_GetObjectItem(option, "for")));
                const char *row[] = {"renewal_option", line};
                lpd_admin_print_row(stdout, row, 2);
            }
            continue;
        }
        const char *row[] = {member->string, value};
        lpd_admin_print_row(stdout, row, 2);
    }
}

static int show_license(int argc, char **argv)
{
    const char *db_path = NULL, *id = NULL;
    bool json = false;
    const struct lpd_cli_option options[] = {
        {"db", LP_CLI_VALUE, &db_path}, {"json", LP_CLI_FLAG, &json}, {NULL, LP_CLI_FLAG, NULL}};
    int status = lpd_cli_parse(argc, argv, "license show",
                               "Usage: licportald license show --db PATH [--json] LICENSE_ID\n"
                               "Shows one license with its full key, features and the renewal options it\n"
                               "offers (for the whole product or for this license only).\n",
                               options, &id, 1);
    if (status >= 0)
        return status;
    if (db_path == NULL)
        return lpd_cli_usage_error("license show", "--db is required");
    struct lpd_db *db = lpd_admin_open(db_path);
    if (db == NULL)
        return LP_EXIT_ERROR;
    int64_t row = lpd_admin_license_row(db, id);
    static const char *const sql =
        "SELECT l.id, u.email, l.product_id, l.product_name, l.edition, l.license_key, " EFFECTIVE_STATUS
        ", l.max_activations, l.activations_in_use, l.allow_deactivation, l.added_at, l.expires_at, l.features "
        "FROM licenses l JOIN users u ON u.id = l.user_id WHERE l.id = :id";
    static const struct lpd_admin_column columns[] = {
        {"ID", "id", LP_ADMIN_ID, LP_ID_LICENSE},
        {"USER", "user", LP_ADMIN_TEXT, NULL},
        {"PRODUCT", "product_id", LP_ADMIN_TEXT, NULL},
        {"PRODUCT_NAME", "product_name", LP_ADMIN_TEXT, NULL},
        {"EDITION", "edition", LP_ADMIN_TEXT, NULL},
        {"KEY", "license_key", LP_ADMIN_TEXT, NULL},
        {"STATUS", "status", LP_ADMIN_TEXT, NULL},
        {"SEATS", "seats", LP_ADMIN_SEATS, NULL},
        {"IN_USE", "activations_in_use", LP_ADMIN_INT, NULL},
        {"DEACTIVATION", "allow_deactivation", LP_ADMIN_BOOL, NULL},
        {"ADDED", "added_at", LP_ADMIN_TIME, NULL},
        {"EXPIRES", "expires_at", LP_ADMIN_EXPIRY, NULL},
        {"FEATURES", "features", LP_ADMIN_JSON, NULL},
    };
    struct lpd_stmt *st = row > 0 ? lpd_db_stmt(db, sql) : NULL;
    cJSON *license = NULL;
    if (st != NULL) {
        lpd_bind_int(st, ":now", (int64_t)time(NULL));
        lpd_bind_int(st, ":id", row);
        if (lpd_step(st) == LPD_ROW)
            license = lpd_admin_row_json(st, columns, sizeof columns / sizeof columns[0]);
        lpd_stmt_reset(st);
    }
    if (license != NULL) {
        const char *product = cJSON_GetStringValue(cJSON_GetObjectItem(license, "product_id"));
        cJSON_AddItemToObject(license, "renewal_options", renewal_options_json(db, row, product));
    }
    lpd_db_free(db);
    if (license == NULL)
        return LP_EXIT_ERROR;
    if (json)
        return lpd_admin_print_json(stdout, license) ? LP_EXIT_OK : lpd_cli_error("out of memory");
    print_license_text(license);
    cJSON_Delete(license);
    return LP_EXIT_OK;
}

/* `t` moved on by `months` calendar months (the day clamped to the month's end). */
static lp_time add_months(lp_time t, long months)
{
    time_t seconds = (time_t)t;
    struct tm tm;
    gmtime_r(&seconds, &tm);
    long month = tm.tm_mon + months;
    tm.tm_year += (int)(month / 12);
    tm.tm_mon = (int)(month % 12);
    static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int year = tm.tm_year + 1900;
    int last = tm.tm_mon == 1 && !(year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 28 : days[tm.tm_mon];
    if (tm.tm_mday > last)
        tm.tm_mday = last;
    return (lp_time)timegm(&tm);
}

/* Runs one change on license `id` in a transaction: `sql` with :id, :now,
 * :expires and :expires_key bound. When `refusal_sql` (with :id) finds a row,
 * the license's stored status (its first column) does not allow the change:
 * nothing is written and `refusal` says why. */
static int change_license(const char *db_path, const char *id, const char *sql, lp_time expires,
                          const char *refusal_sql, const char *refusal)
{
    struct lpd_db *db = lpd_admin_open(db_path);
    if (db == NULL)
        return LP_EXIT_ERROR;
    char err[512];
    if (!lpd_db_begin_write(db, err, sizeof err)) {
        lpd_db_free(db);
        return lpd_cli_error("%s", err);
    }
    int64_t row = lpd_admin_license_row(db, id);
    int status = row > 0 ? LP_EXIT_OK : LP_EXIT_ERROR;
    lp_time now = (lp_time)time(NULL);
    if (status == LP_EXIT_OK && refusal_sql != NULL) {
        struct lpd_stmt *st = lpd_db_stmt(db, refusal_sql);
        if (st != NULL) {
            lpd_bind_int(st, ":id", row);
            bool refused = lpd_step(st) == LPD_ROW;
            char stored[16];
            snprintf(stored, sizeof stored, "%s", refused ? lpd_col_text(st, 0) : "");
            lpd_stmt_reset(st);
            if (refused)
                status = lpd_cli_error("license %s is %s: %s", id, stored, refusal);
        }
    }
    if (status == LP_EXIT_OK) {
        struct lpd_stmt *st = lpd_db_stmt(db, sql);
        if (st != NULL) {
            lpd_bind_int(st, ":id", row);
            lpd_bind_int(st, ":now", now);
            if (expires != LP_TIME_NONE)
                lpd_bind_int(st, ":expires", expires);
            lpd_bind_int(st, ":expires_key", expires == LP_TIME_NONE ? INT64_MAX : expires);
        }
        if (st == NULL || lpd_db_step_changes(db, st) < 0)
            status = lpd_cli_error("database error: %s", lpd_db_errmsg(db));
    }
    if (status == LP_EXIT_OK && !lpd_db_commit(db, err, sizeof err))
        status = lpd_cli_error("%s", err);
    if (status != LP_EXIT_OK)
        lpd_db_rollback(db);
    lpd_db_free(db);
    return status;
}

static int extend_license(int argc, char **argv)
{
    const char *db_path = NULL, *id = NULL, *expires_text = NULL, *months_text = NULL;
    const struct lpd_cli_option options[] = {{"db", LP_CLI_VALUE, &db_path},
                                             {"expires", LP_CLI_VALUE, &expires_text},
                                             {"months", LP_CLI_VALUE, &months_text},
                                             {NULL, LP_CLI_FLAG, NULL}};
    int status = lpd_cli_parse(argc, argv, "license extend",
                               "Usage: licportald license extend --db PATH (--expires DATE|never | --months N)\n"
                               "                                 LICENSE_ID\n"
                               "Sets a new expiry: DATE (through 23:59:59 UTC), an RFC 3339 time or never;\n"
                               "or N calendar months (1 to 120) after the current expiry, or after now when\n"
                               "it has passed. An expired license becomes active again; a suspended or\n"
                               "revoked one keeps its status.\n",
                               options, &id, 1);
    if (status >= 0)
        return status;
    if (db_path == NULL || (expires_text == NULL) == (months_text == NULL))
        return lpd_cli_usage_error("license extend", "--db and one of --expires or --months are required");
    char err[256];
    lp_time expires = LP_TIME_NONE;
    long months = 0;
    if (expires_text != NULL && !lpd_expiry_parse(expires_text, &expires, err, sizeof err))
        return lpd_cli_usage_error("license extend", "--expires: %s", err);
    if (months_text != NULL && !lpd_parse_decimal(months_text, 1, 120, &months))
        return lpd_cli_usage_error("license extend", "--months must be a whole number from 1 to 120");
    static const char *const update =
        "UPDATE licenses SET expires_at = :expires, expires_key = :expires_key, "
        "status = CASE WHEN status = 'expired' OR status = 'active' THEN 'active' ELSE status END WHERE id = :id";
    if (months > 0) {
        /* The base is read outside the transaction; extend is not meant to race itself. */
        struct lpd_db *db = lpd_admin_open(db_path);
        if (db == NULL)
            return LP_EXIT_ERROR;
        int64_t row = lpd_admin_license_row(db, id);
        static const char *const sql = "SELECT expires_at FROM licenses WHERE id = :id";
        struct lpd_stmt *st = row > 0 ? lpd_db_stmt(db, sql) : NULL;
        lp_time base = LP_TIME_NONE;
        if (st != NULL) {
            lpd_bind_int(st, ":id", row);
            if (lpd_step(st) == LPD_ROW)
                base = lpd_col_int(st, 0, LP_TIME_NONE);
            lpd_stmt_reset(st);
        }
        lpd_db_free(db);
        if (row < 0)
            return LP_EXIT_ERROR;
        if (base == LP_TIME_NONE)
            return lpd_cli_error("license %s never expires; give --expires to set an end", id);
        lp_time now = (lp_time)time(NULL);
        expires = add_months(base > now ? base : now, months);
    }
    status = change_license(db_path, id, update, expires, NULL, NULL);
    if (status == LP_EXIT_OK) {
        char text[LP_TIMESTAMP_LEN];
        printf("%s expires %s\n", id, lpd_admin_time_text(expires, text));
    }
    return status;
}

/* suspend, resume and revoke: a status change from the statuses that allow it. */
static int set_status(int argc, char **argv, const char *command, const char *usage_text, const char *sql,
                      const char *refusal_sql, const char *refusal)
{
    const char *db_path = NULL, *id = NULL;
    const struct lpd_cli_option options[] = {{"db", LP_CLI_VALUE, &db_path}, {NULL, LP_CLI_FLAG, NULL}};
    int status = lpd_cli_parse(argc, argv, command, usage_text, options, &id, 1);
    if (status >= 0)
        return status;
    if (db_path == NULL)
        return lpd_cli_usage_error(command, "--db is required");
    return change_license(db_path, id, sql, LP_TIME_NONE, refusal_sql, refusal);
}

static int suspend_license(int argc, char **argv)
{
    static const char *const sql = "UPDATE licenses SET status = 'suspended' WHERE id = :id";
    static const char *const refused = "SELECT status FROM licenses WHERE id = :id AND status IN ('suspended', "
                                       "'revoked')";
    return set_status(argc, argv, "license suspend",
                      "Usage: licportald license suspend --db PATH LICENSE_ID\n"
                      "Suspends a license: users keep seeing it, as suspended, without its downloads\n"
                      "or renewal. 'license resume' makes it active again.\n",
                      sql, refused, "only an active, pending or expired license can be suspended");
}

static int resume_license(int argc, char **argv)
{
    static const char *const sql = "UPDATE licenses SET status = 'active' WHERE id = :id";
    static const char *const refused = "SELECT status FROM licenses WHERE id = :id AND status <> 'suspended'";
    return set_status(argc, argv, "license resume",
                      "Usage: licportald license resume --db PATH LICENSE_ID\n"
                      "Makes a suspended license active again.\n",
                      sql, refused, "only a suspended license can be resumed");
}

static int revoke_license(int argc, char **argv)
{
    static const char *const sql = "UPDATE licenses SET status = 'revoked' WHERE id = :id";
    static const char *const refused = "SELECT status FROM licenses WHERE id = :id AND status = 'revoked'";
    return set_status(argc, argv, "license revoke",
                      "Usage: licportald license revoke --db PATH LICENSE_ID\n"
                      "Revokes a license for good: users see it as revoked, without downloads or\n"
                      "renewal; no command makes it active again.\n",
                      sql, refused, "it cannot be revoked again");
}

int lpd_cmd_license(int argc, char **argv)
{
    static const struct lpd_cli_verb verbs[] = {
        {"add", add_license},         {"list", list_licenses},
        {"show", show_license},       {"extend", extend_license},
        {"suspend", suspend_license}, {"resume", resume_license},
        {"revoke", revoke_license},   {NULL, NULL},
    };
    return lpd_cli_run_verbs(argc, argv, "license", LICENSE_USAGE, verbs);
}
