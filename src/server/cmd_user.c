/* `licportald user add`: creates a portal account. */
#include <getopt.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "server/cli_support.h"
#include "server/commands.h"
#include "server/db.h"
#include "server/exit_codes.h"
#include "server/object_id.h"
#include "server/password.h"
#include "server/schema.h"
#include "server/totp.h"

static void usage(FILE *out)
{
    fputs("Usage: licportald user add --db PATH --email E [--name N] [--password-stdin] [--otp-secret-file F]\n"
          "Adds a portal user and prints its id.\n"
          "\n"
          "  --db PATH            the database file (created and migrated when needed)\n"
          "  --email E            the login e-mail address (unique, case-insensitive)\n"
          "  --name N             the display name\n"
          "  --password-stdin     read the password from the first line of standard input;\n"
          "                       without it the account has no password and cannot log in\n"
          "  --otp-secret-file F  turn on two-factor authentication with the base32 TOTP\n"
          "                       secret on the first line of file F (SHA-1, 6 digits,\n"
          "                       30 s steps); secrets are never taken from the command line\n"
          "  --help               show this help\n",
          out);
}

static bool plausible_email(const char *email)
{
    const char *at = strchr(email, '@');
    return at != NULL && at != email && at[1] != '\0' && strchr(at + 1, '@') == NULL && strlen(email) < 255 &&
           strpbrk(email, " \t\r\n") == NULL;
}

/* The first line of `path` without its line ending; false when it cannot be
 * read, is empty or does not fit. */
static bool read_first_line(const char *path, char *out, size_t size)
{
    FILE *f = fopen(path, "r");
    if (f == NULL)
        return false;
    bool ok = fgets(out, (int)size, f) != NULL;
    fclose(f);
    if (!ok)
        return false;
    size_t len = strcspn(out, "\r\n");
    if (out[len] == '\0' && len == size - 1)
        return false;
    out[len] = '\0';
    return len > 0;
}

static int add_user(int argc, char **argv)
{
    static const struct option options[] = {
        {"db", required_argument, NULL, 'd'},       {"email", required_argument, NULL, 'e'},
        {"name", required_argument, NULL, 'n'},     {"password-stdin", no_argument, NULL, 'p'},
        {"otp-secret-file", required_argument, NULL, 'o'}, {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    /* getopt_long takes abbreviations, so "--otp-secret SECRET" would read
     * the secret as a file name (and print it in the error). */
    for (int i = 1; i < argc; i++) {
        size_t len = strcspn(argv[i], "=");
        if (len > 2 && len < strlen("--otp-secret-file") && strncmp(argv[i], "--otp-secret-file", len) == 0)
            return lp_cli_usage_error("user add", "secrets are never taken from the command line; use "
                                                  "--otp-secret-file F");
    }
    const char *db_path = NULL, *email = NULL, *name = "", *otp_path = NULL;
    bool password_stdin = false;
    optind = 1;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, ":", options, NULL)) != -1) {
        switch (c) {
        case 'd':
            db_path = optarg;
            break;
        case 'e':
            email = optarg;
            break;
        case 'n':
            name = optarg;
            break;
        case 'p':
            password_stdin = true;
            break;
        case 'o':
            otp_path = optarg;
            break;
        case 'h':
            usage(stdout);
            return LP_EXIT_OK;
        default:
            return lp_cli_option_error("user add", c, argv);
        }
    }
    if (optind < argc)
        return lp_cli_usage_error("user add", "unexpected argument '%s'", argv[optind]);
    if (db_path == NULL || email == NULL)
        return lp_cli_usage_error("user add", "--db and --email are required");
    if (!plausible_email(email))
        return lp_cli_usage_error("user add", "'%s' is not an e-mail address", email);

    unsigned char *otp_secret = NULL;
    size_t otp_len = 0;
    if (otp_path != NULL) {
        char otp_text[256];
        if (!read_first_line(otp_path, otp_text, sizeof otp_text))
            return lp_cli_error("cannot read a TOTP secret from the first line of %s", otp_path);
        if (!lp_totp_init()) {
            sodium_memzero(otp_text, sizeof otp_text);
            return lp_cli_error("liboath failed to initialise");
        }
        bool decoded = lp_totp_secret_from_base32(otp_text, &otp_secret, &otp_len);
        sodium_memzero(otp_text, sizeof otp_text);
        if (!decoded)
            return lp_cli_error("the TOTP secret in %s is not valid base32", otp_path);
    }
    char hash[LP_PASSWORD_HASH_LEN] = "";
    if (password_stdin) {
        char password[LP_PASSWORD_MAX];
        bool read = lp_cli_read_password(password, sizeof password);
        bool hashed = read && lp_password_hash(password, hash);
        sodium_memzero(password, sizeof password);
        if (!read) {
            free(otp_secret);
            return lp_cli_error("no password on standard input");
        }
        if (!hashed) {
            free(otp_secret);
            return lp_cli_error("cannot hash the password (out of memory)");
        }
    }

    char err[512];
    struct lp_db *db = lp_schema_open(db_path, err, sizeof err);
    if (db == NULL) {
        free(otp_secret);
        return lp_cli_error("%s", err);
    }
    static const char *const insert = "INSERT INTO users(email, name, password_hash, otp_secret, created_at) "
                                      "VALUES (:email, :name, :hash, :otp, :now)";
    sqlite3_stmt *st = lp_db_stmt(db, insert);
    int rc = SQLITE_ERROR;
    if (st != NULL) {
        lp_bind_text(st, ":email", email);
        lp_bind_text(st, ":name", name);
        lp_bind_text(st, ":hash", hash[0] != '\0' ? hash : NULL);
        lp_bind_blob(st, ":otp", otp_secret, otp_len);
        lp_bind_int(st, ":now", (int64_t)time(NULL));
        rc = sqlite3_step(st);
    }
    free(otp_secret);
    int status = LP_EXIT_OK;
    if (rc == SQLITE_CONSTRAINT) {
        status = lp_cli_error("a user with e-mail %s already exists", email);
    } else if (rc != SQLITE_DONE) {
        status = lp_cli_error("cannot add user: %s", sqlite3_errmsg(lp_db_handle(db)));
    } else {
        char id[LP_ID_LEN];
        lp_object_id_format(LP_ID_USER, sqlite3_last_insert_rowid(lp_db_handle(db)), id);
        printf("%s\n", id);
    }
    lp_db_free(db);
    return status;
}

int lp_cmd_user(int argc, char **argv)
{
    return lp_cli_run_verb(argc, argv, "user",
                           "Usage: licportald user add --db PATH --email E [--name N] [--password-stdin] "
                           "[--otp-secret-file F]\n",
                           "add", add_user);
}
