/* `licportald keys rotate`: retires the current signing key and makes a new one. */
#include <stdio.h>
#include <time.h>

#include "server/cli_options.h"
#include "server/cli_support.h"
#include "server/commands.h"
#include "server/exit_codes.h"
#include "server/schema.h"
#include "server/signing_key.h"

#define KEYS_USAGE                                                                         \
    "Usage: licportald keys rotate --db PATH|URI [--signing-keys DIR]\n"                   \
    "Retires the current Ed25519 signing key of offline license files and makes\n"         \
    "a new one. The retired key signs nothing more but still verifies the files\n"         \
    "it signed (GET /signing-keys lists it). Private keys are files of mode 0600\n"        \
    "in DIR (by default PATH.signing-keys/); a running server signs with the new\n"        \
    "key at once.\n"                                                                       \
    "\n"                                                                                   \
    "  --db PATH|URI        a SQLite file, or a postgresql:// URI\n"                       \
    "  --signing-keys DIR   the private signing keys' folder (required with PostgreSQL)\n" \
    "  --help               show this help\n"

static int rotate(int argc, char **argv)
{
    const char *db_path = NULL, *keys_option = NULL;
    const struct lpd_cli_option options[] = {
        {"db", LP_CLI_VALUE, &db_path}, {"signing-keys", LP_CLI_VALUE, &keys_option}, {NULL, LP_CLI_FLAG, NULL}};
    int status = lpd_cli_parse(argc, argv, "keys rotate", KEYS_USAGE, options, NULL, 0);
    if (status >= 0)
        return status;
    if (db_path == NULL)
        return lpd_cli_usage_error("keys rotate", "--db is required");
    char err[512], keys_dir[4096];
    struct lpd_db *db = lpd_cli_open_store("keys rotate", db_path, keys_option, keys_dir, sizeof keys_dir, &status);
    if (db == NULL)
        return status;
    char id[LP_SIGNING_KEY_ID_LEN];
    bool ok = lpd_signing_key_rotate(db, keys_dir, (lp_time)time(NULL), id, err, sizeof err);
    lpd_db_free(db);
    if (!ok)
        return lpd_cli_error("%s", err);
    printf("signing key %s is current; earlier keys are retired and still verify\n", id);
    return LP_EXIT_OK;
}

int lpd_cmd_keys(int argc, char **argv)
{
    return lpd_cli_run_verb(argc, argv, "keys", KEYS_USAGE, "rotate", rotate);
}
