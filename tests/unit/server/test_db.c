/* The store API on SQLite: cached statements (however many kinds), bindings, constraints. */
#include <stdio.h>
#include <string.h>

#include "../suite_runner.h"
#include "server/db.h"

static struct lpd_db *memory_db(void)
{
    char err[256] = "";
    struct lpd_db *db = lpd_db_open(":memory:", err, sizeof err);
    ck_assert_msg(db != NULL, "%s", err);
    return db;
}

START_TEST(the_statement_cache_holds_as_many_kinds_as_a_connection_runs)
{
    struct lpd_db *db = memory_db();
    /* Cached by address: each text lives as long as the connection. */
    static char texts[300][32];
    for (int i = 0; i < 300; i++)
        snprintf(texts[i], sizeof texts[i], "SELECT %d + :x", i);
    for (int round = 0; round < 2; round++) {
        for (int i = 0; i < 300; i++) {
            struct lpd_stmt *st = lpd_db_stmt(db, texts[i]);
            ck_assert_ptr_nonnull(st);
            lpd_bind_int(st, ":x", 1000);
            ck_assert_int_eq(lpd_step(st), LPD_ROW);
            ck_assert_int_eq(lpd_col_int(st, 0, -1), i + 1000);
        }
    }
    lpd_db_free(db);
}
END_TEST

START_TEST(a_cached_statement_comes_back_reset_without_its_bindings)
{
    struct lpd_db *db = memory_db();
    static const char *const sql = "SELECT :x";
    struct lpd_stmt *st = lpd_db_stmt(db, sql);
    lpd_bind_text(st, ":x", "first");
    ck_assert_int_eq(lpd_step(st), LPD_ROW);
    ck_assert_str_eq(lpd_col_text(st, 0), "first");
    /* Mid-run, asked for again: from the start, and :x unbound reads NULL. */
    st = lpd_db_stmt(db, sql);
    ck_assert_int_eq(lpd_step(st), LPD_ROW);
    ck_assert(lpd_col_is_null(st, 0));
    ck_assert_ptr_null(lpd_col_text(st, 0));
    ck_assert_int_eq(lpd_col_int(st, 0, 42), 42);
    lpd_db_free(db);
}
END_TEST

START_TEST(a_broken_constraint_is_told_apart_and_returning_gives_the_id)
{
    struct lpd_db *db = memory_db();
    char err[256] = "";
    ck_assert(lpd_db_exec(db, "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT UNIQUE)", err, sizeof err));
    static const char *const insert = "INSERT INTO t(name) VALUES (:name) RETURNING id";
    struct lpd_stmt *st = lpd_db_stmt(db, insert);
    lpd_bind_text(st, ":name", "a");
    ck_assert_int_eq(lpd_step(st), LPD_ROW);
    ck_assert_int_eq(lpd_col_int(st, 0, 0), 1);
    st = lpd_db_stmt(db, insert);
    lpd_bind_text(st, ":name", "a");
    ck_assert_int_eq(lpd_step(st), LPD_ERROR);
    ck_assert(lpd_db_failed_constraint(db));
    ck_assert(!lpd_db_unreachable(db));
    /* A statement that does not parse is no constraint. */
    ck_assert_ptr_null(lpd_db_prepare(db, "SELEC nothing"));
    ck_assert(!lpd_db_failed_constraint(db));
    ck_assert_ptr_nonnull(strstr(lpd_db_errmsg(db), "syntax error"));
    lpd_db_free(db);
}
END_TEST

START_TEST(a_write_transaction_rolls_back_whole)
{
    struct lpd_db *db = memory_db();
    char err[256] = "";
    ck_assert(lpd_db_exec(db, "CREATE TABLE t (n INTEGER)", err, sizeof err));
    ck_assert(lpd_db_begin_write(db, err, sizeof err));
    ck_assert_int_eq(lpd_db_step_changes(db, lpd_db_stmt(db, "INSERT INTO t VALUES (1)")), 1);
    lpd_db_rollback(db);
    struct lpd_stmt *count = lpd_db_prepare(db, "SELECT COUNT(*) FROM t");
    ck_assert_int_eq(lpd_step(count), LPD_ROW);
    ck_assert_int_eq(lpd_col_int(count, 0, -1), 0);
    lpd_stmt_free(count);
    lpd_db_free(db);
}
END_TEST

START_TEST(a_postgresql_uri_is_told_from_a_file)
{
    ck_assert(lpd_db_target_is_postgres("postgresql:///portal?host=/run/postgresql"));
    ck_assert(lpd_db_target_is_postgres("postgres://u@db.example/portal"));
    ck_assert(!lpd_db_target_is_postgres("portal.db"));
    ck_assert(!lpd_db_target_is_postgres("./postgresql:/x.db"));
    char err[256] = "";
    ck_assert(lpd_db_check_private("postgresql:///portal", err, sizeof err));
}
END_TEST

int main(void)
{
    Suite *s = suite_create("db");
    TCase *tc = tcase_create("db");
    tcase_add_test(tc, the_statement_cache_holds_as_many_kinds_as_a_connection_runs);
    tcase_add_test(tc, a_cached_statement_comes_back_reset_without_its_bindings);
    tcase_add_test(tc, a_broken_constraint_is_told_apart_and_returning_gives_the_id);
    tcase_add_test(tc, a_write_transaction_rolls_back_whole);
    tcase_add_test(tc, a_postgresql_uri_is_told_from_a_file);
    suite_add_tcase(s, tc);
    return lp_run_suite(s);
}
