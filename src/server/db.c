/* Database connection setup and the per-connection statement cache. */
#include "server/db.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define STMT_CACHE_SIZE 96

struct cached_stmt {
    const char *sql;
    sqlite3_stmt *stmt;
};

struct lpd_db {
    sqlite3 *handle;
    struct cached_stmt cache[STMT_CACHE_SIZE];
    size_t cached;
};

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

bool lpd_db_check_private(const char *path, char *err, size_t err_size)
{
    static const char *const companions[] = {"", "-wal", "-shm"};
    for (size_t i = 0; i < sizeof companions / sizeof companions[0]; i++) {
        char file[4096];
        if (snprintf(file, sizeof file, "%s%s", path, companions[i]) >= (int)sizeof file) {
            snprintf(err, err_size, "database path too long");
            return false;
        }
        if (!file_is_private(file, err, err_size))
            return false;
    }
    return true;
}

struct lpd_db *lpd_db_open(const char *path, char *err, size_t err_size)
{
    struct lpd_db *db = calloc(1, sizeof *db);
    if (db == NULL) {
        snprintf(err, err_size, "out of memory");
        return NULL;
    }
    int rc = open_private(path, &db->handle);
    if (rc != SQLITE_OK) {
        snprintf(err, err_size, "cannot open database %s: %s", path,
                 db->handle ? sqlite3_errmsg(db->handle) : sqlite3_errstr(rc));
        lpd_db_free(db);
        return NULL;
    }
    sqlite3_busy_timeout(db->handle, 5000);
    static const char *const pragmas = "PRAGMA journal_mode=WAL;"
                                       "PRAGMA foreign_keys=ON;"
                                       "PRAGMA synchronous=NORMAL;";
    if (!lpd_db_exec(db, pragmas, err, err_size)) {
        lpd_db_free(db);
        return NULL;
    }
    return db;
}

void lpd_db_free(struct lpd_db *db)
{
    if (db == NULL)
        return;
    for (size_t i = 0; i < db->cached; i++)
        sqlite3_finalize(db->cache[i].stmt);
    sqlite3_close(db->handle);
    free(db);
}

sqlite3 *lpd_db_handle(struct lpd_db *db)
{
    return db->handle;
}

sqlite3_stmt *lpd_db_stmt(struct lpd_db *db, const char *sql)
{
    for (size_t i = 0; i < db->cached; i++) {
        if (db->cache[i].sql == sql) {
            sqlite3_stmt *st = db->cache[i].stmt;
            sqlite3_reset(st);
            sqlite3_clear_bindings(st);
            return st;
        }
    }
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v3(db->handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK) {
        fprintf(stderr, "licportald: cannot prepare statement: %s\n", sqlite3_errmsg(db->handle));
        return NULL;
    }
    if (db->cached < STMT_CACHE_SIZE)
        db->cache[db->cached++] = (struct cached_stmt){.sql = sql, .stmt = st};
    else
        fprintf(stderr, "licportald: statement cache full\n");
    return st;
}

bool lpd_db_exec(struct lpd_db *db, const char *sql, char *err, size_t err_size)
{
    char *msg = NULL;
    if (sqlite3_exec(db->handle, sql, NULL, NULL, &msg) != SQLITE_OK) {
        if (err != NULL)
            snprintf(err, err_size, "database error: %s", msg ? msg : sqlite3_errmsg(db->handle));
        sqlite3_free(msg);
        return false;
    }
    return true;
}

void lpd_bind_int(sqlite3_stmt *st, const char *name, int64_t value)
{
    int idx = sqlite3_bind_parameter_index(st, name);
    if (idx > 0)
        sqlite3_bind_int64(st, idx, value);
}

void lpd_bind_text(sqlite3_stmt *st, const char *name, const char *value)
{
    int idx = sqlite3_bind_parameter_index(st, name);
    if (idx > 0) {
        if (value == NULL)
            sqlite3_bind_null(st, idx);
        else
            sqlite3_bind_text(st, idx, value, -1, SQLITE_TRANSIENT);
    }
}

void lpd_bind_blob(sqlite3_stmt *st, const char *name, const void *value, size_t len)
{
    int idx = sqlite3_bind_parameter_index(st, name);
    if (idx > 0) {
        if (value == NULL)
            sqlite3_bind_null(st, idx);
        else
            sqlite3_bind_blob(st, idx, value, (int)len, SQLITE_TRANSIENT);
    }
}

int64_t lpd_col_int(sqlite3_stmt *st, int col, int64_t fallback)
{
    if (sqlite3_column_type(st, col) == SQLITE_NULL)
        return fallback;
    return sqlite3_column_int64(st, col);
}

const char *lpd_col_text(sqlite3_stmt *st, int col)
{
    return (const char *)sqlite3_column_text(st, col);
}

int lpd_db_step_changes(struct lpd_db *db, sqlite3_stmt *st)
{
    int rc = sqlite3_step(st);
    int changed = sqlite3_changes(lpd_db_handle(db));
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? changed : -1;
}
