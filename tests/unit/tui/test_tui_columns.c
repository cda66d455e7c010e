/* Columns by priority at every width, and the cells that make a list readable at a glance. */
#include <string.h>

#include "../suite_runner.h"
#include "tui/layout.h"
#include "tui/list_rows.h"

#define DAY (24 * 60 * 60)

typedef struct table {
    const char *name;
    const tui_column *columns;
    int count;
} table;

static const table tables[] = {
    {"licenses", tui_license_columns, TUI_LICENSE_COLUMNS},
    {"activations", tui_activation_columns, TUI_ACTIVATION_COLUMNS},
    {"downloads", tui_download_columns, TUI_DOWNLOAD_COLUMNS},
};

/* The width a list's table gets on a terminal `cols` wide. */
static int table_width(int cols)
{
    tui_layout l = tui_layout_compute(cols, 24);
    return tui_list_geometry_compute(l.main).header.w;
}

START_TEST(every_width_from_40_to_300_respects_minimum_maximum_and_priority)
{
    const table *t = &tables[_i];
    for (int cols = 40; cols <= 300; cols++) {
        int width = table_width(cols);
        int w[TUI_MAX_COLUMNS];
        tui_table_widths(t->columns, t->count, width, w);
        int used = 0, shown = 0;
        for (int i = 0; i < t->count; i++) {
            const tui_column *c = &t->columns[i];
            if (w[i] == 0)
                continue;
            ck_assert_msg(w[i] >= c->min_width, "%s at %d: %s below its minimum", t->name, cols,
                          c->title);
            ck_assert_msg(c->max_width == 0 || w[i] <= c->max_width,
                          "%s at %d: %s above its maximum", t->name, cols, c->title);
            used += w[i];
            shown++;
            /* Every column of higher priority shows too. */
            for (int k = 0; k < t->count; k++)
                if (t->columns[k].priority < c->priority)
                    ck_assert_msg(w[k] > 0, "%s at %d: %s shown without %s", t->name, cols,
                                  c->title, t->columns[k].title);
        }
        ck_assert_msg(shown > 0, "%s at %d: nothing shown", t->name, cols);
        ck_assert_msg(used + shown - 1 <= width, "%s at %d: %d columns in %d", t->name, cols,
                      used + shown - 1, width);
    }
}
END_TEST

START_TEST(expires_shows_from_60_columns_on)
{
    for (int cols = 60; cols <= 300; cols++) {
        int w[TUI_MAX_COLUMNS];
        tui_table_widths(tui_license_columns, TUI_LICENSE_COLUMNS, table_width(cols), w);
        ck_assert_msg(w[TUI_LICENSE_EXPIRES_COLUMN] > 0, "Expires dropped at %d columns", cols);
        ck_assert_str_eq(tui_license_columns[TUI_LICENSE_EXPIRES_COLUMN].title, "Expires");
    }
}
END_TEST

START_TEST(an_activation_shows_its_name_before_its_license_and_wider_at_80_columns)
{
    int name = -1, license = -1;
    for (int i = 0; i < TUI_ACTIVATION_COLUMNS; i++) {
        if (strcmp(tui_activation_columns[i].title, "Name") == 0)
            name = i;
        if (strcmp(tui_activation_columns[i].title, "License") == 0)
            license = i;
    }
    ck_assert_int_lt(name, license);
    ck_assert_int_lt(tui_activation_columns[name].priority,
                     tui_activation_columns[license].priority);
    int w[TUI_MAX_COLUMNS];
    tui_table_widths(tui_activation_columns, TUI_ACTIVATION_COLUMNS, table_width(80), w);
    ck_assert_int_ge(w[name], 18); /* "workstation-042.lan" is not cut to "workstatio..." */
}
END_TEST

START_TEST(a_wide_terminal_leaves_blank_rather_than_stretch_product)
{
    int w[TUI_MAX_COLUMNS];
    tui_table_widths(tui_license_columns, TUI_LICENSE_COLUMNS, table_width(200), w);
    ck_assert_int_le(w[1], tui_license_columns[1].max_width);
    for (int i = 0; i < TUI_LICENSE_COLUMNS; i++)
        ck_assert_int_gt(w[i], 0);
}
END_TEST

START_TEST(a_key_shows_by_its_last_group)
{
    char out[32];
    tui_key_tail("XXXX-XXXX-XXXX-7F3A", out, sizeof out);
    ck_assert_str_eq(out, "\u20267F3A");
    tui_key_tail("ABCDEF", out, sizeof out);
    ck_assert_str_eq(out, "\u2026CDEF");
    tui_key_tail(NULL, out, sizeof out);
    ck_assert_str_eq(out, "\u2026");
}
END_TEST

START_TEST(expiry_is_said_relative_and_coloured_by_urgency)
{
    lp_time now = 1700000000;
    char out[32];
    tui_relative_expiry(now + 9 * DAY + 100, now, out, sizeof out);
    ck_assert_str_eq(out, "in 9 d");
    tui_relative_expiry(now - 3 * DAY - 100, now, out, sizeof out);
    ck_assert_str_eq(out, "3 d ago");
    tui_relative_expiry(now + 3600, now, out, sizeof out);
    ck_assert_str_eq(out, "today");
    tui_relative_expiry(now + 200 * DAY, now, out, sizeof out);
    ck_assert_str_eq(out, "in 6 mo");
    tui_relative_expiry(now + 1000 * DAY, now, out, sizeof out);
    ck_assert_str_eq(out, "in 2 y");
    tui_relative_expiry(now - 800 * DAY, now, out, sizeof out);
    ck_assert_str_eq(out, "2 y ago");
    char small[6];
    tui_relative_expiry(now - 40 * DAY, now, small, sizeof small);
    ck_assert_str_eq(small, "40 d "); /* cut as snprintf cuts */
    tui_relative_expiry(LP_TIME_NONE, now, out, sizeof out);
    ck_assert_str_eq(out, "");
    ck_assert_int_eq(tui_expiry_role(now + 60 * DAY, now), TUI_ROLE_NORMAL);
    ck_assert_int_eq(tui_expiry_role(now + 20 * DAY, now), TUI_ROLE_EXPIRY_SOON);
    ck_assert_int_eq(tui_expiry_role(now + 5 * DAY, now), TUI_ROLE_EXPIRY_URGENT);
    ck_assert_int_eq(tui_expiry_role(now - 1, now), TUI_ROLE_EXPIRY_LAPSED);
    ck_assert_int_eq(tui_expiry_role(LP_TIME_NONE, now), TUI_ROLE_NORMAL);
}
END_TEST

START_TEST(seats_show_used_of_max)
{
    char out[32];
    tui_seats(2, 3, out, sizeof out);
    ck_assert_str_eq(out, "2/3");
    tui_seats(2, LP_UNLIMITED, out, sizeof out);
    ck_assert_str_eq(out, "2/\u221e");
}
END_TEST

int main(void)
{
    Suite *s = suite_create("tui_columns");
    TCase *tc = tcase_create("columns");
    tcase_add_loop_test(tc, every_width_from_40_to_300_respects_minimum_maximum_and_priority, 0,
                        (int)(sizeof tables / sizeof tables[0]));
    tcase_add_test(tc, expires_shows_from_60_columns_on);
    tcase_add_test(tc, an_activation_shows_its_name_before_its_license_and_wider_at_80_columns);
    tcase_add_test(tc, a_wide_terminal_leaves_blank_rather_than_stretch_product);
    tcase_add_test(tc, a_key_shows_by_its_last_group);
    tcase_add_test(tc, expiry_is_said_relative_and_coloured_by_urgency);
    tcase_add_test(tc, seats_show_used_of_max);
    suite_add_tcase(s, tc);
    return lp_run_suite(s);
}
