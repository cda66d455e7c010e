/* `licportald demo`: fills a database with the demo data set. */
#include <getopt.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "server/cli_support.h"
#include "server/decimal.h"
#include "server/commands.h"
#include "server/demo_data.h"
#include "server/exit_codes.h"
#include "server/schema.h"
#include "server/signing_key.h"

#define DEFAULT_USERS 3
#define DEFAULT_LICENSES 24
#define DEFAULT_SEED 1

static void usage(FILE *out)
{
    fputs("Usage: licportald demo --db PATH|URI --files DIR [--users N] [--licenses-per-user M] [--seed S]\n"
          "                       [--password-stdin] [--signing-keys DIR]\n"
          "Writes a deterministic demo data set: five products with editions and renewal\n"
          "prices, stable and beta releases (real files under DIR), and the users\n"
          "demo1@example.com .. demoN@example.com with their licenses and activations.\n"
          "\n"
          "  --db PATH|URI           the database, a SQLite file or a postgresql:// URI\n"
          "                          (created and migrated when needed)\n"
          "  --files DIR             where the release files are written\n"
          "  --users N               number of demo users (default 3)\n"
          "  --licenses-per-user M   licenses of each user (default 24); the first 11\n"
          "                          cover every status and expiry edge case\n"
          "  --seed S                seed of the generator (default 1)\n"
          "  --password-stdin        read the users' password from standard input\n"
          "  --signing-keys DIR      the private signing keys' folder (default PATH.signing-keys;\n"
          "                          required with PostgreSQL)\n"
          "                          (default password: demo)\n"
          "  --help                  show this help\n",
          out);
}

int lpd_cmd_demo(int argc, char **argv)
{
    static const struct option options[] = {
        {"db", required_argument, NULL, 'd'},
        {"files", required_argument, NULL, 'f'},
        {"users", required_argument, NULL, 'u'},
        {"licenses-per-user", required_argument, NULL, 'l'},
        {"seed", required_argument, NULL, 's'},
        {"password-stdin", no_argument, NULL, 'p'},
        {"signing-keys", required_argument, NULL, 'K'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *db_path = NULL, *files_dir = NULL, *keys_option = NULL;
    long users = DEFAULT_USERS, licenses = DEFAULT_LICENSES, seed = DEFAULT_SEED;
    bool password_stdin = false;
    optind = 1;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, ":", options, NULL)) != -1) {
        switch (c) {
        case 'd':
            db_path = optarg;
            break;
        case 'f':
            files_dir = optarg;
            break;
        case 'K':
            keys_option = optarg;
            break;
        case 'u':
            if (!lpd_parse_decimal(optarg, 1, 100000, &users))
                return lpd_cli_usage_error("demo", "--users must be a number from 1 to 100000");
            break;
        case 'l':
            if (!lpd_parse_decimal(optarg, 0, 10000000, &licenses))
                return lpd_cli_usage_error("demo", "--licenses-per-user must be a number from 0 to 10000000");
            break;
        case 's':
            if (!lpd_parse_decimal(optarg, 0, 2147483647L, &seed))
                return lpd_cli_usage_error("demo", "--seed must be a non-negative number");
            break;
        case 'p':
            password_stdin = true;
            break;
        case 'h':
            usage(stdout);
            return LP_EXIT_OK;
        default:
            return lpd_cli_option_error("demo", c, argv);
        }
    }
    if (optind < argc)
        return lpd_cli_usage_error("demo", "unexpected argument '%s'", argv[optind]);
    if (db_path == NULL || files_dir == NULL)
        return lpd_cli_usage_error("demo", "--db and --files are required");

    char password[LP_PASSWORD_MAX] = "demo";
    if (password_stdin && !lpd_cli_read_password(password, sizeof password))
        return lpd_cli_error("no password on standard input");

    char err[512] = "", keys_dir[4096];
    int status;
    struct lpd_db *db = lpd_cli_open_store("demo", db_path, keys_option, keys_dir, sizeof keys_dir, &status);
    if (db == NULL)
        return status;
    struct lpd_demo_options o = {
        .files_dir = files_dir,
        .users = users,
        .licenses_per_user = licenses,
        .seed = (uint64_t)seed,
        .password = password,
        .now = (lp_time)time(NULL),
    };
    bool key_created;
    bool ok = lpd_demo_generate(db, &o, err, sizeof err) && lpd_db_after_bulk_load(db, err, sizeof err) &&
              lpd_signing_key_ensure(db, keys_dir, o.now, &key_created, err, sizeof err);
    sodium_memzero(password, sizeof password);
    lpd_db_free(db);
    if (!ok)
        return lpd_cli_error("%s", err);
    printf("demo data: %ld user(s) demo1@example.com..demo%ld@example.com, %ld license(s) each, files in %s\n", users,
           users, licenses, files_dir);
    return LP_EXIT_OK;
}
