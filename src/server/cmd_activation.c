/* `licportald activation list`: the devices and domains licenses are activated on. */
#include <stdio.h>

#include "server/admin_lookup.h"
#include "server/admin_output.h"
#include "server/cli_options.h"
#include "server/cli_support.h"
#include "server/commands.h"
#include "server/exit_codes.h"
#include "server/object_id.h"

#define ACTIVATION_USAGE "Usage: licportald activation list --db PATH [--user EMAIL] [--license ID] [--json]\n"

static int list_activations(int argc, char **argv)
{
    const char *db_path = NULL, *email = NULL, *license = NULL;
    bool json = false;
    const struct lpd_cli_option options[] = {{"db", LP_CLI_VALUE, &db_path},
                                             {"user", LP_CLI_VALUE, &email},
                                             {"license", LP_CLI_VALUE, &license},
                                             {"json", LP_CLI_FLAG, &json},
                                             {NULL, LP_CLI_FLAG, NULL}};
    int status = lpd_cli_parse(argc, argv, "activation list",
                               ACTIVATION_USAGE
                               "Lists activations in id order: id, license, user, kind (device or domain),\n"
                               "name, platform, address, when activated and when last seen; only those of\n"
                               "the user with e-mail EMAIL or of one license when asked.\n",
                               options, NULL, 0);
    if (status >= 0)
        return status;
    if (db_path == NULL)
        return lpd_cli_usage_error("activation list", "--db is required");
    struct lpd_db *db = lpd_admin_open(db_path);
    if (db == NULL)
        return LP_EXIT_ERROR;
    int64_t license_row = 0;
    if ((email != NULL && lpd_admin_user_row(db, email) < 0) ||
        (license != NULL && (license_row = lpd_admin_license_row(db, license)) < 0)) {
        lpd_db_free(db);
        return LP_EXIT_ERROR;
    }
    static const char *const sql = "SELECT a.id, a.license_id, u.email, a.kind, a.name, a.platform, a.ip, "
                                   "a.activated_at, a.last_seen_at FROM activations a "
                                   "JOIN users u ON u.id = a.user_id "
                                   "WHERE (CAST(:email AS TEXT) IS NULL OR u.email = :email) "
                                   "AND (CAST(:license AS BIGINT) IS NULL OR a.license_id = :license) ORDER BY a.id";
    static const struct lpd_admin_column columns[] = {
        {"ID", "id", LP_ADMIN_ID, LP_ID_ACTIVATION},
        {"LICENSE", "license_id", LP_ADMIN_ID, LP_ID_LICENSE},
        {"USER", "user", LP_ADMIN_TEXT, NULL},
        {"KIND", "kind", LP_ADMIN_TEXT, NULL},
        {"NAME", "name", LP_ADMIN_TEXT, NULL},
        {"PLATFORM", "platform", LP_ADMIN_TEXT, NULL},
        {"ADDRESS", "ip", LP_ADMIN_TEXT, NULL},
        {"ACTIVATED", "activated_at", LP_ADMIN_TIME, NULL},
        {"LAST_SEEN", "last_seen_at", LP_ADMIN_TIME, NULL},
    };
    struct lpd_stmt *st = lpd_db_stmt(db, sql);
    if (st != NULL) {
        lpd_bind_text(st, ":email", email);
        if (license_row > 0)
            lpd_bind_int(st, ":license", license_row);
    }
    status = st != NULL ? lpd_admin_list(db, st, columns, sizeof columns / sizeof columns[0], json) : LP_EXIT_ERROR;
    lpd_db_free(db);
    return status;
}

int lpd_cmd_activation(int argc, char **argv)
{
    return lpd_cli_run_verb(argc, argv, "activation", ACTIVATION_USAGE, "list", list_activations);
}
