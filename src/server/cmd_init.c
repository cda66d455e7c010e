/* `licportald init`: creates the database or migrates it to the current schema. */
#include <stdio.h>
#include <time.h>

#include "server/cli_options.h"
#include "server/cli_support.h"
#include "server/commands.h"
#include "server/exit_codes.h"
#include "server/schema.h"
#include "server/signing_key.h"

#define INIT_USAGE                                                                         \
    "Usage: licportald init --db PATH|URI [--signing-keys DIR]\n"                          \
    "Creates the database, or migrates an existing one to the current schema,\n"           \
    "and makes the first signing key of offline license files (private key in\n"           \
    "DIR, by default PATH.signing-keys/, mode 0600). Safe to run again.\n"                 \
    "\n"                                                                                   \
    "  --db PATH|URI        a SQLite file, or a postgresql:// URI\n"                       \
    "  --signing-keys DIR   the private signing keys' folder (required with PostgreSQL)\n" \
    "  --help               show this help\n"

int lpd_cmd_init(int argc, char **argv)
{
    const char *db_path = NULL, *keys_option = NULL;
    const struct lpd_cli_option options[] = {
        {"db", LP_CLI_VALUE, &db_path}, {"signing-keys", LP_CLI_VALUE, &keys_option}, {NULL, LP_CLI_FLAG, NULL}};
    int status = lpd_cli_parse(argc, argv, "init", INIT_USAGE, options, NULL, 0);
    if (status >= 0)
        return status;
    if (db_path == NULL)
        return lpd_cli_usage_error("init", "--db is required");
    char err[512], keys_dir[4096];
    struct lpd_db *db = lpd_cli_open_store("init", db_path, keys_option, keys_dir, sizeof keys_dir, &status);
    if (db == NULL)
        return status;
    int version = lpd_schema_version(db);
    bool key_created = false;
    bool ok = lpd_signing_key_ensure(db, keys_dir, (lp_time)time(NULL), &key_created, err, sizeof err);
    lpd_db_free(db);
    if (!ok)
        return lpd_cli_error("%s", err);
    printf("database %s is at schema version %d\n", db_path, version);
    if (key_created)
        printf("made a license-file signing key in %s/\n", keys_dir);
    return LP_EXIT_OK;
}
