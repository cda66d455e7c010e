/* `licportald user add|list|disable|enable|remove|passwd|reset-otp`: portal accounts. */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "server/admin_lookup.h"
#include "server/admin_output.h"
#include "server/cli_options.h"
#include "server/cli_support.h"
#include "server/commands.h"
#include "server/db.h"
#include "server/exit_codes.h"
#include "server/license_json.h"
#include "server/object_id.h"
#include "server/password.h"
#include "server/password_rule.h"
#include "server/schema.h"
#include "server/totp.h"

#define USER_USAGE                                                                                         \
    "Usage: licportald user add --db PATH --email E [--name N] [--password-stdin] [--otp-secret-file F]\n" \
    "       licportald user list --db PATH [--json]\n"                                                     \
    "       licportald user disable|enable|remove --db PATH --email E\n"                                   \
    "       licportald user passwd --db PATH --email E [--password-stdin]\n"                               \
    "       licportald user reset-otp --db PATH --email E [--otp-secret-file F]\n"

#define ADD_USAGE                                                                                          \
    "Usage: licportald user add --db PATH --email E [--name N] [--password-stdin] [--otp-secret-file F]\n" \
    "Adds a portal user and prints its id.\n"                                                              \
    "\n"                                                                                                   \
    "  --db PATH            the database file (created and migrated when needed)\n"                        \
    "  --email E            the login e-mail address (unique, case-insensitive)\n"                         \
    "  --name N             the display name (default: the part of E before the @)\n"                      \
    "  --password-stdin     read the password from the first line of standard input;\n"                    \
    "                       without it a terminal is asked twice, and otherwise the\n"                     \
    "                       account has no password and cannot log in. A password has\n"                   \
    "                       at least 12 characters and is not the e-mail address\n"                        \
    "  --otp-secret-file F  turn on two-factor authentication with the base32 TOTP\n"                      \
    "                       secret on the first line of file F (SHA-1, 6 digits,\n"                        \
    "                       30 s steps); secrets are never taken from the command line\n"                  \
    "  --help               show this help\n"

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

/* Decodes the base32 TOTP secret on the first line of `path` into a
 * malloc'd buffer; false after a one-line message. */
static bool read_otp_secret(const char *path, unsigned char **secret, size_t *len)
{
    char otp_text[256];
    if (!read_first_line(path, otp_text, sizeof otp_text)) {
        lpd_cli_error("cannot read a TOTP secret from the first line of %s", path);
        return false;
    }
    if (!lpd_totp_init()) {
        sodium_memzero(otp_text, sizeof otp_text);
        lpd_cli_error("liboath failed to initialise");
        return false;
    }
    bool decoded = lpd_totp_secret_from_base32(otp_text, secret, len);
    sodium_memzero(otp_text, sizeof otp_text);
    if (!decoded)
        lpd_cli_error("the TOTP secret in %s is not valid base32", path);
    return decoded;
}

/* Reads a new password from `source`, checks the password rule and hashes
 * it. Returns -1 on success, otherwise the exit code. */
static int new_password_hash(enum lpd_password_source source, const char *email, char hash[LP_PASSWORD_HASH_LEN])
{
    char password[LP_PASSWORD_MAX];
    int status = lpd_cli_read_new_password(source, email, password, sizeof password);
    if (status >= 0)
        return status;
    bool hashed = lpd_password_hash(password, hash);
    sodium_memzero(password, sizeof password);
    return hashed ? -1 : lpd_cli_error("cannot hash the password (out of memory)");
}

/* getopt_long takes abbreviations, so "--otp-secret SECRET" would read the
 * secret as a file name (and print it in the error). */
static bool secret_on_command_line(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        size_t len = strcspn(argv[i], "=");
        if (len > 2 && len < strlen("--otp-secret-file") && strncmp(argv[i], "--otp-secret-file", len) == 0)
            return true;
    }
    return false;
}

static int add_user(int argc, char **argv)
{
    if (secret_on_command_line(argc, argv))
        return lpd_cli_usage_error("user add", "secrets are never taken from the command line; use "
                                               "--otp-secret-file F");
    const char *db_path = NULL, *email = NULL, *name = NULL, *otp_path = NULL;
    bool password_stdin = false;
    const struct lpd_cli_option options[] = {{"db", LP_CLI_VALUE, &db_path},
                                             {"email", LP_CLI_VALUE, &email},
                                             {"name", LP_CLI_VALUE, &name},
                                             {"password-stdin", LP_CLI_FLAG, &password_stdin},
                                             {"otp-secret-file", LP_CLI_VALUE, &otp_path},
                                             {NULL, LP_CLI_FLAG, NULL}};
    int parsed = lpd_cli_parse(argc, argv, "user add", ADD_USAGE, options, NULL, 0);
    if (parsed >= 0)
        return parsed;
    if (db_path == NULL || email == NULL)
        return lpd_cli_usage_error("user add", "--db and --email are required");
    if (!plausible_email(email))
        return lpd_cli_usage_error("user add", "'%s' is not an e-mail address", email);

    char local_part[256];
    if (name == NULL) {
        snprintf(local_part, sizeof local_part, "%.*s", (int)strcspn(email, "@"), email);
        name = local_part;
    }

    unsigned char *otp_secret = NULL;
    size_t otp_len = 0;
    if (otp_path != NULL && !read_otp_secret(otp_path, &otp_secret, &otp_len))
        return LP_EXIT_ERROR;
    char hash[LP_PASSWORD_HASH_LEN] = "";
    enum lpd_password_source source = lpd_cli_password_source(password_stdin);
    if (source != LP_PASSWORD_NONE) {
        int status = new_password_hash(source, email, hash);
        if (status >= 0) {
            free(otp_secret);
            return status;
        }
    }
    char err[512];
    struct lpd_db *db = lpd_schema_open(db_path, err, sizeof err);
    if (db == NULL) {
        free(otp_secret);
        return lpd_cli_error("%s", err);
    }
    static const char *const insert = "INSERT INTO users(email, name, password_hash, otp_secret, created_at) "
                                      "VALUES (:email, :name, :hash, :otp, :now) RETURNING id";
    struct lpd_stmt *st = lpd_db_stmt(db, insert);
    int rc = LPD_ERROR;
    int64_t row = 0;
    if (st != NULL) {
        lpd_bind_text(st, ":email", email);
        lpd_bind_text(st, ":name", name);
        lpd_bind_text(st, ":hash", hash[0] != '\0' ? hash : NULL);
        lpd_bind_blob(st, ":otp", otp_secret, otp_len);
        lpd_bind_int(st, ":now", (int64_t)time(NULL));
        rc = lpd_step(st);
        row = rc == LPD_ROW ? lpd_col_int(st, 0, 0) : 0;
        lpd_stmt_reset(st);
    }
    free(otp_secret);
    int status = LP_EXIT_OK;
    if (rc == LPD_ERROR && lpd_db_failed_constraint(db)) {
        status = lpd_cli_error("a user with e-mail %s already exists", email);
    } else if (rc != LPD_ROW) {
        status = lpd_cli_error("cannot add user: %s", lpd_db_errmsg(db));
    } else {
        char id[LP_ID_LEN];
        lpd_object_id_format(LP_ID_USER, row, id);
        printf("%s\n", id);
    }
    lpd_db_free(db);
    return status;
}

static int list_users(int argc, char **argv)
{
    const char *db_path = NULL;
    bool json = false;
    const struct lpd_cli_option options[] = {
        {"db", LP_CLI_VALUE, &db_path}, {"json", LP_CLI_FLAG, &json}, {NULL, LP_CLI_FLAG, NULL}};
    int status = lpd_cli_parse(argc, argv, "user list",
                               "Usage: licportald user list --db PATH [--json]\n"
                               "Lists the portal users: id, e-mail, name, disabled, two-factor and\n"
                               "password (yes/no), licenses, activations and when they were added.\n",
                               options, NULL, 0);
    if (status >= 0)
        return status;
    if (db_path == NULL)
        return lpd_cli_usage_error("user list", "--db is required");
    struct lpd_db *db = lpd_admin_open(db_path);
    if (db == NULL)
        return LP_EXIT_ERROR;
    static const char *const sql = "SELECT id, email, name, disabled_at IS NOT NULL, otp_secret IS NOT NULL, "
                                   "password_hash IS NOT NULL, license_count, activation_count, created_at "
                                   "FROM users ORDER BY id";
    static const struct lpd_admin_column columns[] = {
        {"ID", "id", LP_ADMIN_ID, LP_ID_USER},
        {"EMAIL", "email", LP_ADMIN_TEXT, NULL},
        {"NAME", "name", LP_ADMIN_TEXT, NULL},
        {"DISABLED", "disabled", LP_ADMIN_BOOL, NULL},
        {"TWO_FACTOR", "two_factor", LP_ADMIN_BOOL, NULL},
        {"PASSWORD", "has_password", LP_ADMIN_BOOL, NULL},
        {"LICENSES", "licenses", LP_ADMIN_INT, NULL},
        {"ACTIVATIONS", "activations", LP_ADMIN_INT, NULL},
        {"CREATED", "created_at", LP_ADMIN_TIME, NULL},
    };
    struct lpd_stmt *st = lpd_db_stmt(db, sql);
    status = st != NULL ? lpd_admin_list(db, st, columns, sizeof columns / sizeof columns[0], json) : LP_EXIT_ERROR;
    lpd_db_free(db);
    return status;
}

/* Ends every session of `user` and, when `tokens` is set, revokes its
 * personal access tokens: their bearers are refused from the next request on. */
static bool end_sessions(struct lpd_db *db, int64_t user, bool tokens)
{
    static const char *const sessions = "UPDATE sessions SET revoked_at = :now WHERE user_id = :user "
                                        "AND revoked_at IS NULL";
    static const char *const access = "DELETE FROM access_tokens WHERE user_id = :user";
    static const char *const personal = "UPDATE personal_tokens SET revoked_at = :now WHERE user_id = :user "
                                        "AND revoked_at IS NULL";
    const char *const statements[] = {sessions, access, personal};
    for (size_t i = 0; i < (tokens ? 3u : 2u); i++) {
        struct lpd_stmt *st = lpd_db_stmt(db, statements[i]);
        if (st == NULL)
            return false;
        lpd_bind_int(st, ":user", user);
        lpd_bind_int(st, ":now", (int64_t)time(NULL));
        if (lpd_db_step_changes(db, st) < 0)
            return false;
    }
    return true;
}

/* What a verb that changes one user does, inside its transaction; prints
 * its own message on failure and returns an exit code. */
typedef int (*user_change)(struct lpd_db *db, int64_t user, const void *context);

/* Finds the user with `email` and runs `change` in one transaction. */
static int apply_to_user(const char *db_path, const char *email, user_change change, const void *context)
{
    struct lpd_db *db = lpd_admin_open(db_path);
    if (db == NULL)
        return LP_EXIT_ERROR;
    char err[512];
    if (!lpd_db_begin_write(db, err, sizeof err)) {
        lpd_db_free(db);
        return lpd_cli_error("%s", err);
    }
    int64_t user = lpd_admin_user_row(db, email);
    int status = user > 0 ? change(db, user, context) : LP_EXIT_ERROR;
    if (status == LP_EXIT_OK && !lpd_db_commit(db, err, sizeof err))
        status = lpd_cli_error("%s", err);
    if (status != LP_EXIT_OK)
        lpd_db_rollback(db);
    lpd_db_free(db);
    return status;
}

static int database_error(struct lpd_db *db)
{
    return lpd_cli_error("database error: %s", lpd_db_errmsg(db));
}

/* Runs `sql` with :user and :now bound; false on a database error. */
static bool update_user(struct lpd_db *db, const char *sql, int64_t user)
{
    struct lpd_stmt *st = lpd_db_stmt(db, sql);
    if (st == NULL)
        return false;
    lpd_bind_int(st, ":user", user);
    lpd_bind_int(st, ":now", (int64_t)time(NULL));
    return lpd_db_step_changes(db, st) >= 0;
}

static int disable_change(struct lpd_db *db, int64_t user, const void *context)
{
    (void)context;
    static const char *const sql = "UPDATE users SET disabled_at = :now WHERE id = :user AND disabled_at IS NULL";
    return update_user(db, sql, user) && end_sessions(db, user, true) ? LP_EXIT_OK : database_error(db);
}

static int enable_change(struct lpd_db *db, int64_t user, const void *context)
{
    (void)context;
    static const char *const sql = "UPDATE users SET disabled_at = NULL WHERE id = :user";
    return update_user(db, sql, user) ? LP_EXIT_OK : database_error(db);
}

static int remove_change(struct lpd_db *db, int64_t user, const void *context)
{
    (void)context;
    static const char *const counts = "SELECT license_count, activation_count FROM users WHERE id = :user";
    static const char *const remove = "DELETE FROM users WHERE id = :user";
    struct lpd_stmt *st = lpd_db_stmt(db, counts);
    if (st == NULL)
        return database_error(db);
    lpd_bind_int(st, ":user", user);
    if (lpd_step(st) != LPD_ROW) {
        lpd_stmt_reset(st);
        return database_error(db);
    }
    long long licenses = lpd_col_int(st, 0, 0), activations = lpd_col_int(st, 1, 0);
    lpd_stmt_reset(st);
    /* Sessions, tokens, licenses, their renewal options and activations go
     * with the user (ON DELETE CASCADE); audit rows stay, without the user. */
    if (!update_user(db, remove, user))
        return database_error(db);
    char id[LP_ID_LEN];
    lpd_object_id_format(LP_ID_USER, user, id);
    printf("removed %s with %lld license%s and %lld activation%s\n", id, licenses, licenses == 1 ? "" : "s",
           activations, activations == 1 ? "" : "s");
    return LP_EXIT_OK;
}

static int passwd_change(struct lpd_db *db, int64_t user, const void *context)
{
    static const char *const sql = "UPDATE users SET password_hash = :hash WHERE id = :user";
    struct lpd_stmt *st = lpd_db_stmt(db, sql);
    if (st == NULL)
        return database_error(db);
    lpd_bind_text(st, ":hash", context);
    lpd_bind_int(st, ":user", user);
    return lpd_db_step_changes(db, st) >= 0 && end_sessions(db, user, false) ? LP_EXIT_OK : database_error(db);
}

struct otp_secret {
    const unsigned char *bytes;
    size_t len;
};

static int reset_otp_change(struct lpd_db *db, int64_t user, const void *context)
{
    const struct otp_secret *secret = context;
    static const char *const sql = "UPDATE users SET otp_secret = :otp, otp_last_step = NULL WHERE id = :user";
    struct lpd_stmt *st = lpd_db_stmt(db, sql);
    if (st == NULL)
        return database_error(db);
    lpd_bind_blob(st, ":otp", secret->bytes, secret->len);
    lpd_bind_int(st, ":user", user);
    return lpd_db_step_changes(db, st) >= 0 ? LP_EXIT_OK : database_error(db);
}

/* disable, enable and remove: --db and --email, nothing else. */
static int simple_change(int argc, char **argv, const char *command, const char *usage_text, user_change change)
{
    const char *db_path = NULL, *email = NULL;
    const struct lpd_cli_option options[] = {
        {"db", LP_CLI_VALUE, &db_path}, {"email", LP_CLI_VALUE, &email}, {NULL, LP_CLI_FLAG, NULL}};
    int status = lpd_cli_parse(argc, argv, command, usage_text, options, NULL, 0);
    if (status >= 0)
        return status;
    if (db_path == NULL || email == NULL)
        return lpd_cli_usage_error(command, "--db and --email are required");
    return apply_to_user(db_path, email, change, NULL);
}

static int disable_user(int argc, char **argv)
{
    return simple_change(argc, argv, "user disable",
                         "Usage: licportald user disable --db PATH --email E\n"
                         "Refuses the user's logins from now on and ends their sessions and personal\n"
                         "access tokens at once. 'user enable' lets them log in again.\n",
                         disable_change);
}

static int enable_user(int argc, char **argv)
{
    return simple_change(argc, argv, "user enable",
                         "Usage: licportald user enable --db PATH --email E\n"
                         "Lets a disabled user log in again (ended sessions and tokens stay ended).\n",
                         enable_change);
}

static int remove_user(int argc, char **argv)
{
    return simple_change(argc, argv, "user remove",
                         "Usage: licportald user remove --db PATH --email E\n"
                         "Deletes the user with their sessions, tokens, licenses and activations;\n"
                         "their audit rows are kept without the user. This cannot be undone.\n",
                         remove_change);
}

static int passwd_user(int argc, char **argv)
{
    const char *db_path = NULL, *email = NULL;
    bool password_stdin = false;
    const struct lpd_cli_option options[] = {{"db", LP_CLI_VALUE, &db_path},
                                             {"email", LP_CLI_VALUE, &email},
                                             {"password-stdin", LP_CLI_FLAG, &password_stdin},
                                             {NULL, LP_CLI_FLAG, NULL}};
    int status = lpd_cli_parse(argc, argv, "user passwd",
                               "Usage: licportald user passwd --db PATH --email E [--password-stdin]\n"
                               "Sets a new password (at least 12 characters, not the e-mail address), read\n"
                               "from the first line of standard input with --password-stdin, otherwise\n"
                               "asked twice on the terminal; never from the command line. The user's\n"
                               "sessions end; personal access tokens stay.\n",
                               options, NULL, 0);
    if (status >= 0)
        return status;
    if (db_path == NULL || email == NULL)
        return lpd_cli_usage_error("user passwd", "--db and --email are required");
    enum lpd_password_source source = lpd_cli_password_source(password_stdin);
    if (source == LP_PASSWORD_NONE)
        return lpd_cli_usage_error("user passwd", "give the password on standard input with --password-stdin, "
                                                  "or run on a terminal");
    char hash[LP_PASSWORD_HASH_LEN];
    status = new_password_hash(source, email, hash);
    if (status >= 0)
        return status;
    return apply_to_user(db_path, email, passwd_change, hash);
}

static int reset_otp_user(int argc, char **argv)
{
    if (secret_on_command_line(argc, argv))
        return lpd_cli_usage_error("user reset-otp", "secrets are never taken from the command line; use "
                                                     "--otp-secret-file F");
    const char *db_path = NULL, *email = NULL, *otp_path = NULL;
    const struct lpd_cli_option options[] = {{"db", LP_CLI_VALUE, &db_path},
                                             {"email", LP_CLI_VALUE, &email},
                                             {"otp-secret-file", LP_CLI_VALUE, &otp_path},
                                             {NULL, LP_CLI_FLAG, NULL}};
    int status = lpd_cli_parse(argc, argv, "user reset-otp",
                               "Usage: licportald user reset-otp --db PATH --email E [--otp-secret-file F]\n"
                               "Turns the user's two-factor authentication off, or with --otp-secret-file\n"
                               "replaces its secret by the base32 secret on the first line of F.\n",
                               options, NULL, 0);
    if (status >= 0)
        return status;
    if (db_path == NULL || email == NULL)
        return lpd_cli_usage_error("user reset-otp", "--db and --email are required");
    struct otp_secret secret = {NULL, 0};
    unsigned char *bytes = NULL;
    if (otp_path != NULL) {
        if (!read_otp_secret(otp_path, &bytes, &secret.len))
            return LP_EXIT_ERROR;
        secret.bytes = bytes;
    }
    status = apply_to_user(db_path, email, reset_otp_change, &secret);
    if (bytes != NULL)
        sodium_memzero(bytes, secret.len);
    free(bytes);
    return status;
}

int lpd_cmd_user(int argc, char **argv)
{
    static const struct lpd_cli_verb verbs[] = {
        {"add", add_user},       {"list", list_users},    {"disable", disable_user},     {"enable", enable_user},
        {"remove", remove_user}, {"passwd", passwd_user}, {"reset-otp", reset_otp_user}, {NULL, NULL},
    };
    return lpd_cli_run_verbs(argc, argv, "user", USER_USAGE, verbs);
}
