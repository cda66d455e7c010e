/* Lookups shared by the administration sub-commands, each with its own error message. */
#include "server/admin_lookup.h"

#include "server/cli_support.h"
#include "server/object_id.h"
#include "server/schema.h"

static int64_t single_row(struct lpd_db *db, struct lpd_stmt *st, const char *missing_what, const char *name)
{
    if (st == NULL) {
        lpd_cli_error("database error: %s", lpd_db_errmsg(db));
        return -1;
    }
    int rc = lpd_step(st);
    int64_t row = rc == LPD_ROW ? lpd_col_int(st, 0, 0) : -1;
    lpd_stmt_reset(st);
    if (rc == LPD_DONE)
        lpd_cli_error("no %s '%s'", missing_what, name);
    else if (rc != LPD_ROW)
        lpd_cli_error("database error: %s", lpd_db_errmsg(db));
    return row;
}

int64_t lpd_admin_user_row(struct lpd_db *db, const char *email)
{
    static const char *const sql = "SELECT id FROM users WHERE email = :email";
    struct lpd_stmt *st = lpd_db_stmt(db, sql);
    if (st != NULL)
        lpd_bind_text(st, ":email", email);
    return single_row(db, st, "user with e-mail", email);
}

int64_t lpd_admin_license_row(struct lpd_db *db, const char *id)
{
    int64_t row;
    if (!lpd_object_id_parse(LP_ID_LICENSE, id, &row)) {
        lpd_cli_error("'%s' is not a license id (such as lic_42)", id);
        return -1;
    }
    static const char *const sql = "SELECT id FROM licenses WHERE id = :id";
    struct lpd_stmt *st = lpd_db_stmt(db, sql);
    if (st != NULL)
        lpd_bind_int(st, ":id", row);
    return single_row(db, st, "license", id);
}

bool lpd_admin_product_exists(struct lpd_db *db, const char *id)
{
    static const char *const sql = "SELECT 1 FROM products WHERE id = :id";
    struct lpd_stmt *st = lpd_db_stmt(db, sql);
    if (st != NULL)
        lpd_bind_text(st, ":id", id);
    return single_row(db, st, "product", id) > 0;
}

struct lpd_db *lpd_admin_open(const char *path)
{
    char err[512];
    struct lpd_db *db = lpd_schema_open(path, err, sizeof err);
    if (db == NULL)
        lpd_cli_error("%s", err);
    return db;
}
