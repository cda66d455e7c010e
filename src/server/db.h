/* The store: a connection to SQLite (a file path) or PostgreSQL (a
 * postgresql:// URI) behind one statement API, with a cache of prepared
 * statements per connection.
 *
 * Statements name their parameters (`:name`); both dialects take the same
 * text where they agree. Where they do not, callers ask lpd_db_dialect(). */
#ifndef LP_SERVER_DB_H
#define LP_SERVER_DB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct lpd_db;
struct lpd_stmt;

enum lpd_db_dialect { LPD_DIALECT_SQLITE, LPD_DIALECT_POSTGRES };

/* What lpd_step() found. */
enum lpd_step_result { LPD_ERROR = -1, LPD_DONE = 0, LPD_ROW = 1 };

/* Whether `target` names a PostgreSQL database (postgresql:// or postgres://). */
bool lpd_db_target_is_postgres(const char *target);

/* Opens the store `target` names. A SQLite file is created when missing (mode
 * 0600) and opened in WAL mode with foreign keys on and a busy timeout. On
 * failure returns NULL and writes a one-line message into `err`. */
struct lpd_db *lpd_db_open(const char *target, char *err, size_t err_size);

/* Whether the SQLite database file and its -wal and -shm (where they exist)
 * are closed to group and others. When not, `err` names the file and the chmod
 * that fixes it. Always true for PostgreSQL, whose files are its server's. */
bool lpd_db_check_private(const char *target, char *err, size_t err_size);
void lpd_db_free(struct lpd_db *db);

enum lpd_db_dialect lpd_db_dialect(const struct lpd_db *db);

/* A prepared statement for the static string `sql`, reset and with cleared
 * bindings. Statements are cached by the address of `sql`, so pass string
 * literals (or strings that live as long as the connection). NULL on a
 * preparation error, which is reported on stderr. */
struct lpd_stmt *lpd_db_stmt(struct lpd_db *db, const char *sql);

/* A statement for `sql` composed at run time, not cached: free it with
 * lpd_stmt_free(). NULL on a preparation error (see lpd_db_errmsg). */
struct lpd_stmt *lpd_db_prepare(struct lpd_db *db, const char *sql);
void lpd_stmt_free(struct lpd_stmt *st);

/* Runs statements without results (COMMIT, DDL), several separated by ';'. */
bool lpd_db_exec(struct lpd_db *db, const char *sql, char *err, size_t err_size);

/* Transactions. A write transaction excludes every other writer on the same
 * database until it ends, whichever process or instance it comes from
 * (SQLite's BEGIN IMMEDIATE; a transaction-scoped advisory lock on
 * PostgreSQL). A read transaction sees one snapshot throughout. */
bool lpd_db_begin_write(struct lpd_db *db, char *err, size_t err_size);
bool lpd_db_begin_read(struct lpd_db *db, char *err, size_t err_size);
bool lpd_db_commit(struct lpd_db *db, char *err, size_t err_size);
void lpd_db_rollback(struct lpd_db *db);

/* After a bulk load, outside any transaction: PostgreSQL's planner
 * statistics and visibility map are brought up to date for the portal's
 * tables at once rather than whenever autovacuum comes round, so that the
 * first requests already use index-only scans. SQLite needs nothing. */
bool lpd_db_after_bulk_load(struct lpd_db *db, char *err, size_t err_size);

/* The message of the last failure on this connection. */
const char *lpd_db_errmsg(struct lpd_db *db);

/* Whether the connection to the store is lost (PostgreSQL; never SQLite).
 * The next statement tries to open it again. */
bool lpd_db_unreachable(struct lpd_db *db);

/* Whether the last failure broke a constraint (a duplicate key, a missing
 * referenced row, a CHECK). */
bool lpd_db_failed_constraint(struct lpd_db *db);

/* Runs the statement (at the first call after binding) and moves to its next
 * row. */
enum lpd_step_result lpd_step(struct lpd_stmt *st);

/* Ends the statement's run so that it can be run again; bindings stay. */
void lpd_stmt_reset(struct lpd_stmt *st);

/* Rows changed by the last writing statement that ran to its end. */
int64_t lpd_db_changes(struct lpd_db *db);

/* Steps a statement that writes, then resets it: the number of rows it
 * changed, or -1 when it failed. */
int lpd_db_step_changes(struct lpd_db *db, struct lpd_stmt *st);

/* Binds by parameter name; names the statement does not use are ignored, so
 * one binder serves every variant of a composed query. A NULL text or blob
 * binds SQL NULL. */
void lpd_bind_int(struct lpd_stmt *st, const char *name, int64_t value);
void lpd_bind_text(struct lpd_stmt *st, const char *name, const char *value);
void lpd_bind_blob(struct lpd_stmt *st, const char *name, const void *value, size_t len);

/* Columns of the current row. NULL integers come back as `fallback`, NULL
 * texts and blobs as NULL. Booleans are integers 0 and 1. Pointers stay valid
 * until the next step or reset. */
bool lpd_col_is_null(struct lpd_stmt *st, int col);
int64_t lpd_col_int(struct lpd_stmt *st, int col, int64_t fallback);
const char *lpd_col_text(struct lpd_stmt *st, int col);
const void *lpd_col_blob(struct lpd_stmt *st, int col, size_t *len);

#endif
