/* `licportald init`: creates the database or migrates it to the current schema. */
#include <getopt.h>
#include <stdio.h>
#include <time.h>

#include "server/cli_support.h"
#include "server/commands.h"
#include "server/exit_codes.h"
#include "server/schema.h"
#include "server/signing_key.h"

static void usage(FILE *out)
{
    fputs("Usage: licportald init --db PATH\n"
          "Creates the SQLite database at PATH, or migrates an existing one to the\n"
          "current schema, and makes the first signing key of offline license files\n"
          "(private key in PATH.signing-keys/, mode 0600). Safe to run again.\n"
          "\n"
          "  --db PATH   the database file\n"
          "  --help      show this help\n",
          out);
}

int lpd_cmd_init(int argc, char **argv)
{
    static const struct option options[] = {
        {"db", required_argument, NULL, 'd'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *db_path = NULL;
    optind = 1;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, ":", options, NULL)) != -1) {
        switch (c) {
        case 'd':
            db_path = optarg;
            break;
        case 'h':
            usage(stdout);
            return LP_EXIT_OK;
        default:
            return lpd_cli_option_error("init", c, argv);
        }
    }
    if (optind < argc)
        return lpd_cli_usage_error("init", "unexpected argument '%s'", argv[optind]);
    if (db_path == NULL)
        return lpd_cli_usage_error("init", "--db is required");
    char err[512];
    struct lpd_db *db = lpd_schema_open(db_path, err, sizeof err);
    if (db == NULL)
        return lpd_cli_error("%s", err);
    int version = lpd_schema_version(db);
    bool key_created = false;
    bool ok = lpd_signing_key_ensure(db, db_path, (lp_time)time(NULL), &key_created, err, sizeof err);
    lpd_db_free(db);
    if (!ok)
        return lpd_cli_error("%s", err);
    printf("database %s is at schema version %d\n", db_path, version);
    if (key_created)
        printf("made a license-file signing key in %s.signing-keys/\n", db_path);
    return LP_EXIT_OK;
}
