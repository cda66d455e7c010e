/* The action table: default keys, scopes, names, rebinding from [keys]. */
#include <string.h>

#include "../suite_runner.h"
#include "tui/action.h"

START_TEST(every_action_has_a_unique_name_keys_and_help)
{
    for (int i = 0; i < TUI_ACTION_COUNT; i++) {
        const tui_action_info *info = tui_action_info_of((tui_action)i);
        ck_assert_ptr_nonnull(info);
        ck_assert(strlen(info->name) > 0);
        ck_assert(strlen(info->help) > 0);
        ck_assert_int_eq(tui_action_by_name(info->name), i);
        for (int j = i + 1; j < TUI_ACTION_COUNT; j++)
            ck_assert_str_ne(info->name, tui_action_info_of((tui_action)j)->name);
    }
    tui_keymap map;
    tui_keymap_init(&map);
    for (int i = 0; i < TUI_ACTION_COUNT; i++)
        ck_assert_int_gt(map.key_count[i], 0);
}
END_TEST

START_TEST(arrows_and_vi_keys_both_move)
{
    tui_keymap map;
    tui_keymap_init(&map);
    ck_assert_int_eq(tui_keymap_lookup(&map, TUI_SCOPE_GLOBAL, 'j'), TUI_ACTION_DOWN);
    ck_assert_int_eq(tui_keymap_lookup(&map, TUI_SCOPE_GLOBAL, TUI_KEY_DOWN), TUI_ACTION_DOWN);
    ck_assert_int_eq(tui_keymap_lookup(&map, TUI_SCOPE_LICENSES, 'k'), TUI_ACTION_UP);
    ck_assert_int_eq(tui_keymap_lookup(&map, TUI_SCOPE_LICENSES, TUI_KEY_UP), TUI_ACTION_UP);
    ck_assert_int_eq(tui_keymap_lookup(&map, TUI_SCOPE_GLOBAL, 'h'), TUI_ACTION_LEFT);
    ck_assert_int_eq(tui_keymap_lookup(&map, TUI_SCOPE_GLOBAL, 'l'), TUI_ACTION_RIGHT);
    ck_assert_int_eq(tui_keymap_lookup(&map, TUI_SCOPE_GLOBAL, TUI_KEY_ESC), TUI_ACTION_BACK);
    ck_assert_int_eq(tui_keymap_lookup(&map, TUI_SCOPE_GLOBAL, TUI_KEY_BACKSPACE), TUI_ACTION_BACK);
    ck_assert_int_eq(tui_keymap_lookup(&map, TUI_SCOPE_GLOBAL, '?'), TUI_ACTION_HELP);
    ck_assert_int_eq(tui_keymap_lookup(&map, TUI_SCOPE_GLOBAL, 'q'), TUI_ACTION_QUIT);
    ck_assert_int_eq(tui_keymap_lookup(&map, TUI_SCOPE_GLOBAL, 'r'), TUI_ACTION_REFRESH);
    ck_assert_int_eq(tui_keymap_lookup(&map, TUI_SCOPE_GLOBAL, '1'), TUI_ACTION_GO_DASHBOARD);
    ck_assert_int_eq(tui_keymap_lookup(&map, TUI_SCOPE_GLOBAL, '4'), TUI_ACTION_GO_DOWNLOADS);
    ck_assert_int_eq(tui_keymap_lookup(&map, TUI_SCOPE_GLOBAL, 'x'), TUI_ACTION_NONE);
    ck_assert_int_eq(tui_keymap_lookup(&map, TUI_SCOPE_GLOBAL, '%'), TUI_ACTION_NONE);
}
END_TEST

START_TEST(a_view_binding_wins_over_a_global_one)
{
    tui_keymap map;
    tui_keymap_init(&map);
    ck_assert_int_eq(tui_keymap_lookup(&map, TUI_SCOPE_DASHBOARD, '2'), TUI_ACTION_QUICK_LICENSES);
    ck_assert_int_eq(tui_keymap_lookup(&map, TUI_SCOPE_DASHBOARD, '3'),
                     TUI_ACTION_QUICK_ACTIVATIONS);
    ck_assert_int_eq(tui_keymap_lookup(&map, TUI_SCOPE_DASHBOARD, '4'), TUI_ACTION_QUICK_DOWNLOADS);
    /* `l` moves right on the dashboard as everywhere. */
    ck_assert_int_eq(tui_keymap_lookup(&map, TUI_SCOPE_DASHBOARD, 'l'), TUI_ACTION_RIGHT);
    ck_assert_int_eq(tui_keymap_lookup(&map, TUI_SCOPE_ACTIVATIONS, 'd'), TUI_ACTION_DEACTIVATE);
    ck_assert_int_eq(tui_keymap_lookup(&map, TUI_SCOPE_ACTIVATIONS, TUI_KEY_DELETE),
                     TUI_ACTION_DEACTIVATE);
    ck_assert_int_eq(tui_keymap_lookup(&map, TUI_SCOPE_LICENSES, 'd'), TUI_ACTION_NONE);
    ck_assert_int_eq(tui_keymap_lookup(&map, TUI_SCOPE_LICENSES, '/'), TUI_ACTION_FILTER);
    /* Every list filters and sorts with the same keys. */
    ck_assert_int_eq(tui_keymap_lookup(&map, TUI_SCOPE_ACTIVATIONS, '/'), TUI_ACTION_FILTER);
    ck_assert_int_eq(tui_keymap_lookup(&map, TUI_SCOPE_DOWNLOADS, 'o'), TUI_ACTION_SORT);
}
END_TEST

START_TEST(rebinding_replaces_the_keys_of_one_action)
{
    tui_keymap map;
    tui_keymap_init(&map);
    char why[128];
    ck_assert(tui_keymap_bind(&map, "quit", "x, C-q", why, sizeof why));
    ck_assert_int_eq(tui_keymap_lookup(&map, TUI_SCOPE_GLOBAL, 'x'), TUI_ACTION_QUIT);
    ck_assert_int_eq(tui_keymap_lookup(&map, TUI_SCOPE_GLOBAL, 17), TUI_ACTION_QUIT);
    ck_assert_int_eq(tui_keymap_lookup(&map, TUI_SCOPE_GLOBAL, 'q'), TUI_ACTION_NONE);
    char text[64];
    tui_keymap_describe(&map, TUI_ACTION_QUIT, text, sizeof text);
    ck_assert_str_eq(text, "x, C-q");
}
END_TEST

START_TEST(a_bad_binding_says_why_and_changes_nothing)
{
    tui_keymap map;
    tui_keymap_init(&map);
    char why[128] = "";
    ck_assert(!tui_keymap_bind(&map, "no-such-action", "x", why, sizeof why));
    ck_assert_ptr_nonnull(strstr(why, "no-such-action"));
    ck_assert(!tui_keymap_bind(&map, "quit", "Hyper-Q", why, sizeof why));
    ck_assert_ptr_nonnull(strstr(why, "Hyper-Q"));
    ck_assert(!tui_keymap_bind(&map, "quit", " , ", why, sizeof why));
    ck_assert_int_eq(tui_keymap_lookup(&map, TUI_SCOPE_GLOBAL, 'q'), TUI_ACTION_QUIT);
}
END_TEST

START_TEST(key_names_parse_and_print_back)
{
    const char *names[] = {"Up",   "PgDn", "Enter", "Esc", "Tab", "BTab", "Delete", "F1",
                           "Home", "End",  "C-x",   "a",   "?",   "é",    "Space"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        int key;
        ck_assert_msg(tui_key_parse(names[i], &key), "%s", names[i]);
        char back[16];
        tui_key_name(key, back, sizeof back);
        ck_assert_str_eq(back, names[i]);
    }
    int key;
    ck_assert(tui_key_parse("^b", &key));
    ck_assert_int_eq(key, 2);
    ck_assert(!tui_key_parse("", &key));
    ck_assert(!tui_key_parse("ab", &key));
    ck_assert(!tui_key_parse("C-1", &key));
}
END_TEST

/* A view action may share a key only with the global action it stands for there. */
static bool stands_for(tui_action view_action, tui_action global)
{
    return (view_action == TUI_ACTION_QUICK_LICENSES && global == TUI_ACTION_GO_LICENSES) ||
           (view_action == TUI_ACTION_QUICK_ACTIVATIONS && global == TUI_ACTION_GO_ACTIVATIONS) ||
           (view_action == TUI_ACTION_QUICK_DOWNLOADS && global == TUI_ACTION_GO_DOWNLOADS) ||
           (view_action == TUI_ACTION_START_DOWNLOAD && global == TUI_ACTION_OPEN);
}

START_TEST(a_key_means_the_same_in_every_view)
{
    tui_keymap map;
    tui_keymap_init(&map);
    for (int a = 0; a < TUI_ACTION_COUNT; a++) {
        const tui_action_info *ia = tui_action_info_of((tui_action)a);
        for (int b = a + 1; b < TUI_ACTION_COUNT; b++) {
            const tui_action_info *ib = tui_action_info_of((tui_action)b);
            for (int i = 0; i < map.key_count[a]; i++) {
                for (int k = 0; k < map.key_count[b]; k++) {
                    if (map.keys[a][i] != map.keys[b][k])
                        continue;
                    bool a_global = ia->scope == TUI_SCOPE_GLOBAL;
                    bool b_global = ib->scope == TUI_SCOPE_GLOBAL;
                    bool ok = (!a_global && b_global && stands_for((tui_action)a, (tui_action)b)) ||
                              (a_global && !b_global && stands_for((tui_action)b, (tui_action)a));
                    ck_assert_msg(ok, "one key for %s and %s", ia->name, ib->name);
                }
            }
        }
    }
}
END_TEST

START_TEST(a_key_bound_by_the_user_is_taken_from_the_action_that_had_it)
{
    tui_keymap map;
    tui_keymap_init(&map);
    char why[128];
    ck_assert(tui_keymap_bind(&map, "quit", "x, C-q", why, sizeof why));
    ck_assert_int_eq(tui_keymap_lookup(&map, TUI_SCOPE_LICENSES, 'x'), TUI_ACTION_QUIT);
    ck_assert_int_eq(map.key_count[TUI_ACTION_CLEAR_FILTERS], 0);
}
END_TEST

START_TEST(help_lists_the_views_keys_first_then_the_global_ones)
{
    tui_help_row rows[TUI_MAX_HELP_ROWS];
    int n = tui_help_rows(TUI_SCOPE_LICENSES, "Licenses", rows);
    ck_assert_int_eq(rows[0].action, TUI_ACTION_NONE);
    ck_assert_str_eq(rows[0].heading, "Licenses");
    int i = 1;
    for (; i < n && rows[i].action != TUI_ACTION_NONE; i++)
        ck_assert_int_eq(tui_action_info_of(rows[i].action)->scope, TUI_SCOPE_LICENSES);
    ck_assert_int_ge(i, 3);
    ck_assert_str_eq(rows[i].heading, "Everywhere");
    for (i++; i < n; i++)
        ck_assert_int_eq(tui_action_info_of(rows[i].action)->scope, TUI_SCOPE_GLOBAL);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("tui_action");
    TCase *tc = tcase_create("action");
    tcase_add_test(tc, every_action_has_a_unique_name_keys_and_help);
    tcase_add_test(tc, arrows_and_vi_keys_both_move);
    tcase_add_test(tc, a_view_binding_wins_over_a_global_one);
    tcase_add_test(tc, rebinding_replaces_the_keys_of_one_action);
    tcase_add_test(tc, a_bad_binding_says_why_and_changes_nothing);
    tcase_add_test(tc, key_names_parse_and_print_back);
    tcase_add_test(tc, a_key_means_the_same_in_every_view);
    tcase_add_test(tc, a_key_bound_by_the_user_is_taken_from_the_action_that_had_it);
    tcase_add_test(tc, help_lists_the_views_keys_first_then_the_global_ones);
    suite_add_tcase(s, tc);
    return lp_run_suite(s);
}
