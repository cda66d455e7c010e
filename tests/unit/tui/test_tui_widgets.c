/* Table column widths by display width: minimums first, the rest by weight. */
#include "../suite_runner.h"
#include "tui/widgets.h"

static const tui_column columns[] = {
    {"Key", 19, 0}, {"Product", 10, 3}, {"Status", 9, 0}, {"Added", 10, 0}};

START_TEST(wide_tables_give_the_spare_columns_by_weight)
{
    int w[4];
    tui_table_widths(columns, 4, 80, w);
    ck_assert_int_eq(w[0], 19);
    ck_assert_int_eq(w[2], 9);
    ck_assert_int_eq(w[3], 10);
    ck_assert_int_eq(w[0] + w[1] + w[2] + w[3] + 3, 80);
}
END_TEST

START_TEST(narrow_tables_drop_columns_that_do_not_fit)
{
    int w[4];
    tui_table_widths(columns, 4, 35, w);
    ck_assert_int_eq(w[0], 19);
    ck_assert_int_gt(w[1], 0);
    int used = 0, shown = 0;
    for (int i = 0; i < 4; i++) {
        if (w[i] > 0) {
            used += w[i];
            shown++;
        }
    }
    ck_assert_int_le(used + shown - 1, 35);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("tui_widgets");
    TCase *tc = tcase_create("widgets");
    tcase_add_test(tc, wide_tables_give_the_spare_columns_by_weight);
    tcase_add_test(tc, narrow_tables_drop_columns_that_do_not_fit);
    suite_add_tcase(s, tc);
    return lp_run_suite(s);
}
