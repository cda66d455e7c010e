/* Schema migrations: a new database reaches the latest version, reruns are harmless, newer ones are refused. */
#include <string.h>

#include "../suite_runner.h"
#include "server/schema.h"

START_TEST(a_new_database_reaches_the_latest_version_with_a_cursor_key)
{
    char err[512] = "";
    struct lpd_db *db = lpd_schema_open(":memory:", err, sizeof err);
    ck_assert_msg(db != NULL, "%s", err);
    ck_assert_int_eq(lpd_schema_version(db), 9);
    unsigned char key[LP_CURSOR_KEY_BYTES], zero[LP_CURSOR_KEY_BYTES] = {0};
    ck_assert(lpd_schema_cursor_key(db, key, err, sizeof err));
    ck_assert(memcmp(key, zero, sizeof key) != 0);
    lpd_db_free(db);
}
END_TEST

START_TEST(migrating_again_changes_nothing)
{
    char err[512] = "";
    struct lpd_db *db = lpd_schema_open(":memory:", err, sizeof err);
    unsigned char before[LP_CURSOR_KEY_BYTES], after[LP_CURSOR_KEY_BYTES];
    ck_assert(lpd_schema_cursor_key(db, before, err, sizeof err));
    ck_assert_msg(lpd_schema_migrate(db, err, sizeof err), "%s", err);
    ck_assert_int_eq(lpd_schema_version(db), 9);
    ck_assert(lpd_schema_cursor_key(db, after, err, sizeof err));
    ck_assert(memcmp(before, after, sizeof before) == 0);
    lpd_db_free(db);
}
END_TEST

START_TEST(a_database_from_a_newer_server_is_refused)
{
    char err[512] = "";
    struct lpd_db *db = lpd_schema_open(":memory:", err, sizeof err);
    ck_assert(lpd_db_exec(db, "UPDATE schema_version SET version = 99", NULL, 0));
    ck_assert(!lpd_schema_migrate(db, err, sizeof err));
    ck_assert_ptr_nonnull(strstr(err, "newer"));
    lpd_db_free(db);
}
END_TEST

START_TEST(counters_follow_inserts_deletes_and_status_changes)
{
    char err[512] = "";
    struct lpd_db *db = lpd_schema_open(":memory:", err, sizeof err);
    ck_assert_msg(
        lpd_db_exec(db,
                    "INSERT INTO users(id, email, created_at) VALUES (1, 'a@example.com', 0);"
                    "INSERT INTO products VALUES ('p', 'P', 'device');"
                    "INSERT INTO licenses(id, user_id, product_id, product_name, license_key, status, added_at,"
                    " expires_key) VALUES (1, 1, 'p', 'P', 'K-1', 'active', 0, 9),"
                    " (2, 1, 'p', 'P', 'K-2', 'pending', 0, 9);"
                    "INSERT INTO activations(license_id, user_id, kind, name, fingerprint, activated_at)"
                    " VALUES (1, 1, 'device', 'h', 'f', 0), (1, 1, 'device', 'h2', 'f2', 0);"
                    "UPDATE licenses SET status = 'active' WHERE id = 2;"
                    "DELETE FROM activations WHERE name = 'h';",
                    err, sizeof err),
        "%s", err);
    struct lpd_stmt *st = NULL;
    st = lpd_db_prepare(db, "SELECT license_count, active_stored_count, activation_count, kpi_version,"
                            " (SELECT activations_in_use FROM licenses WHERE id = 1) FROM users");
    ck_assert_ptr_nonnull(st);
    ck_assert_int_eq(lpd_step(st), LPD_ROW);
    ck_assert_int_eq((int)lpd_col_int(st, 0, 0), 2);
    ck_assert_int_eq((int)lpd_col_int(st, 1, 0), 2);
    ck_assert_int_eq((int)lpd_col_int(st, 2, 0), 1);
    ck_assert_int_eq((int)lpd_col_int(st, 3, 0), 3);
    ck_assert_int_eq((int)lpd_col_int(st, 4, 0), 1);
    lpd_stmt_free(st);
    lpd_db_free(db);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("schema");
    TCase *tc = tcase_create("schema");
    tcase_add_test(tc, a_new_database_reaches_the_latest_version_with_a_cursor_key);
    tcase_add_test(tc, migrating_again_changes_nothing);
    tcase_add_test(tc, a_database_from_a_newer_server_is_refused);
    tcase_add_test(tc, counters_follow_inserts_deletes_and_status_changes);
    suite_add_tcase(s, tc);
    return lp_run_suite(s);
}
