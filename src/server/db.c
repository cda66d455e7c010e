/* The store API of db.h: SQLite here, PostgreSQL in db_postgres.c. */
#include "server/db.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#if LP_HAVE_POSTGRESQL
#include "server/db_postgres.h"
#endif

/* Statements prepared on a connection at first; the cache grows as more
 * kinds of statement are run on it (about a hundred in all). */
#define STMT_CACHE_FIRST 64

struct lpd_stmt {
    sqlite3_stmt *lite;
#if LP_HAVE_POSTGRESQL
    struct lpd_pg_stmt *pg;
#endif
};

struct cached_stmt {
    const char *sql;
    struct lpd_stmt *stmt;
};

struct lpd_db {
    enum lpd_db_dialect dialect;
    sqlite3 *lite;
#if LP_HAVE_POSTGRESQL
    struct lpd_pg_conn *pg;
#endif
    struct cached_stmt *cache;
    size_t cached;
    size_t cache_size;
};

#if LP_HAVE_POSTGRESQL
#define IS_PG(db) ((db)->dialect == LPD_DIALECT_POSTGRES)
#else
#define IS_PG(db) false
#endif

bool lpd_db_target_is_postgres(const char *target)
{
    return strncmp(target, "postgresql://", 13) == 0 || strncmp(target, "postgres://", 11) == 0;
}

/* The file holds password hashes, TOTP secrets and license keys: it is
 * created for its owner only. SQLite gives the -wal and -shm files the
 * database's mode; the umask covers any file it makes before that. The umask
 * is the process's, so threads opening connections take turns. */
static pthread_mutex_t umask_lock = PTHREAD_MUTEX_INITIALIZER;

static int open_private(const char *path, sqlite3 **handle)
{
    pthread_mutex_lock(&umask_lock);
    mode_t old = umask(077);
    if (strcmp(path, ":memory:") != 0 && strncmp(path, "file:", 5) != 0) {
        /* Only a file that does not exist yet: closing a descriptor of a
         * file this process has open through SQLite would drop SQLite's
         * POSIX locks on it. */
        int fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd >= 0)
            close(fd);
    }
    int rc = sqlite3_open_v2(path, handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
    umask(old);
    pthread_mutex_unlock(&umask_lock);
    return rc;
}

static bool file_is_private(const char *path, char *err, size_t err_size)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return errno == ENOENT;
    if ((st.st_mode & 077) == 0)
        return true;
    snprintf(err, err_size, "%s can be read or written by other users (mode %04o); run: chmod 600 %s", path,
             (unsigned)(st.st_mode & 07777), path);
    return false;
}

bool lpd_db_check_private(const char *target, char *err, size_t err_size)
{
    if (lpd_db_target_is_postgres(target))
        return true;
    static const char *const companions[] = {"", "-wal", "-shm"};
    for (size_t i = 0; i < sizeof companions / sizeof companions[0]; i++) {
        char file[4096];
        if (snprintf(file, sizeof file, "%s%s", target, companions[i]) >= (int)sizeof file) {
            snprintf(err, err_size, "database path too long");
            return false;
        }
        if (!file_is_private(file, err, err_size))
            return false;
    }
    return true;
}

static bool open_sqlite(struct lpd_db *db, const char *path, char *err, size_t err_size)
{
    int rc = open_private(path, &db->lite);
    if (rc != SQLITE_OK) {
        snprintf(err, err_size, "cannot open database %s: %s", path,
                 db->lite ? sqlite3_errmsg(db->lite) : sqlite3_errstr(rc));
        return false;
    }
    sqlite3_busy_timeout(db->lite, 5000);
    static const char *const pragmas = "PRAGMA journal_mode=WAL;"
                                       "PRAGMA foreign_keys=ON;"
                                       "PRAGMA synchronous=NORMAL;";
    return lpd_db_exec(db, pragmas, err, err_size);
}

struct lpd_db *lpd_db_open(const char *target, char *err, size_t err_size)
{
    struct lpd_db *db = calloc(1, sizeof *db);
    if (db == NULL) {
        snprintf(err, err_size, "out of memory");
        return NULL;
    }
    bool ok;
    if (lpd_db_target_is_postgres(target)) {
        db->dialect = LPD_DIALECT_POSTGRES;
#if LP_HAVE_POSTGRESQL
        db->pg = lpd_pg_connect(target, err, err_size);
        ok = db->pg != NULL;
#else
        snprintf(err, err_size, "this licportald was built without PostgreSQL; use a SQLite file for --db");
        ok = false;
#endif
    } else {
        db->dialect = LPD_DIALECT_SQLITE;
        ok = open_sqlite(db, target, err, err_size);
    }
    if (!ok) {
        lpd_db_free(db);
        return NULL;
    }
    return db;
}

void lpd_stmt_free(struct lpd_stmt *st)
{
    if (st == NULL)
        return;
    sqlite3_finalize(st->lite);
#if LP_HAVE_POSTGRESQL
    lpd_pg_stmt_free(st->pg);
#endif
    free(st);
}

void lpd_db_free(struct lpd_db *db)
{
    if (db == NULL)
        return;
    for (size_t i = 0; i < db->cached; i++)
        lpd_stmt_free(db->cache[i].stmt);
    free(db->cache);
    sqlite3_close(db->lite);
#if LP_HAVE_POSTGRESQL
    lpd_pg_close(db->pg);
#endif
    free(db);
}

enum lpd_db_dialect lpd_db_dialect(const struct lpd_db *db)
{
    return db->dialect;
}

const char *lpd_db_errmsg(struct lpd_db *db)
{
#if LP_HAVE_POSTGRESQL
    if (IS_PG(db))
        return lpd_pg_errmsg(db->pg);
#endif
    return db->lite != NULL ? sqlite3_errmsg(db->lite) : "no database";
}

bool lpd_db_unreachable(struct lpd_db *db)
{
#if LP_HAVE_POSTGRESQL
    if (IS_PG(db))
        return lpd_pg_unreachable(db->pg);
#else
    (void)db;
#endif
    return false;
}

bool lpd_db_failed_constraint(struct lpd_db *db)
{
#if LP_HAVE_POSTGRESQL
    if (IS_PG(db))
        return lpd_pg_failed_constraint(db->pg);
#endif
    return db->lite != NULL && sqlite3_errcode(db->lite) == SQLITE_CONSTRAINT;
}

/* A statement for `sql`; one that is `kept` (cached for the connection's
 * life) is prepared for many runs. */
static struct lpd_stmt *new_stmt(struct lpd_db *db, const char *sql, bool kept)
{
    struct lpd_stmt *st = calloc(1, sizeof *st);
    if (st == NULL)
        return NULL;
    bool ok;
#if LP_HAVE_POSTGRESQL
    if (IS_PG(db)) {
        st->pg = lpd_pg_prepare(db->pg, sql, kept);
        ok = st->pg != NULL;
    } else
#endif
    {
        unsigned flags = kept ? SQLITE_PREPARE_PERSISTENT : 0;
        ok = sqlite3_prepare_v3(db->lite, sql, -1, flags, &st->lite, NULL) == SQLITE_OK;
    }
    if (!ok) {
        lpd_stmt_free(st);
        return NULL;
    }
    return st;
}

struct lpd_stmt *lpd_db_prepare(struct lpd_db *db, const char *sql)
{
    return new_stmt(db, sql, false);
}

static void clear_bindings(struct lpd_stmt *st)
{
#if LP_HAVE_POSTGRESQL
    if (st->pg != NULL) {
        lpd_pg_clear_bindings(st->pg);
        return;
    }
#endif
    sqlite3_clear_bindings(st->lite);
}

struct lpd_stmt *lpd_db_stmt(struct lpd_db *db, const char *sql)
{
    for (size_t i = 0; i < db->cached; i++) {
        if (db->cache[i].sql == sql) {
            struct lpd_stmt *st = db->cache[i].stmt;
            lpd_stmt_reset(st);
            clear_bindings(st);
            return st;
        }
    }
    if (db->cached == db->cache_size) {
        size_t size = db->cache_size ? db->cache_size * 2 : STMT_CACHE_FIRST;
        struct cached_stmt *grown = realloc(db->cache, size * sizeof *grown);
        if (grown == NULL) {
            fprintf(stderr, "licportald: out of memory for a statement\n");
            return NULL;
        }
        db->cache = grown;
        db->cache_size = size;
    }
    struct lpd_stmt *st = new_stmt(db, sql, true);
    if (st == NULL) {
        fprintf(stderr, "licportald: cannot prepare statement: %s\n", lpd_db_errmsg(db));
        return NULL;
    }
    db->cache[db->cached++] = (struct cached_stmt){.sql = sql, .stmt = st};
    return st;
}

bool lpd_db_exec(struct lpd_db *db, const char *sql, char *err, size_t err_size)
{
#if LP_HAVE_POSTGRESQL
    if (IS_PG(db))
        return lpd_pg_exec(db->pg, sql, err, err_size);
#endif
    char *msg = NULL;
    if (sqlite3_exec(db->lite, sql, NULL, NULL, &msg) != SQLITE_OK) {
        if (err != NULL)
            snprintf(err, err_size, "database error: %s", msg ? msg : sqlite3_errmsg(db->lite));
        sqlite3_free(msg);
        return false;
    }
    return true;
}

/* The key of the advisory lock every PostgreSQL write transaction takes. */
#define WRITE_LOCK_KEY "7236451"

bool lpd_db_begin_write(struct lpd_db *db, char *err, size_t err_size)
{
    if (IS_PG(db))
        return lpd_db_exec(db, "BEGIN; SELECT pg_advisory_xact_lock(" WRITE_LOCK_KEY ")", err, err_size);
    return lpd_db_exec(db, "BEGIN IMMEDIATE", err, err_size);
}

bool lpd_db_after_bulk_load(struct lpd_db *db, char *err, size_t err_size)
{
    if (!IS_PG(db))
        return true;
    return lpd_db_exec(db, "VACUUM (ANALYZE) users, licenses, activations, renewal_options", err, err_size);
}

bool lpd_db_begin_read(struct lpd_db *db, char *err, size_t err_size)
{
    if (IS_PG(db))
        return lpd_db_exec(db, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", err, err_size);
    return lpd_db_exec(db, "BEGIN", err, err_size);
}

bool lpd_db_commit(struct lpd_db *db, char *err, size_t err_size)
{
    return lpd_db_exec(db, "COMMIT", err, err_size);
}

void lpd_db_rollback(struct lpd_db *db)
{
    lpd_db_exec(db, "ROLLBACK", NULL, 0);
}

enum lpd_step_result lpd_step(struct lpd_stmt *st)
{
#if LP_HAVE_POSTGRESQL
    if (st->pg != NULL)
        return lpd_pg_step(st->pg);
#endif
    int rc = sqlite3_step(st->lite);
    if (rc == SQLITE_ROW)
        return LPD_ROW;
    return rc == SQLITE_DONE ? LPD_DONE : LPD_ERROR;
}

void lpd_stmt_reset(struct lpd_stmt *st)
{
#if LP_HAVE_POSTGRESQL
    if (st->pg != NULL) {
        lpd_pg_reset(st->pg);
        return;
    }
#endif
    sqlite3_reset(st->lite);
}

int64_t lpd_db_changes(struct lpd_db *db)
{
#if LP_HAVE_POSTGRESQL
    if (IS_PG(db))
        return lpd_pg_changes(db->pg);
#endif
    return sqlite3_changes64(db->lite);
}

int lpd_db_step_changes(struct lpd_db *db, struct lpd_stmt *st)
{
    enum lpd_step_result rc = lpd_step(st);
    int changed = (int)lpd_db_changes(db);
    lpd_stmt_reset(st);
    return rc == LPD_DONE ? changed : -1;
}

void lpd_bind_int(struct lpd_stmt *st, const char *name, int64_t value)
{
#if LP_HAVE_POSTGRESQL
    if (st->pg != NULL) {
        lpd_pg_bind_int(st->pg, name, value);
        return;
    }
#endif
    int idx = sqlite3_bind_parameter_index(st->lite, name);
    if (idx > 0)
        sqlite3_bind_int64(st->lite, idx, value);
}

void lpd_bind_text(struct lpd_stmt *st, const char *name, const char *value)
{
#if LP_HAVE_POSTGRESQL
    if (st->pg != NULL) {
        lpd_pg_bind_text(st->pg, name, value);
        return;
    }
#endif
    int idx = sqlite3_bind_parameter_index(st->lite, name);
    if (idx > 0) {
        if (value == NULL)
            sqlite3_bind_null(st->lite, idx);
        else
            sqlite3_bind_text(st->lite, idx, value, -1, SQLITE_TRANSIENT);
    }
}

void lpd_bind_blob(struct lpd_stmt *st, const char *name, const void *value, size_t len)
{
#if LP_HAVE_POSTGRESQL
    if (st->pg != NULL) {
        lpd_pg_bind_blob(st->pg, name, value, len);
        return;
    }
#endif
    int idx = sqlite3_bind_parameter_index(st->lite, name);
    if (idx > 0) {
        if (value == NULL)
            sqlite3_bind_null(st->lite, idx);
        else
            sqlite3_bind_blob(st->lite, idx, value, (int)len, SQLITE_TRANSIENT);
    }
}

bool lpd_col_is_null(struct lpd_stmt *st, int col)
{
#if LP_HAVE_POSTGRESQL
    if (st->pg != NULL)
        return lpd_pg_col_is_null(st->pg, col);
#endif
    return sqlite3_column_type(st->lite, col) == SQLITE_NULL;
}

int64_t lpd_col_int(struct lpd_stmt *st, int col, int64_t fallback)
{
#if LP_HAVE_POSTGRESQL
    if (st->pg != NULL)
        return lpd_pg_col_int(st->pg, col, fallback);
#endif
    if (sqlite3_column_type(st->lite, col) == SQLITE_NULL)
        return fallback;
    return sqlite3_column_int64(st->lite, col);
}

const char *lpd_col_text(struct lpd_stmt *st, int col)
{
#if LP_HAVE_POSTGRESQL
    if (st->pg != NULL)
        return lpd_pg_col_text(st->pg, col);
#endif
    return (const char *)sqlite3_column_text(st->lite, col);
}

const void *lpd_col_blob(struct lpd_stmt *st, int col, size_t *len)
{
#if LP_HAVE_POSTGRESQL
    if (st->pg != NULL)
        return lpd_pg_col_blob(st->pg, col, len);
#endif
    const void *blob = sqlite3_column_blob(st->lite, col);
    *len = blob != NULL ? (size_t)sqlite3_column_bytes(st->lite, col) : 0;
    return blob;
}
