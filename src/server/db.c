/* Database connection setup and the per-connection statement cache. */
#include "server/db.h"

#include <stdio.h>
#include <stdlib.h>

#define STMT_CACHE_SIZE 96

struct cached_stmt {
    const char *sql;
    sqlite3_stmt *stmt;
};

struct lp_db {
    sqlite3 *handle;
    struct cached_stmt cache[STMT_CACHE_SIZE];
    size_t cached;
};

struct lp_db *lp_db_open(const char *path, char *err, size_t err_size)
{
    struct lp_db *db = calloc(1, sizeof *db);
    if (db == NULL) {
        snprintf(err, err_size, "out of memory");
        return NULL;
    }
    int rc = sqlite3_open_v2(path, &db->handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                             NULL);
    if (rc != SQLITE_OK) {
        snprintf(err, err_size, "cannot open database %s: %s", path,
                 db->handle ? sqlite3_errmsg(db->handle) : sqlite3_errstr(rc));
        lp_db_free(db);
        return NULL;
    }
    sqlite3_busy_timeout(db->handle, 5000);
    static const char *const pragmas = "PRAGMA journal_mode=WAL;"
                                       "PRAGMA foreign_keys=ON;"
                                       "PRAGMA synchronous=NORMAL;";
    if (!lp_db_exec(db, pragmas, err, err_size)) {
        lp_db_free(db);
        return NULL;
    }
    return db;
}

void lp_db_free(struct lp_db *db)
{
    if (db == NULL)
        return;
    for (size_t i = 0; i < db->cached; i++)
        sqlite3_finalize(db->cache[i].stmt);
    sqlite3_close(db->handle);
    free(db);
}

sqlite3 *lp_db_handle(struct lp_db *db)
{
    return db->handle;
}

sqlite3_stmt *lp_db_stmt(struct lp_db *db, const char *sql)
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

bool lp_db_exec(struct lp_db *db, const char *sql, char *err, size_t err_size)
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

void lp_bind_int(sqlite3_stmt *st, const char *name, int64_t value)
{
    int idx = sqlite3_bind_parameter_index(st, name);
    if (idx > 0)
        sqlite3_bind_int64(st, idx, value);
}

void lp_bind_text(sqlite3_stmt *st, const char *name, const char *value)
{
    int idx = sqlite3_bind_parameter_index(st, name);
    if (idx > 0) {
        if (value == NULL)
            sqlite3_bind_null(st, idx);
        else
            sqlite3_bind_text(st, idx, value, -1, SQLITE_TRANSIENT);
    }
}

void lp_bind_blob(sqlite3_stmt *st, const char *name, const void *value, size_t len)
{
    int idx = sqlite3_bind_parameter_index(st, name);
    if (idx > 0) {
        if (value == NULL)
            sqlite3_bind_null(st, idx);
        else
            sqlite3_bind_blob(st, idx, value, (int)len, SQLITE_TRANSIENT);
    }
}

int64_t lp_col_int(sqlite3_stmt *st, int col, int64_t fallback)
{
    if (sqlite3_column_type(st, col) == SQLITE_NULL)
        return fallback;
    return sqlite3_column_int64(st, col);
}

const char *lp_col_text(sqlite3_stmt *st, int col)
{
    return (const char *)sqlite3_column_text(st, col);
}

int lp_db_step_changes(struct lp_db *db, sqlite3_stmt *st)
{
    int rc = sqlite3_step(st);
    int changed = sqlite3_changes(lp_db_handle(db));
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? changed : -1;
}
