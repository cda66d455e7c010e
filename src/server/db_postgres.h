/* The PostgreSQL side of db.h, on libpq: named parameters turned into $n,
 * statements run with PQexecParams and their rows read as text. Only db.c
 * calls these. */
#ifndef LP_SERVER_DB_POSTGRES_H
#define LP_SERVER_DB_POSTGRES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "server/db.h"

struct lpd_pg_conn;
struct lpd_pg_stmt;

struct lpd_pg_conn *lpd_pg_connect(const char *uri, char *err, size_t err_size);
void lpd_pg_close(struct lpd_pg_conn *conn);
const char *lpd_pg_errmsg(struct lpd_pg_conn *conn);
bool lpd_pg_failed_constraint(struct lpd_pg_conn *conn);
bool lpd_pg_unreachable(struct lpd_pg_conn *conn);
bool lpd_pg_exec(struct lpd_pg_conn *conn, const char *sql, char *err, size_t err_size);
int64_t lpd_pg_changes(struct lpd_pg_conn *conn);

/* NULL when `sql` cannot be turned into PostgreSQL's parameter form or out of
 * memory; the reason is in lpd_pg_errmsg(). A statement that is `kept` (run
 * many times on this connection) is prepared on the server at its first run
 * and executed by name from then on. */
struct lpd_pg_stmt *lpd_pg_prepare(struct lpd_pg_conn *conn, const char *sql, bool kept);
void lpd_pg_stmt_free(struct lpd_pg_stmt *st);
void lpd_pg_reset(struct lpd_pg_stmt *st);
void lpd_pg_clear_bindings(struct lpd_pg_stmt *st);
enum lpd_step_result lpd_pg_step(struct lpd_pg_stmt *st);

void lpd_pg_bind_int(struct lpd_pg_stmt *st, const char *name, int64_t value);
void lpd_pg_bind_text(struct lpd_pg_stmt *st, const char *name, const char *value);
void lpd_pg_bind_blob(struct lpd_pg_stmt *st, const char *name, const void *value, size_t len);

bool lpd_pg_col_is_null(struct lpd_pg_stmt *st, int col);
int64_t lpd_pg_col_int(struct lpd_pg_stmt *st, int col, int64_t fallback);
const char *lpd_pg_col_text(struct lpd_pg_stmt *st, int col);
const void *lpd_pg_col_blob(struct lpd_pg_stmt *st, int col, size_t *len);

#endif
