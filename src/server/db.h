/* SQLite connection with the project's pragmas and a cache of prepared statements. */
#ifndef LP_SERVER_DB_H
#define LP_SERVER_DB_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct lpd_db;

/* Opens (creating when missing, mode 0600) the database at `path` in WAL
 * mode with foreign keys on and a busy timeout. On failure returns NULL and
 * writes a message into `err`. */
struct lpd_db *lpd_db_open(const char *path, char *err, size_t err_size);

/* Whether the database file and its -wal and -shm (where they exist) are
 * closed to group and others. When not, `err` names the file and the chmod
 * that fixes it. */
bool lpd_db_check_private(const char *path, char *err, size_t err_size);
void lpd_db_free(struct lpd_db *db);

sqlite3 *lpd_db_handle(struct lpd_db *db);

/* A prepared statement for the static string `sql`, reset and with cleared
 * bindings. Statements are cached by the address of `sql`, so pass string
 * literals (or strings that live as long as the connection). NULL on a
 * preparation error, which is reported on stderr. */
sqlite3_stmt *lpd_db_stmt(struct lpd_db *db, const char *sql);

/* Runs statements without results (BEGIN, COMMIT, DDL). */
bool lpd_db_exec(struct lpd_db *db, const char *sql, char *err, size_t err_size);

/* Steps a cached statement that writes, then resets it: the number of rows it
 * changed, or -1 when it failed. */
int lpd_db_step_changes(struct lpd_db *db, sqlite3_stmt *st);

/* Binds by parameter name; names the statement does not use are ignored, so
 * one binder serves every variant of a composed query. */
void lpd_bind_int(sqlite3_stmt *st, const char *name, int64_t value);
void lpd_bind_text(sqlite3_stmt *st, const char *name, const char *value);
void lpd_bind_blob(sqlite3_stmt *st, const char *name, const void *value, size_t len);

/* Column helpers: NULL columns come back as `fallback`. */
int64_t lpd_col_int(sqlite3_stmt *st, int col, int64_t fallback);
const char *lpd_col_text(sqlite3_stmt *st, int col);

#endif
