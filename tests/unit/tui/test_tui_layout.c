/* Layout for every size from 20x5 to 300x100: no negative or overlapping parts. */
#include "../suite_runner.h"
#include "tui/layout.h"

static bool overlap(tui_rect a, tui_rect b)
{
    if (tui_rect_empty(a) || tui_rect_empty(b))
        return false;
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

static void assert_inside(tui_rect r, int cols, int lines)
{
    ck_assert_int_ge(r.y, 0);
    ck_assert_int_ge(r.x, 0);
    ck_assert_int_ge(r.h, 0);
    ck_assert_int_ge(r.w, 0);
    ck_assert_int_le(r.y + r.h, lines);
    ck_assert_int_le(r.x + r.w, cols);
}

static void assert_within(tui_rect inner, tui_rect outer)
{
    if (tui_rect_empty(inner))
        return;
    ck_assert_int_ge(inner.y, outer.y);
    ck_assert_int_ge(inner.x, outer.x);
    ck_assert_int_le(inner.y + inner.h, outer.y + outer.h);
    ck_assert_int_le(inner.x + inner.w, outer.x + outer.w);
}

START_TEST(every_size_gives_sane_rectangles)
{
    for (int cols = 20; cols <= 300; cols++) {
        for (int lines = 5; lines <= 100; lines++) {
            tui_layout l = tui_layout_compute(cols, lines);
            bool small = cols < 40 || lines < 10;
            ck_assert_int_eq(l.too_small, small);
            tui_rect parts[] = {l.title, l.sidebar, l.main, l.status};
            for (int i = 0; i < 4; i++)
                assert_inside(parts[i], cols, lines);
            if (small)
                continue;
            ck_assert_int_eq(l.sidebar_shown, cols >= 80);
            ck_assert(!tui_rect_empty(l.main));
            ck_assert_int_eq(l.title.h, 1);
            ck_assert_int_eq(l.status.h, 1);
            ck_assert_int_eq(l.status.y, lines - 1);
            if (!l.sidebar_shown)
                ck_assert(tui_rect_empty(l.sidebar));
            for (int i = 0; i < 4; i++)
                for (int j = i + 1; j < 4; j++)
                    ck_assert_msg(!overlap(parts[i], parts[j]), "%dx%d parts %d and %d", cols,
                                  lines, i, j);
        }
    }
}
END_TEST

START_TEST(the_dashboard_fits_inside_the_main_view_at_every_size)
{
    for (int cols = 40; cols <= 300; cols += 1) {
        for (int lines = 10; lines <= 100; lines += 3) {
            tui_layout l = tui_layout_compute(cols, lines);
            tui_dashboard_geometry g = tui_dashboard_geometry_compute(l.main);
            tui_rect parts[1 + TUI_KPI_COUNT + 1 + TUI_QUICK_COUNT + 2 + TUI_RECENT_ROWS];
            int n = 0;
            parts[n++] = g.banner;
            for (int i = 0; i < TUI_KPI_COUNT; i++)
                parts[n++] = g.kpi[i];
            parts[n++] = g.quick_title;
            for (int i = 0; i < TUI_QUICK_COUNT; i++)
                parts[n++] = g.quick[i];
            parts[n++] = g.recent_title;
            parts[n++] = g.recent_header;
            for (int i = 0; i < TUI_RECENT_ROWS; i++)
                parts[n++] = g.recent[i];
            for (int i = 0; i < n; i++) {
                assert_within(parts[i], l.main);
                for (int j = i + 1; j < n; j++)
                    ck_assert_msg(!overlap(parts[i], parts[j]), "%dx%d: %d/%d", cols, lines, i, j);
            }
            /* Every KPI is on screen whenever the terminal is not too small. */
            for (int i = 0; i < TUI_KPI_COUNT; i++)
                ck_assert_msg(!tui_rect_empty(g.kpi[i]), "%dx%d kpi %d", cols, lines, i);
        }
    }
}
END_TEST

START_TEST(kpis_stack_on_narrow_screens)
{
    tui_layout wide = tui_layout_compute(200, 40);
    ck_assert_int_eq(tui_dashboard_geometry_compute(wide.main).kpi_columns, 4);
    tui_layout medium = tui_layout_compute(80, 24);
    ck_assert_int_eq(tui_dashboard_geometry_compute(medium.main).kpi_columns, 2);
    tui_layout narrow = tui_layout_compute(40, 30);
    tui_dashboard_geometry g = tui_dashboard_geometry_compute(narrow.main);
    ck_assert_int_eq(g.kpi_columns, 1);
    for (int i = 1; i < TUI_KPI_COUNT; i++)
        ck_assert_int_lt(g.kpi[i - 1].y, g.kpi[i].y);
}
END_TEST

START_TEST(the_sidebar_folds_below_80_columns)
{
    ck_assert(tui_layout_compute(80, 24).sidebar_shown);
    ck_assert(!tui_layout_compute(79, 24).sidebar_shown);
    ck_assert_int_eq(tui_layout_compute(79, 24).main.w, 79);
    ck_assert(tui_layout_compute(39, 24).too_small);
    ck_assert(tui_layout_compute(60, 9).too_small);
    ck_assert(!tui_layout_compute(40, 10).too_small);
}
END_TEST

START_TEST(list_geometry_keeps_rows_below_the_header)
{
    tui_layout l = tui_layout_compute(100, 30);
    tui_list_geometry g = tui_list_geometry_compute(l.main);
    ck_assert_int_eq(g.header.y, g.banner.y + 1);
    ck_assert_int_eq(g.rows.y, g.header.y + 1);
    ck_assert_int_eq(g.rows.y + g.rows.h, l.main.y + l.main.h);
}
END_TEST

START_TEST(quick_actions_keep_their_whole_texts_where_the_row_holds_them)
{
    /* "[2] View all licenses", "[3] Manage activations", "[4] Downloads". */
    const int widths[TUI_QUICK_COUNT] = {21, 22, 13};
    for (int cols = 40; cols <= 200; cols++) {
        tui_dashboard_geometry g =
            tui_dashboard_geometry_compute(tui_layout_compute(cols, 24).main);
        tui_dashboard_geometry equal = g;
        tui_dashboard_fit_quick(&g, widths);
        int row_end = equal.quick_title.x + equal.quick_title.w;
        bool all_fit = widths[0] + widths[1] + widths[2] + 2 <= row_end - equal.quick[0].x;
        for (int i = 0; i < TUI_QUICK_COUNT; i++) {
            if (all_fit)
                ck_assert_msg(g.quick[i].w >= widths[i], "%d columns: quick %d cut", cols, i);
            else
                ck_assert_int_eq(g.quick[i].w, equal.quick[i].w);
            ck_assert_int_le(g.quick[i].x + g.quick[i].w, row_end);
            if (i > 0)
                ck_assert_int_lt(g.quick[i - 1].x + g.quick[i - 1].w, g.quick[i].x);
        }
    }
    /* At 60 columns the equal slots (19 wide) would cut two of the three. */
    tui_dashboard_geometry g = tui_dashboard_geometry_compute(tui_layout_compute(60, 20).main);
    tui_dashboard_fit_quick(&g, widths);
    ck_assert_int_eq(g.quick[1].w, 22);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("tui_layout");
    TCase *tc = tcase_create("layout");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, every_size_gives_sane_rectangles);
    tcase_add_test(tc, the_dashboard_fits_inside_the_main_view_at_every_size);
    tcase_add_test(tc, kpis_stack_on_narrow_screens);
    tcase_add_test(tc, the_sidebar_folds_below_80_columns);
    tcase_add_test(tc, list_geometry_keeps_rows_below_the_header);
    tcase_add_test(tc, quick_actions_keep_their_whole_texts_where_the_row_holds_them);
    suite_add_tcase(s, tc);
    return lp_run_suite(s);
}
