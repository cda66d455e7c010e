/* The demo data set: deterministic per seed, every status and expiry edge present, counters right, files real. */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../suite_runner.h"
#include "server/demo_data.h"
#include "server/kpi.h"
#include "server/schema.h"

static const lp_time now = 1795857300;
static char files_dir[64];

static struct lpd_db *generate(uint64_t seed, long users, long licenses)
{
    char err[512] = "";
    struct lpd_db *db = lpd_schema_open(":memory:", err, sizeof err);
    ck_assert_msg(db != NULL, "%s", err);
    struct lpd_demo_options o = {.files_dir = files_dir,
                                 .users = users,
                                 .licenses_per_user = licenses,
                                 .seed = seed,
                                 .password = "demo",
                                 .now = now};
    ck_assert_msg(lpd_demo_generate(db, &o, err, sizeof err), "%s", err);
    return db;
}

/* The first column of the first row of `sql`, as a malloc'd string. */
static char *scalar(struct lpd_db *db, const char *sql)
{
    struct lpd_stmt *st = NULL;
    st = lpd_db_prepare(db, sql);
    ck_assert_ptr_nonnull(st);
    ck_assert_int_eq(lpd_step(st), LPD_ROW);
    const char *text = lpd_col_text(st, 0);
    char *copy = strdup(text ? text : "");
    lpd_stmt_free(st);
    return copy;
}

static int64_t number(struct lpd_db *db, const char *sql)
{
    char *text = scalar(db, sql);
    int64_t value = strtoll(text, NULL, 10);
    free(text);
    return value;
}

static void setup(void)
{
    snprintf(files_dir, sizeof files_dir, "/tmp/lp-demo-test-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(files_dir));
}

static void teardown(void)
{
    char command[128];
    snprintf(command, sizeof command, "rm -rf '%s'", files_dir);
    ck_assert_int_eq(system(command), 0);
}

static const char *const fingerprint_sql =
    "SELECT group_concat(license_key || status || coalesce(expires_at, '-') || coalesce(max_activations, '-'), ',')"
    " FROM (SELECT * FROM licenses ORDER BY id)";

START_TEST(the_same_seed_gives_the_same_data)
{
    struct lpd_db *a = generate(7, 2, 40);
    struct lpd_db *b = generate(7, 2, 40);
    char *fa = scalar(a, fingerprint_sql), *fb = scalar(b, fingerprint_sql);
    ck_assert_str_eq(fa, fb);
    free(fa);
    free(fb);
    lpd_db_free(a);
    lpd_db_free(b);
}
END_TEST

START_TEST(another_seed_gives_other_licenses)
{
    struct lpd_db *a = generate(7, 1, 40);
    struct lpd_db *b = generate(8, 1, 40);
    char *fa = scalar(a, fingerprint_sql), *fb = scalar(b, fingerprint_sql);
    ck_assert_str_ne(fa, fb);
    free(fa);
    free(fb);
    lpd_db_free(a);
    lpd_db_free(b);
}
END_TEST

START_TEST(every_user_gets_every_status_and_the_expiry_edges)
{
    struct lpd_db *db = generate(1, 2, 11);
    ck_assert_int_eq(number(db, "SELECT COUNT(DISTINCT status) FROM licenses WHERE user_id = 2"), 5);
#define ACTIVE_AT "SELECT COUNT(*) FROM licenses WHERE user_id = 2 AND status = 'active' AND expires_at %s %lld"
    char sql[256];
    snprintf(sql, sizeof sql, ACTIVE_AT, "=", (long long)(now + 30 * LP_SECONDS_PER_DAY));
    ck_assert_int_eq(number(db, sql), 1);
    snprintf(sql, sizeof sql, ACTIVE_AT, "=", (long long)(now + 30 * LP_SECONDS_PER_DAY + 1));
    ck_assert_int_eq(number(db, sql), 1);
    snprintf(sql, sizeof sql, ACTIVE_AT, "<", (long long)now);
    ck_assert_int_eq(number(db, sql), 1);
#undef ACTIVE_AT
    ck_assert_int_ge(number(db, "SELECT COUNT(*) FROM licenses WHERE user_id = 2 AND max_activations IS NULL"), 1);
    ck_assert_int_ge(number(db, "SELECT COUNT(*) FROM licenses WHERE user_id = 2 AND allow_deactivation = 0 "
                                "AND activations_in_use > 0"),
                     1);
    ck_assert_int_eq(number(db, "SELECT COUNT(DISTINCT kind) FROM activations WHERE user_id = 2"), 2);
    lpd_db_free(db);
}
END_TEST

START_TEST(counters_match_the_rows_and_triggers_are_back)
{
    struct lpd_db *db = generate(3, 3, 60);
    ck_assert_int_eq(number(db, "SELECT COUNT(*) FROM users u WHERE"
                                " license_count != (SELECT COUNT(*) FROM licenses l WHERE l.user_id = u.id)"
                                " OR active_stored_count != (SELECT COUNT(*) FROM licenses l WHERE l.user_id = u.id"
                                "   AND l.status = 'active')"
                                " OR activation_count != (SELECT COUNT(*) FROM activations a WHERE a.user_id = u.id)"),
                     0);
    ck_assert_int_eq(number(db, "SELECT COUNT(*) FROM licenses l WHERE activations_in_use !="
                                " (SELECT COUNT(*) FROM activations a WHERE a.license_id = l.id)"),
                     0);
    ck_assert(lpd_db_exec(db, "DELETE FROM activations WHERE user_id = 1", NULL, 0));
    ck_assert_int_eq(number(db, "SELECT activation_count FROM users WHERE id = 1"), 0);
    ck_assert_int_eq(number(db, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = 'licenses_search'"),
                     1);
    lpd_db_free(db);
}
END_TEST

START_TEST(release_files_exist_with_the_recorded_size_and_sha256)
{
    struct lpd_db *db = generate(1, 1, 1);
    ck_assert_int_ge(number(db, "SELECT COUNT(DISTINCT platform) FROM releases"), 4);
    ck_assert_int_eq(number(db, "SELECT COUNT(DISTINCT channel) FROM releases"), 2);
    struct lpd_stmt *st = NULL;
    st = lpd_db_prepare(db, "SELECT path, size_bytes, sha256 FROM releases");
    ck_assert_ptr_nonnull(st);
    int checked = 0;
    while (lpd_step(st) == LPD_ROW) {
        char path[512];
        snprintf(path, sizeof path, "%s/%s", files_dir, lpd_col_text(st, 0));
        FILE *f = fopen(path, "rb");
        ck_assert_msg(f != NULL, "missing %s", path);
        crypto_hash_sha256_state hash;
        crypto_hash_sha256_init(&hash);
        unsigned char buf[8192];
        size_t n, total = 0;
        while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
            crypto_hash_sha256_update(&hash, buf, n);
            total += n;
        }
        fclose(f);
        unsigned char digest[32];
        char hex[65];
        crypto_hash_sha256_final(&hash, digest);
        sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
        ck_assert_int_eq((int64_t)total, lpd_col_int(st, 1, 0));
        ck_assert_str_eq(hex, lpd_col_text(st, 2));
        checked++;
    }
    lpd_stmt_free(st);
    ck_assert_int_eq(checked, 50);
    lpd_db_free(db);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("demo_data");
    TCase *tc = tcase_create("demo_data");
    tcase_set_timeout(tc, 30);
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, the_same_seed_gives_the_same_data);
    tcase_add_test(tc, another_seed_gives_other_licenses);
    tcase_add_test(tc, every_user_gets_every_status_and_the_expiry_edges);
    tcase_add_test(tc, counters_match_the_rows_and_triggers_are_back);
    tcase_add_test(tc, release_files_exist_with_the_recorded_size_and_sha256);
    suite_add_tcase(s, tc);
    return lp_run_suite(s);
}
