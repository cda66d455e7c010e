/* The offline snapshot: written atomically with mode 0600, read back, one per account. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../suite_runner.h"
#include "tui/snapshot.h"

static const char dashboard_json[] =
    "{\"kpis\":{\"total_licenses\":7,\"active_licenses\":4,\"activations_in_use\":3,"
    "\"expiring_soon\":1,\"expiring_window_days\":30},\"recent_licenses\":[{\"id\":\"l1\","
    "\"key_masked\":\"XXXX-XXXX-XXXX-7F3A\",\"product\":{\"id\":\"p1\",\"name\":\"Atlas\"},"
    "\"edition\":null,\"status\":\"active\",\"added_at\":\"2026-11-01T10:00:00Z\","
    "\"expires_at\":null,\"max_activations\":null,\"activations_in_use\":0}],"
    "\"generated_at\":\"2026-11-28T09:15:00Z\"}";

START_TEST(a_saved_snapshot_reads_back)
{
    char dir[] = "/tmp/lp-snapshot-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char cache[256];
    snprintf(cache, sizeof cache, "%s/cache/licportal", dir);
    char *path = tui_snapshot_path(cache, "https://a.example", "me@example.com");
    lp_error err;
    lp_error_clear(&err);
    ck_assert_int_eq(tui_snapshot_save(path, dashboard_json, strlen(dashboard_json), &err), LP_OK);
    struct stat st;
    ck_assert_int_eq(stat(path, &st), 0);
    ck_assert_int_eq(st.st_mode & 0777, 0600);
    lp_dashboard d;
    memset(&d, 0, sizeof d);
    ck_assert_int_eq(tui_snapshot_load(path, &d, &err), LP_OK);
    ck_assert_int_eq(d.kpis.total_licenses, 7);
    ck_assert_int_eq(d.recent_count, 1);
    ck_assert_str_eq(d.recent[0].key_masked, "XXXX-XXXX-XXXX-7F3A");
    lp_dashboard_clear(&d);
    unlink(path);
    free(path);
}
END_TEST

START_TEST(each_account_has_its_own_snapshot)
{
    char *a = tui_snapshot_path("/c", "https://a.example", "one@example.com");
    char *b = tui_snapshot_path("/c", "https://a.example", "two@example.com");
    char *c = tui_snapshot_path("/c", "https://b.example", "one@example.com");
    ck_assert_str_ne(a, b);
    ck_assert_str_ne(a, c);
    ck_assert_ptr_null(strstr(a, "one@example.com"));
    free(a);
    free(b);
    free(c);
}
END_TEST

START_TEST(a_missing_snapshot_is_an_error)
{
    lp_dashboard d;
    memset(&d, 0, sizeof d);
    lp_error err;
    lp_error_clear(&err);
    ck_assert_int_ne(tui_snapshot_load("/nonexistent/x.json", &d, &err), LP_OK);
}
END_TEST

/* Saved without fsync, a snapshot a crash cut short must read back as no
 * snapshot at all, never as a partial dashboard. */
START_TEST(an_empty_or_cut_snapshot_is_an_error)
{
    char dir[] = "/tmp/lp-snapshot-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char *path = tui_snapshot_path(dir, "https://a.example", "me@example.com");
    lp_error err;
    lp_error_clear(&err);
    size_t lengths[] = {0, 1, strlen(dashboard_json) / 2, strlen(dashboard_json) - 1};
    for (size_t i = 0; i < sizeof lengths / sizeof lengths[0]; i++) {
        FILE *f = fopen(path, "wb");
        ck_assert_ptr_nonnull(f);
        ck_assert_uint_eq(fwrite(dashboard_json, 1, lengths[i], f), lengths[i]);
        fclose(f);
        lp_dashboard d;
        memset(&d, 0, sizeof d);
        ck_assert_int_ne(tui_snapshot_load(path, &d, &err), LP_OK);
        ck_assert_int_eq(d.recent_count, 0);
        ck_assert_int_eq(d.kpis.total_licenses, 0);
    }
    unlink(path);
    rmdir(dir);
    free(path);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("tui_snapshot");
    TCase *tc = tcase_create("snapshot");
    tcase_add_test(tc, a_saved_snapshot_reads_back);
    tcase_add_test(tc, each_account_has_its_own_snapshot);
    tcase_add_test(tc, a_missing_snapshot_is_an_error);
    tcase_add_test(tc, an_empty_or_cut_snapshot_is_an_error);
    suite_add_tcase(s, tc);
    return lp_run_suite(s);
}
