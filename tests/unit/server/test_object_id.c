/* Public ids: "prefix_N" in and out, and nothing else accepted. */
#include "../suite_runner.h"
#include "server/object_id.h"

START_TEST(formats_and_parses_back)
{
    char id[LP_ID_LEN];
    lpd_object_id_format(LP_ID_LICENSE, 42, id);
    ck_assert_str_eq(id, "lic_42");
    int64_t row = 0;
    ck_assert(lpd_object_id_parse(LP_ID_LICENSE, id, &row));
    ck_assert_int_eq(row, 42);
}
END_TEST

START_TEST(refuses_other_kinds_and_malformed_numbers)
{
    static const char *bad[] = {"act_42",  "lic42",  "lic_",   "lic_0",
                                "lic_042", "lic_-1", "lic_4x", "lic_1234567890123456789",
                                "LIC_1",   "",       "lic_ 1"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        int64_t row = 7;
        ck_assert_msg(!lpd_object_id_parse(LP_ID_LICENSE, bad[i], &row), "accepted %s", bad[i]);
        ck_assert_int_eq(row, 7);
    }
    int64_t row;
    ck_assert(!lpd_object_id_parse(LP_ID_LICENSE, NULL, &row));
}
END_TEST

int main(void)
{
    Suite *s = suite_create("object_id");
    TCase *tc = tcase_create("object_id");
    tcase_add_test(tc, formats_and_parses_back);
    tcase_add_test(tc, refuses_other_kinds_and_malformed_numbers);
    suite_add_tcase(s, tc);
    return lp_run_suite(s);
}
