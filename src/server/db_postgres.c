/* PostgreSQL statements for db.c, on libpq. */
#include "server/db_postgres.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "server/sql_parameters.h"

/* Type oids of the parameters this file sends with a type (pg_type.h). */
#define OID_BYTEA 17
#define OID_INT8 20

struct lpd_pg_conn {
    PGconn *conn;
    int64_t changes;
    char errmsg[512];
    char sqlstate[6];
    /* Counts the sessions: a statement prepared in an earlier one (before a
     * reconnection) is prepared again. */
    unsigned generation;
    unsigned statements_named;
};

struct lpd_pg_stmt {
    struct lpd_pg_conn *owner;
    struct lpd_sql_parameters params;
    char **values; /* owned copies; NULL binds SQL NULL */
    int *lengths;
    int *formats;
    unsigned int *types;
    PGresult *result;
    int row;
    int rows;
    bool ran;
    bool kept;
    bool is_read;         /* a SELECT: safe to run again on a new connection */
    unsigned prepared_in; /* the generation it was prepared in, 0 for none */
    char name[16];
    unsigned char **blobs; /* decoded bytea of the current row, per column */
    int blob_columns;
};

/* The error of the last failure; its SQLSTATE is the caller's to set after,
 * so that a failure without one never shows the state of an older one. */
static void set_error(struct lpd_pg_conn *conn, const char *message)
{
    conn->sqlstate[0] = '\0';
    snprintf(conn->errmsg, sizeof conn->errmsg, "%s", message != NULL && *message ? message : "unknown error");
    /* libpq's messages end with a newline and may span lines: keep one line. */
    for (char *p = conn->errmsg; *p; p++) {
        if (*p == '\n') {
            *p = p[1] ? ' ' : '\0';
        }
    }
}

/* Notices (such as "relation already exists, skipping") are not errors and
 * must not reach the log as bare lines. */
static void ignore_notice(void *arg, const char *message)
{
    (void)arg;
    (void)message;
}

struct lpd_pg_conn *lpd_pg_connect(const char *uri, char *err, size_t err_size)
{
    struct lpd_pg_conn *conn = calloc(1, sizeof *conn);
    if (conn == NULL) {
        snprintf(err, err_size, "out of memory");
        return NULL;
    }
    conn->generation = 1;
    conn->conn = PQconnectdb(uri);
    if (conn->conn == NULL || PQstatus(conn->conn) != CONNECTION_OK) {
        set_error(conn, conn->conn != NULL ? PQerrorMessage(conn->conn) : "out of memory");
        /* The message may quote the URI's host but never its password. */
        snprintf(err, err_size, "cannot connect to the PostgreSQL database: %s", conn->errmsg);
        lpd_pg_close(conn);
        return NULL;
    }
    /* Kept by PQreset too, unlike a SET: notices never reach stderr. */
    PQsetNoticeProcessor(conn->conn, ignore_notice, NULL);
    return conn;
}

void lpd_pg_close(struct lpd_pg_conn *conn)
{
    if (conn == NULL)
        return;
    PQfinish(conn->conn);
    free(conn);
}

const char *lpd_pg_errmsg(struct lpd_pg_conn *conn)
{
    return conn->errmsg;
}

/* SQLSTATE class 23: integrity constraint violation. */
bool lpd_pg_failed_constraint(struct lpd_pg_conn *conn)
{
    return conn->sqlstate[0] == '2' && conn->sqlstate[1] == '3';
}

bool lpd_pg_unreachable(struct lpd_pg_conn *conn)
{
    return PQstatus(conn->conn) == CONNECTION_BAD;
}

int64_t lpd_pg_changes(struct lpd_pg_conn *conn)
{
    return conn->changes;
}

/* A connection the server dropped (a restart, a failover) is opened again
 * once before the next statement. */
static void reconnect_if_lost(struct lpd_pg_conn *conn)
{
    if (PQstatus(conn->conn) == CONNECTION_BAD) {
        PQreset(conn->conn);
        conn->generation++;
    }
}

static bool result_ok(struct lpd_pg_conn *conn, PGresult *result)
{
    ExecStatusType status = PQresultStatus(result);
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) {
        const char *tuples = PQcmdTuples(result);
        conn->changes = tuples != NULL && *tuples ? strtoll(tuples, NULL, 10) : 0;
        return true;
    }
    set_error(conn, result != NULL ? PQresultErrorMessage(result) : PQerrorMessage(conn->conn));
    const char *state = result != NULL ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : NULL;
    snprintf(conn->sqlstate, sizeof conn->sqlstate, "%s", state != NULL ? state : "");
    return false;
}

bool lpd_pg_exec(struct lpd_pg_conn *conn, const char *sql, char *err, size_t err_size)
{
    reconnect_if_lost(conn);
    bool outside_transaction = PQtransactionStatus(conn->conn) == PQTRANS_IDLE;
    PGresult *result = PQexec(conn->conn, sql);
    bool ok = result_ok(conn, result);
    PQclear(result);
    /* What runs here outside a transaction is BEGIN, SET or VACUUM: on a
     * connection the server closed while idle it did nothing, and runs again
     * on a new one. */
    if (!ok && outside_transaction && lpd_pg_unreachable(conn)) {
        reconnect_if_lost(conn);
        result = PQexec(conn->conn, sql);
        ok = result_ok(conn, result);
        PQclear(result);
    }
    if (!ok && err != NULL)
        snprintf(err, err_size, "database error: %s", conn->errmsg);
    return ok;
}

static bool is_read(const char *sql)
{
    while (*sql == ' ' || *sql == '\n' || *sql == '(')
        sql++;
    return strncasecmp(sql, "SELECT", 6) == 0;
}

struct lpd_pg_stmt *lpd_pg_prepare(struct lpd_pg_conn *conn, const char *sql, bool kept)
{
    struct lpd_pg_stmt *st = calloc(1, sizeof *st);
    if (st == NULL || !lpd_sql_number_parameters(sql, &st->params)) {
        set_error(conn, "out of memory");
        lpd_pg_stmt_free(st);
        return NULL;
    }
    st->owner = conn;
    st->kept = kept;
    st->is_read = is_read(sql);
    if (kept)
        snprintf(st->name, sizeof st->name, "lpd%u", ++conn->statements_named);
    size_t n = st->params.count > 0 ? (size_t)st->params.count : 1;
    st->values = calloc(n, sizeof *st->values);
    st->lengths = calloc(n, sizeof *st->lengths);
    st->formats = calloc(n, sizeof *st->formats);
    st->types = calloc(n, sizeof *st->types);
    if (st->values == NULL || st->lengths == NULL || st->formats == NULL || st->types == NULL) {
        set_error(conn, "out of memory");
        lpd_pg_stmt_free(st);
        return NULL;
    }
    return st;
}

static void free_blobs(struct lpd_pg_stmt *st)
{
    for (int i = 0; i < st->blob_columns; i++) {
        PQfreemem(st->blobs[i]);
        st->blobs[i] = NULL;
    }
}

void lpd_pg_reset(struct lpd_pg_stmt *st)
{
    free_blobs(st);
    PQclear(st->result);
    st->result = NULL;
    st->ran = false;
    st->row = -1;
    st->rows = 0;
}

void lpd_pg_clear_bindings(struct lpd_pg_stmt *st)
{
    for (int i = 0; i < st->params.count; i++) {
        free(st->values[i]);
        st->values[i] = NULL;
        st->lengths[i] = 0;
        st->formats[i] = 0;
        st->types[i] = 0;
    }
}

void lpd_pg_stmt_free(struct lpd_pg_stmt *st)
{
    if (st == NULL)
        return;
    if (st->values != NULL) {
        lpd_pg_reset(st);
        lpd_pg_clear_bindings(st);
    }
    lpd_sql_parameters_free(&st->params);
    free(st->values);
    free(st->lengths);
    free(st->formats);
    free(st->types);
    free(st->blobs);
    free(st);
}

/* A kept statement is prepared with the parameter types of its first run
 * (integers as bigint, texts left for the server to infer). */
static PGresult *execute(struct lpd_pg_stmt *st)
{
    PGconn *conn = st->owner->conn;
    const char *const *values = (const char *const *)st->values;
    PGresult *result;
    if (!st->kept) {
        result = PQexecParams(conn, st->params.sql, st->params.count, st->types, values, st->lengths, st->formats, 0);
        if (result == NULL)
            set_error(st->owner, PQerrorMessage(conn));
        return result;
    }
    if (st->prepared_in != st->owner->generation) {
        PGresult *prepared = PQprepare(conn, st->name, st->params.sql, st->params.count, st->types);
        bool ok = result_ok(st->owner, prepared);
        PQclear(prepared);
        if (!ok)
            return NULL;
        st->prepared_in = st->owner->generation;
    }
    result = PQexecPrepared(conn, st->name, st->params.count, values, st->lengths, st->formats, 0);
    if (result == NULL)
        set_error(st->owner, PQerrorMessage(conn));
    return result;
}

enum lpd_step_result lpd_pg_step(struct lpd_pg_stmt *st)
{
    if (!st->ran) {
        lpd_pg_reset(st);
        reconnect_if_lost(st->owner);
        bool outside_transaction = PQtransactionStatus(st->owner->conn) == PQTRANS_IDLE;
        st->result = execute(st);
        /* A connection the server closed while it sat idle (a restart) is
         * only found dead by the next statement: a read that met it runs
         * once more on a new one. A write is not repeated: it may have been
         * done before the connection went. */
        if (lpd_pg_unreachable(st->owner) && outside_transaction && st->is_read) {
            PQclear(st->result);
            reconnect_if_lost(st->owner);
            st->result = execute(st);
        }
        if (st->result == NULL || !result_ok(st->owner, st->result)) {
            /* Not marked run: as on SQLite, the next step runs it afresh.
             * A broken constraint is the caller's to explain; anything else
             * is a fault the log must show. */
            if (!lpd_pg_failed_constraint(st->owner))
                fprintf(stderr, "licportald: database error: %s\n", st->owner->errmsg);
            return LPD_ERROR;
        }
        st->ran = true;
        st->rows = PQresultStatus(st->result) == PGRES_TUPLES_OK ? PQntuples(st->result) : 0;
    }
    free_blobs(st);
    if (st->row + 1 >= st->rows) {
        st->row = st->rows;
        return LPD_DONE;
    }
    st->row++;
    return LPD_ROW;
}

static void bind_value(struct lpd_pg_stmt *st, const char *name, char *value, int length, int format, unsigned int type)
{
    int i = lpd_sql_parameter_index(&st->params, name);
    if (i < 0) {
        free(value);
        return;
    }
    free(st->values[i]);
    st->values[i] = value;
    st->lengths[i] = length;
    st->formats[i] = format;
    st->types[i] = type;
    st->ran = false;
}

void lpd_pg_bind_int(struct lpd_pg_stmt *st, const char *name, int64_t value)
{
    char text[24];
    snprintf(text, sizeof text, "%lld", (long long)value);
    bind_value(st, name, strdup(text), 0, 0, OID_INT8);
}

void lpd_pg_bind_text(struct lpd_pg_stmt *st, const char *name, const char *value)
{
    /* Untyped, so that PostgreSQL takes the type the statement gives it. */
    bind_value(st, name, value != NULL ? strdup(value) : NULL, 0, 0, 0);
}

void lpd_pg_bind_blob(struct lpd_pg_stmt *st, const char *name, const void *value, size_t len)
{
    char *copy = NULL;
    if (value != NULL) {
        copy = malloc(len > 0 ? len : 1);
        if (copy != NULL && len > 0)
            memcpy(copy, value, len);
    }
    bind_value(st, name, copy, (int)len, 1, OID_BYTEA);
}

static bool has_row(const struct lpd_pg_stmt *st, int col)
{
    return st->result != NULL && st->row >= 0 && st->row < st->rows && col >= 0 && col < PQnfields(st->result);
}

bool lpd_pg_col_is_null(struct lpd_pg_stmt *st, int col)
{
    return !has_row(st, col) || PQgetisnull(st->result, st->row, col);
}

int64_t lpd_pg_col_int(struct lpd_pg_stmt *st, int col, int64_t fallback)
{
    if (lpd_pg_col_is_null(st, col))
        return fallback;
    const char *text = PQgetvalue(st->result, st->row, col);
    if (text[0] == 't' && text[1] == '\0')
        return 1;
    if (text[0] == 'f' && text[1] == '\0')
        return 0;
    return strtoll(text, NULL, 10);
}

const char *lpd_pg_col_text(struct lpd_pg_stmt *st, int col)
{
    if (lpd_pg_col_is_null(st, col))
        return NULL;
    return PQgetvalue(st->result, st->row, col);
}

const void *lpd_pg_col_blob(struct lpd_pg_stmt *st, int col, size_t *len)
{
    *len = 0;
    if (lpd_pg_col_is_null(st, col))
        return NULL;
    const char *text = PQgetvalue(st->result, st->row, col);
    if (PQftype(st->result, col) != OID_BYTEA) {
        *len = (size_t)PQgetlength(st->result, st->row, col);
        return text;
    }
    if (col >= st->blob_columns) {
        unsigned char **blobs = realloc(st->blobs, (size_t)(col + 1) * sizeof *blobs);
        if (blobs == NULL)
            return NULL;
        for (int i = st->blob_columns; i <= col; i++)
            blobs[i] = NULL;
        st->blobs = blobs;
        st->blob_columns = col + 1;
    }
    PQfreemem(st->blobs[col]);
    st->blobs[col] = PQunescapeBytea((const unsigned char *)text, len);
    return st->blobs[col];
}
