/* `licportald release add|list|remove`: the downloadable release files of products. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "licportal/timestamp.h"
#include "server/admin_lookup.h"
#include "server/admin_output.h"
#include "server/cli_options.h"
#include "server/cli_support.h"
#include "server/commands.h"
#include "server/db.h"
#include "server/exit_codes.h"
#include "server/object_id.h"
#include "server/release_fields.h"
#include "server/release_file.h"
#include "server/schema.h"

#define NOTES_MAX 4096

static void usage(FILE *out)
{
    fputs("Usage: licportald release add --db PATH --files DIR --product ID --version V --platform P\n"
          "                              --file PATH [--arch A] [--channel C] [--filename NAME]\n"
          "                              [--notes TEXT] [--released-at TIME]\n"
          "Adds a downloadable release of a product and prints its id.\n"
          "\n"
          "  --db PATH          the database (created and migrated when needed)\n"
          "  --files DIR        the files directory licportald serve is given\n"
          "  --product ID       the product the release belongs to (for example prd_atlas)\n"
          "  --version V        the version: letters, digits and . _ + ~ -\n"
          "  --platform P       linux, windows, macos or any\n"
          "  --file PATH        the file; one already under DIR is used where it is, any\n"
          "                     other is copied to DIR/ID/V/NAME\n"
          "  --arch A           x86_64, aarch64 or any (default any)\n"
          "  --channel C        stable or beta (default stable)\n"
          "  --filename NAME    the name clients save it as (default: the name of --file)\n"
          "  --notes TEXT       release notes (default none)\n"
          "  --released-at TIME RFC 3339 time of release (default now)\n"
          "  --help             show this help\n",
          out);
}

struct release_options {
    const char *db_path;
    const char *files_dir;
    const char *product;
    const char *version;
    const char *platform;
    const char *file;
    const char *arch;
    const char *channel;
    const char *filename;
    const char *notes;
    lp_time released_at;
};

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash != NULL ? slash + 1 : path;
}

/* Returns -1 when the options are complete and valid, else the exit code. */
static int read_options(int argc, char **argv, struct release_options *o)
{
    static const struct option options[] = {
        {"db", required_argument, NULL, 'd'},
        {"files", required_argument, NULL, 'f'},
        {"product", required_argument, NULL, 'p'},
        {"version", required_argument, NULL, 'v'},
        {"platform", required_argument, NULL, 'P'},
        {"file", required_argument, NULL, 'F'},
        {"arch", required_argument, NULL, 'a'},
        {"channel", required_argument, NULL, 'c'},
        {"filename", required_argument, NULL, 'n'},
        {"notes", required_argument, NULL, 'N'},
        {"released-at", required_argument, NULL, 'r'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    memset(o, 0, sizeof *o);
    o->arch = "any";
    o->channel = "stable";
    o->released_at = (lp_time)time(NULL);
    optind = 1;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, ":", options, NULL)) != -1) {
        switch (c) {
        case 'd':
            o->db_path = optarg;
            break;
        case 'f':
            o->files_dir = optarg;
            break;
        case 'p':
            o->product = optarg;
            break;
        case 'v':
            o->version = optarg;
            break;
        case 'P':
            o->platform = optarg;
            break;
        case 'F':
            o->file = optarg;
            break;
        case 'a':
            o->arch = optarg;
            break;
        case 'c':
            o->channel = optarg;
            break;
        case 'n':
            o->filename = optarg;
            break;
        case 'N':
            o->notes = optarg;
            break;
        case 'r':
            if (!lp_timestamp_parse(optarg, &o->released_at))
                return lpd_cli_usage_error("release add", "--released-at must be an RFC 3339 time such as "
                                                          "2026-11-28T09:15:00Z");
            break;
        case 'h':
            usage(stdout);
            return LP_EXIT_OK;
        default:
            return lpd_cli_option_error("release add", c, argv);
        }
    }
    if (optind < argc)
        return lpd_cli_usage_error("release add", "unexpected argument '%s'", argv[optind]);
    if (o->db_path == NULL || o->files_dir == NULL || o->product == NULL || o->version == NULL || o->platform == NULL ||
        o->file == NULL)
        return lpd_cli_usage_error("release add", "--db, --files, --product, --version, --platform and --file are "
                                                  "required");
    if (o->filename == NULL)
        o->filename = base_name(o->file);
    if (!lpd_release_folder_name_valid(o->version))
        return lpd_cli_usage_error("release add",
                                   "--version may hold only letters, digits and . _ + ~ - "
                                   "(at most %d, not starting with a dot)",
                                   LP_RELEASE_VERSION_MAX);
    if (!lpd_release_value_allowed(o->platform, lpd_release_platforms))
        return lpd_cli_usage_error("release add", "--platform must be one of linux, windows, macos, any");
    if (!lpd_release_value_allowed(o->arch, lpd_release_archs))
        return lpd_cli_usage_error("release add", "--arch must be one of x86_64, aarch64, any");
    if (!lpd_release_value_allowed(o->channel, lpd_release_channels))
        return lpd_cli_usage_error("release add", "--channel must be stable or beta");
    if (!lpd_release_filename_valid(o->filename))
        return lpd_cli_usage_error("release add",
                                   "file name '%s' is not usable: give --filename with printable "
                                   "ASCII, no / \\ or \", not starting with a dot",
                                   o->filename);
    if (o->notes != NULL && strlen(o->notes) > NOTES_MAX)
        return lpd_cli_usage_error("release add", "--notes is longer than %d bytes", NOTES_MAX);
    return -1;
}

/* The id of the release with the same product, version, channel, platform
 * and architecture, or 0 when there is none (-1 on a database error). */
static int64_t existing_release(struct lpd_db *db, const struct release_options *o)
{
    static const char *const sql = "SELECT id FROM releases WHERE product_id = :product AND version = :version "
                                   "AND channel = :channel AND platform = :platform AND arch = :arch";
    struct lpd_stmt *st = lpd_db_stmt(db, sql);
    if (st == NULL)
        return -1;
    lpd_bind_text(st, ":product", o->product);
    lpd_bind_text(st, ":version", o->version);
    lpd_bind_text(st, ":channel", o->channel);
    lpd_bind_text(st, ":platform", o->platform);
    lpd_bind_text(st, ":arch", o->arch);
    int rc = lpd_step(st);
    int64_t id = rc == LPD_ROW ? lpd_col_int(st, 0, 0) : rc == LPD_DONE ? 0 : -1;
    lpd_stmt_reset(st);
    return id;
}

/* Unknown products and duplicates are refused before any file is copied. */
static int check_catalogue(struct lpd_db *db, const struct release_options *o)
{
    static const char *const product_sql = "SELECT 1 FROM products WHERE id = :id";
    struct lpd_stmt *st = lpd_db_stmt(db, product_sql);
    if (st == NULL)
        return lpd_cli_error("cannot read products: %s", lpd_db_errmsg(db));
    lpd_bind_text(st, ":id", o->product);
    int rc = lpd_step(st);
    lpd_stmt_reset(st);
    if (rc == LPD_DONE)
        return lpd_cli_error("no product with id '%s'", o->product);
    if (rc != LPD_ROW)
        return lpd_cli_error("cannot read products: %s", lpd_db_errmsg(db));
    int64_t existing = existing_release(db, o);
    if (existing < 0)
        return lpd_cli_error("cannot read releases: %s", lpd_db_errmsg(db));
    if (existing > 0) {
        char id[LP_ID_LEN];
        lpd_object_id_format(LP_ID_RELEASE, existing, id);
        return lpd_cli_error("%s %s %s %s/%s already exists as %s", o->product, o->version, o->channel, o->platform,
                             o->arch, id);
    }
    return LP_EXIT_OK;
}

/* Inserts the row in a transaction that checks again for a duplicate, since
 * hashing a large file leaves time for another writer. */
static int insert_release(struct lpd_db *db, const struct release_options *o, const struct lpd_release_file *file,
                          int64_t *row)
{
    static const char *const insert =
        "INSERT INTO releases(product_id, version, channel, platform, arch, filename, path, size_bytes, sha256, "
        "released_at, release_notes) VALUES (:product, :version, :channel, :platform, :arch, :filename, :path, "
        ":size, :sha, :released, :notes) RETURNING id";
    char err[512];
    if (!lpd_db_begin_write(db, err, sizeof err))
        return lpd_cli_error("%s", err);
    int status = check_catalogue(db, o);
    if (status != LP_EXIT_OK) {
        lpd_db_rollback(db);
        return status;
    }
    struct lpd_stmt *st = lpd_db_stmt(db, insert);
    int rc = LPD_ERROR;
    if (st != NULL) {
        lpd_bind_text(st, ":product", o->product);
        lpd_bind_text(st, ":version", o->version);
        lpd_bind_text(st, ":channel", o->channel);
        lpd_bind_text(st, ":platform", o->platform);
        lpd_bind_text(st, ":arch", o->arch);
        lpd_bind_text(st, ":filename", o->filename);
        lpd_bind_text(st, ":path", file->relative);
        lpd_bind_int(st, ":size", (int64_t)file->size);
        lpd_bind_text(st, ":sha", file->sha256_hex);
        lpd_bind_int(st, ":released", o->released_at);
        lpd_bind_text(st, ":notes", o->notes);
        rc = lpd_step(st);
        *row = rc == LPD_ROW ? lpd_col_int(st, 0, 0) : 0;
        lpd_stmt_reset(st);
    }
    if (rc != LPD_ROW) {
        status = lpd_cli_error("cannot add the release: %s", lpd_db_errmsg(db));
        lpd_db_rollback(db);
        return status;
    }
    if (!lpd_db_commit(db, err, sizeof err)) {
        lpd_db_rollback(db);
        return lpd_cli_error("%s", err);
    }
    return LP_EXIT_OK;
}

static int add_release(int argc, char **argv)
{
    struct release_options o;
    int status = read_options(argc, argv, &o);
    if (status >= 0)
        return status;
    char err[512];
    struct lpd_db *db = lpd_schema_open(o.db_path, err, sizeof err);
    if (db == NULL)
        return lpd_cli_error("%s", err);
    status = check_catalogue(db, &o);
    if (status != LP_EXIT_OK) {
        lpd_db_free(db);
        return status;
    }
    if (!lpd_release_folder_name_valid(o.product)) {
        lpd_db_free(db);
        return lpd_cli_error("product id '%s' cannot name a folder for the copy", o.product);
    }
    char dest[LP_RELEASE_PATH_MAX];
    snprintf(dest, sizeof dest, "%s/%s/%s", o.product, o.version, o.filename);
    struct lpd_release_file file;
    if (!lpd_release_file_place(o.files_dir, o.file, dest, &file, err, sizeof err)) {
        lpd_db_free(db);
        return lpd_cli_error("%s", err);
    }
    int64_t row = 0;
    status = insert_release(db, &o, &file, &row);
    lpd_db_free(db);
    if (status != LP_EXIT_OK) {
        lpd_release_file_discard(o.files_dir, &file);
        return status;
    }
    char id[LP_ID_LEN];
    lpd_object_id_format(LP_ID_RELEASE, row, id);
    printf("%s\n", id);
    return LP_EXIT_OK;
}

static int list_releases(int argc, char **argv)
{
    const char *db_path = NULL, *product = NULL;
    bool json = false;
    const struct lpd_cli_option options[] = {{"db", LP_CLI_VALUE, &db_path},
                                             {"product", LP_CLI_VALUE, &product},
                                             {"json", LP_CLI_FLAG, &json},
                                             {NULL, LP_CLI_FLAG, NULL}};
    int status = lpd_cli_parse(argc, argv, "release list",
                               "Usage: licportald release list --db PATH [--product ID] [--json]\n"
                               "Lists releases, newest first: id, product, version, channel, platform,\n"
                               "architecture, file name, size in bytes, SHA-256, release time and the\n"
                               "file's path under the files directory.\n",
                               options, NULL, 0);
    if (status >= 0)
        return status;
    if (db_path == NULL)
        return lpd_cli_usage_error("release list", "--db is required");
    struct lpd_db *db = lpd_admin_open(db_path);
    if (db == NULL)
        return LP_EXIT_ERROR;
    if (product != NULL && !lpd_admin_product_exists(db, product)) {
        lpd_db_free(db);
        return LP_EXIT_ERROR;
    }
    static const char *const sql = "SELECT id, product_id, version, channel, platform, arch, filename, size_bytes, "
                                   "sha256, released_at, path FROM releases "
                                   "WHERE (CAST(:product AS TEXT) IS NULL OR product_id = :product) "
                                   "ORDER BY released_at DESC, id DESC";
    static const struct lpd_admin_column columns[] = {
        {"ID", "id", LP_ADMIN_ID, LP_ID_RELEASE},      {"PRODUCT", "product_id", LP_ADMIN_TEXT, NULL},
        {"VERSION", "version", LP_ADMIN_TEXT, NULL},   {"CHANNEL", "channel", LP_ADMIN_TEXT, NULL},
        {"PLATFORM", "platform", LP_ADMIN_TEXT, NULL}, {"ARCH", "arch", LP_ADMIN_TEXT, NULL},
        {"FILENAME", "filename", LP_ADMIN_TEXT, NULL}, {"SIZE", "size_bytes", LP_ADMIN_INT, NULL},
        {"SHA256", "sha256", LP_ADMIN_TEXT, NULL},     {"RELEASED", "released_at", LP_ADMIN_TIME, NULL},
        {"PATH", "path", LP_ADMIN_TEXT, NULL},
    };
    struct lpd_stmt *st = lpd_db_stmt(db, sql);
    if (st != NULL)
        lpd_bind_text(st, ":product", product);
    status = st != NULL ? lpd_admin_list(db, st, columns, sizeof columns / sizeof columns[0], json) : LP_EXIT_ERROR;
    lpd_db_free(db);
    return status;
}

static int remove_release(int argc, char **argv)
{
    const char *db_path = NULL, *id = NULL;
    const struct lpd_cli_option options[] = {{"db", LP_CLI_VALUE, &db_path}, {NULL, LP_CLI_FLAG, NULL}};
    int status = lpd_cli_parse(argc, argv, "release remove",
                               "Usage: licportald release remove --db PATH RELEASE_ID\n"
                               "Removes a release: users no longer see or download it. Its file stays\n"
                               "under the files directory; the command prints its path.\n",
                               options, &id, 1);
    if (status >= 0)
        return status;
    if (db_path == NULL)
        return lpd_cli_usage_error("release remove", "--db is required");
    int64_t row;
    if (!lpd_object_id_parse(LP_ID_RELEASE, id, &row))
        return lpd_cli_error("'%s' is not a release id (such as rel_7)", id);
    struct lpd_db *db = lpd_admin_open(db_path);
    if (db == NULL)
        return LP_EXIT_ERROR;
    static const char *const sql = "DELETE FROM releases WHERE id = :id RETURNING path";
    struct lpd_stmt *st = lpd_db_stmt(db, sql);
    int rc = LPD_ERROR;
    if (st != NULL) {
        lpd_bind_int(st, ":id", row);
        rc = lpd_step(st);
        if (rc == LPD_ROW)
            printf("removed %s; its file %s stays in the files directory\n", id, lpd_col_text(st, 0));
        while (rc == LPD_ROW)
            rc = lpd_step(st);
        lpd_stmt_reset(st);
    }
    bool removed = rc == LPD_DONE && lpd_db_changes(db) == 1;
    if (rc != LPD_DONE)
        status = lpd_cli_error("database error: %s", lpd_db_errmsg(db));
    else
        status = removed ? LP_EXIT_OK : lpd_cli_error("no release '%s'", id);
    lpd_db_free(db);
    return status;
}

int lpd_cmd_release(int argc, char **argv)
{
    static const struct lpd_cli_verb verbs[] = {
        {"add", add_release}, {"list", list_releases}, {"remove", remove_release}, {NULL, NULL}};
    return lpd_cli_run_verbs(argc, argv, "release",
                             "Usage: licportald release add --db PATH --files DIR --product ID --version V "
                             "--platform P\n"
                             "                              --file PATH [options]\n"
                             "       licportald release list --db PATH [--product ID] [--json]\n"
                             "       licportald release remove --db PATH RELEASE_ID\n",
                             verbs);
}
