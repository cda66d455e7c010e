/* Table columns by display width: widths, and wide or combining text lining up on a screen. */
#include <curses.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "../suite_runner.h"
#include "tui/widgets.h"

/* ncurses keeps the screen it drew in memory: a terminal that writes to
 * /dev/null is enough to read the cells back. */
static SCREEN *open_memory_screen(FILE **out, FILE **in)
{
    ck_assert_ptr_nonnull(setlocale(LC_ALL, "C.UTF-8"));
    *out = fopen("/dev/null", "w");
    *in = fopen("/dev/null", "r");
    SCREEN *screen = newterm("xterm-256color", *out, *in);
    ck_assert_ptr_nonnull(screen);
    set_term(screen);
    return screen;
}

static wchar_t cell(int y, int x)
{
    cchar_t cc;
    wchar_t text[CCHARW_MAX + 1];
    attr_t attrs;
    short pair;
    ck_assert_int_eq(mvin_wch(y, x, &cc), OK);
    getcchar(&cc, text, &attrs, &pair, NULL);
    return text[0];
}

START_TEST(wide_and_combining_names_keep_the_next_column_in_place)
{
    FILE *out, *in;
    SCREEN *screen = open_memory_screen(&out, &in);
    static const tui_column columns[] = {{"Product", 10, 0}, {"Status", 6, 0}};
    int widths[2];
    tui_table_widths(columns, 2, 17, widths);
    ck_assert_int_eq(widths[0], 10);
    const char *rows[][2] = {
        {"\u65e5\u672c\u8a9e\u30bd\u30d5\u30c8", "active"}, /* 12 columns: cut */
        {"Cafe\u0301 Pro", "active"},                       /* combining accent */
        {"\u30bd\u30d5\u30c8", "active"},                   /* 6 columns: padded */
        {"plain", "active"},
    };
    for (int r = 0; r < 4; r++) {
        tui_clean_row row = {0};
        tui_clean_row_set(&row, 0, rows[r][0], TUI_ROLE_NORMAL);
        tui_clean_row_set(&row, 1, rows[r][1], TUI_ROLE_NORMAL);
        tui_table_row(r, 0, widths, 2, &row, TUI_ROLE_NORMAL);
        tui_clean_row_clear(&row);
    }
    for (int r = 0; r < 4; r++) {
        ck_assert_msg(cell(r, 10) == L' ', "row %d: the name ran over its column", r);
        ck_assert_msg(cell(r, 11) == L'a', "row %d: status column moved", r);
        ck_assert_msg(cell(r, 16) == L'e', "row %d: status column cut", r);
    }
    /* The cut wide name ends with an ellipsis inside its column. */
    ck_assert(cell(0, 8) == L'\u2026' || cell(0, 9) == L'\u2026');
    endwin();
    delscreen(screen);
    fclose(out);
    fclose(in);
}
END_TEST

START_TEST(server_text_is_sanitised_before_it_reaches_the_screen)
{
    FILE *out, *in;
    SCREEN *screen = open_memory_screen(&out, &in);
    tui_put_server(0, 0, 30, "ok\x1b[31mred\x07\u202e!", TUI_ROLE_NORMAL, true);
    for (int x = 0; x < 30; x++) {
        wchar_t c = cell(0, x);
        ck_assert_msg(c != 0x1b && c != 0x07 && c != 0x202e, "control at %d", x);
    }
    ck_assert(cell(0, 0) == L'o');
    endwin();
    delscreen(screen);
    fclose(out);
    fclose(in);
}
END_TEST

/* A row set at once shares one allocation: every cell still sanitised, a
 * later single cell replaces its own, and clearing frees it all. */
START_TEST(a_row_set_at_once_is_sanitised_cell_by_cell)
{
    tui_clean_row row = {0};
    const char *texts[] = {"plain key", "Bad\x1b[2Jname\xe2\x80\xae!", NULL, "caf\xc3\xa9"};
    const tui_role roles[] = {TUI_ROLE_NORMAL, TUI_ROLE_DIM, TUI_ROLE_NORMAL,
                              TUI_ROLE_LICENSE_ACTIVE};
    ck_assert(tui_clean_row_set_all(&row, texts, roles, 4));
    ck_assert_str_eq(tui_clean_row_cell(&row, 0), "plain key");
    ck_assert_str_eq(tui_clean_row_cell(&row, 1), "Badname!");
    ck_assert_str_eq(tui_clean_row_cell(&row, 2), "");
    ck_assert_str_eq(tui_clean_row_cell(&row, 3), "caf\xc3\xa9");
    ck_assert_int_eq(row.roles[1], TUI_ROLE_DIM);
    ck_assert_int_eq(row.roles[3], TUI_ROLE_LICENSE_ACTIVE);
    ck_assert(tui_clean_row_set(&row, 1,
                                "\x07"
                                "again",
                                TUI_ROLE_NORMAL));
    ck_assert_str_eq(tui_clean_row_cell(&row, 1), "again");
    ck_assert_str_eq(tui_clean_row_cell(&row, 0), "plain key");
    /* Setting them all again replaces the lot. */
    const char *more[] = {"x"};
    ck_assert(tui_clean_row_set_all(&row, more, roles, 1));
    ck_assert_str_eq(tui_clean_row_cell(&row, 0), "x");
    ck_assert_str_eq(tui_clean_row_cell(&row, 1), "");
    ck_assert(!tui_clean_row_set_all(&row, more, roles, TUI_ROW_CELLS + 1));
    tui_clean_row_clear(&row);
}
END_TEST

/* The fast path that copies clean cells as they are lets the row's own
 * marks through, but nothing next to them that the sanitiser would drop. */
START_TEST(a_row_with_marks_is_copied_and_other_text_still_sanitised)
{
    tui_clean_row row = {0};
    const char *texts[] = {"\u20267F3A", "3/\u221e", "\u2026\x1b[31mred", "\xe2\x80",
                           "\u2026\xe2\x80\xae"};
    const tui_role roles[] = {TUI_ROLE_NORMAL, TUI_ROLE_NORMAL, TUI_ROLE_NORMAL, TUI_ROLE_NORMAL,
                              TUI_ROLE_NORMAL};
    ck_assert(tui_clean_row_set_all(&row, texts, roles, 5));
    ck_assert_str_eq(tui_clean_row_cell(&row, 0), "\u20267F3A");
    ck_assert_str_eq(tui_clean_row_cell(&row, 1), "3/\u221e");
    ck_assert_str_eq(tui_clean_row_cell(&row, 2), "\u2026red");
    ck_assert_str_eq(tui_clean_row_cell(&row, 3), "\xef\xbf\xbd");
    ck_assert_str_eq(tui_clean_row_cell(&row, 4), "\u2026");
    tui_clean_row_clear(&row);
}
END_TEST

START_TEST(a_table_row_of_server_text_is_drawn_sanitised)
{
    FILE *out, *in;
    SCREEN *screen = open_memory_screen(&out, &in);
    static const tui_column two[] = {{"Product", 12, 0}, {"Status", 6, 0}};
    int widths[2];
    tui_table_widths(two, 2, 19, widths);
    tui_clean_row row = {0};
    ck_assert(tui_clean_row_set(&row, 0, "ok\x1b[31mred\x07\u202e!", TUI_ROLE_NORMAL));
    ck_assert(tui_clean_row_set(&row, 1, NULL, TUI_ROLE_NORMAL));
    ck_assert_str_eq(tui_clean_row_cell(&row, 1), "");
    ck_assert_ptr_null(strchr(tui_clean_row_cell(&row, 0), 0x1b));
    tui_table_row(0, 0, widths, 2, &row, TUI_ROLE_NORMAL);
    for (int x = 0; x < 19; x++) {
        wchar_t c = cell(0, x);
        ck_assert_msg(c != 0x1b && c != 0x07 && c != 0x202e, "control at %d", x);
    }
    ck_assert(cell(0, 0) == L'o');
    tui_clean_row_clear(&row);
    tui_clean_row_clear(NULL);
    endwin();
    delscreen(screen);
    fclose(out);
    fclose(in);
}
END_TEST

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

START_TEST(without_utf8_every_glyph_has_an_ascii_stand_in)
{
    char out[64];
    tui_ascii_fit("\u20267F3A", 10, false, out, sizeof out);
    ck_assert_str_eq(out, "...7F3A");
    tui_ascii_fit("2/\u221e", 6, true, out, sizeof out);
    ck_assert_str_eq(out, "2/inf ");
    tui_ascii_fit("https://127.0.0.1:8443 refreshed", 12, false, out, sizeof out);
    ck_assert_str_eq(out, "https://1...");
    tui_ascii_fit("Caf\u00e9 \u65e5", 20, false, out, sizeof out);
    ck_assert_str_eq(out, "Caf? ?");
    tui_ascii_fit("\xff\xfe", 5, false, out, sizeof out);
    for (const char *c = out; *c; c++)
        ck_assert_int_lt((unsigned char)*c, 0x80);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("tui_widgets");
    TCase *tc = tcase_create("widgets");
    tcase_add_test(tc, wide_tables_give_the_spare_columns_by_weight);
    tcase_add_test(tc, narrow_tables_drop_columns_that_do_not_fit);
    tcase_add_test(tc, wide_and_combining_names_keep_the_next_column_in_place);
    tcase_add_test(tc, server_text_is_sanitised_before_it_reaches_the_screen);
    tcase_add_test(tc, a_table_row_of_server_text_is_drawn_sanitised);
    tcase_add_test(tc, a_row_set_at_once_is_sanitised_cell_by_cell);
    tcase_add_test(tc, a_row_with_marks_is_copied_and_other_text_still_sanitised);
    tcase_add_test(tc, without_utf8_every_glyph_has_an_ascii_stand_in);
    suite_add_tcase(s, tc);
    return lp_run_suite(s);
}
