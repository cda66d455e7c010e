/* `licportald product add|list`: the catalogue licenses and releases belong to. */
#include <stdio.h>
#include <string.h>

#include "server/admin_lookup.h"
#include "server/admin_output.h"
#include "server/cli_options.h"
#include "server/cli_support.h"
#include "server/commands.h"
#include "server/exit_codes.h"
#include "server/license_fields.h"
#include "server/license_store.h"
#include "server/release_fields.h"

#define PRODUCT_USAGE                                                                      \
    "Usage: licportald product add --db PATH --id ID --name NAME [--kind device|domain]\n" \
    "                              [--renewal 'LABEL,MONTHS,PRICE CUR']...\n"              \
    "       licportald product list --db PATH [--json]\n"

static int add_product(int argc, char **argv)
{
    const char *db_path = NULL, *id = NULL, *name = NULL, *kind = "device";
    struct lpd_cli_list renewals;
    const struct lpd_cli_option options[] = {{"db", LP_CLI_VALUE, &db_path},      {"id", LP_CLI_VALUE, &id},
                                             {"name", LP_CLI_VALUE, &name},       {"kind", LP_CLI_VALUE, &kind},
                                             {"renewal", LP_CLI_LIST, &renewals}, {NULL, LP_CLI_FLAG, NULL}};
    int status = lpd_cli_parse(argc, argv, "product add",
                               PRODUCT_USAGE
                               "Adds a product and prints its id.\n"
                               "\n"
                               "  --id ID        the product id, such as prd_atlas: letters, digits and . _ + ~ -\n"
                               "                 (at most 64); it names the folder of copied release files and\n"
                               "                 its first letters after prd_ begin generated license keys\n"
                               "  --name NAME    the name users see (at most 64 bytes)\n"
                               "  --kind K       what an activation is: device (default) or domain\n"
                               "  --renewal R    a renewal option offered for every license of the product:\n"
                               "                 'LABEL,MONTHS,PRICE CUR', such as '1 year,12,99.00 EUR';\n"
                               "                 may be repeated\n",
                               options, NULL, 0);
    if (status >= 0)
        return status;
    if (db_path == NULL || id == NULL || name == NULL)
        return lpd_cli_usage_error("product add", "--db, --id and --name are required");
    if (!lpd_release_folder_name_valid(id))
        return lpd_cli_usage_error("product add",
                                   "--id may hold only letters, digits and . _ + ~ - (at most %d, "
                                   "not starting with a dot)",
                                   LP_RELEASE_VERSION_MAX);
    if (*name == '\0' || strlen(name) > LP_LICENSE_TEXT_MAX || strpbrk(name, "\t\r\n") != NULL)
        return lpd_cli_usage_error("product add", "--name must have 1 to %d bytes on one line", LP_LICENSE_TEXT_MAX);
    if (strcmp(kind, "device") != 0 && strcmp(kind, "domain") != 0)
        return lpd_cli_usage_error("product add", "--kind must be device or domain");
    struct lpd_renewal_option options_parsed[LP_CLI_LIST_MAX];
    char err[512];
    for (size_t i = 0; i < renewals.count; i++) {
        if (!lpd_renewal_parse(renewals.values[i], &options_parsed[i], err, sizeof err))
            return lpd_cli_usage_error("product add", "--renewal '%s': %s", renewals.values[i], err);
    }
    struct lpd_db *db = lpd_admin_open(db_path);
    if (db == NULL)
        return LP_EXIT_ERROR;
    static const char *const insert = "INSERT INTO products(id, name, activation_kind) VALUES (:id, :name, :kind)";
    bool ok = lpd_db_begin_write(db, err, sizeof err);
    struct lpd_stmt *st = ok ? lpd_db_stmt(db, insert) : NULL;
    int rc = LPD_ERROR;
    if (st != NULL) {
        lpd_bind_text(st, ":id", id);
        lpd_bind_text(st, ":name", name);
        lpd_bind_text(st, ":kind", kind);
        rc = lpd_step(st);
        lpd_stmt_reset(st);
    }
    if (rc == LPD_ERROR && lpd_db_failed_constraint(db))
        snprintf(err, sizeof err, "product '%s' exists already", id);
    else if (ok && rc != LPD_DONE)
        snprintf(err, sizeof err, "cannot add the product: %s", lpd_db_errmsg(db));
    ok = ok && rc == LPD_DONE;
    for (size_t i = 0; ok && i < renewals.count; i++)
        ok = lpd_renewal_insert(db, id, 0, &options_parsed[i], err, sizeof err);
    ok = ok && lpd_db_commit(db, err, sizeof err);
    if (!ok)
        lpd_db_rollback(db);
    lpd_db_free(db);
    if (!ok)
        return lpd_cli_error("%s", err);
    printf("%s\n", id);
    return LP_EXIT_OK;
}

static int list_products(int argc, char **argv)
{
    const char *db_path = NULL;
    bool json = false;
    const struct lpd_cli_option options[] = {
        {"db", LP_CLI_VALUE, &db_path}, {"json", LP_CLI_FLAG, &json}, {NULL, LP_CLI_FLAG, NULL}};
    int status = lpd_cli_parse(argc, argv, "product list",
                               "Usage: licportald product list --db PATH [--json]\n"
                               "Lists the products: id, name, activation kind, renewal options offered for\n"
                               "every license, licenses and releases.\n",
                               options, NULL, 0);
    if (status >= 0)
        return status;
    if (db_path == NULL)
        return lpd_cli_usage_error("product list", "--db is required");
    struct lpd_db *db = lpd_admin_open(db_path);
    if (db == NULL)
        return LP_EXIT_ERROR;
    static const char *const sql =
        "SELECT p.id, p.name, p.activation_kind, "
        "(SELECT COUNT(*) FROM renewal_options r WHERE r.product_id = p.id AND r.license_id IS NULL), "
        "(SELECT COUNT(*) FROM licenses l WHERE l.product_id = p.id), "
        "(SELECT COUNT(*) FROM releases s WHERE s.product_id = p.id) FROM products p ORDER BY p.id";
    static const struct lpd_admin_column columns[] = {
        {"ID", "id", LP_ADMIN_TEXT, NULL},
        {"NAME", "name", LP_ADMIN_TEXT, NULL},
        {"KIND", "activation_kind", LP_ADMIN_TEXT, NULL},
        {"RENEWAL_OPTIONS", "renewal_options", LP_ADMIN_INT, NULL},
        {"LICENSES", "licenses", LP_ADMIN_INT, NULL},
        {"RELEASES", "releases", LP_ADMIN_INT, NULL},
    };
    struct lpd_stmt *st = lpd_db_stmt(db, sql);
    status = st != NULL ? lpd_admin_list(db, st, columns, sizeof columns / sizeof columns[0], json) : LP_EXIT_ERROR;
    lpd_db_free(db);
    return status;
}

int lpd_cmd_product(int argc, char **argv)
{
    static const struct lpd_cli_verb verbs[] = {{"add", add_product}, {"list", list_products}, {NULL, NULL}};
    return lpd_cli_run_verbs(argc, argv, "product", PRODUCT_USAGE, verbs);
}
