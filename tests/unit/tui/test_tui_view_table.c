/* The view table: every view has a whole record, every scoped action a view to run in. */
#include <string.h>

#include "../suite_runner.h"
#include "licportal/wire_names.h"
#include "tui/app_state.h"
#include "tui/update.h"
#include "tui/view_ops.h"

START_TEST(every_view_has_every_operation)
{
    for (int v = 0; v < TUI_VIEW_COUNT; v++) {
        const tui_view_ops *ops = tui_view_ops_of((tui_view_id)v);
        ck_assert_ptr_nonnull(ops);
        ck_assert_msg(ops->title && ops->title[0], "view %d: title", v);
        ck_assert_msg(ops->pager && ops->fetch && ops->move && ops->open && ops->act &&
                          ops->click && ops->result,
                      "view %d: an operation is missing", v);
        ck_assert_msg(ops->scope != TUI_SCOPE_GLOBAL, "view %d: scope", v);
        ck_assert_ptr_eq(tui_view_ops_for_scope(ops->scope), ops);
        ck_assert_msg(ops->hints[TUI_MAX_HINTS - 1].label == NULL, "view %d: the hints end", v);
    }
}
END_TEST

START_TEST(every_scoped_action_belongs_to_a_view)
{
    for (int a = 0; a < TUI_ACTION_COUNT; a++) {
        const tui_action_info *info = tui_action_info_of((tui_action)a);
        if (info->scope != TUI_SCOPE_GLOBAL)
            ck_assert_msg(tui_view_ops_for_scope(info->scope) != NULL, "%s", info->name);
    }
}
END_TEST

START_TEST(a_views_hints_are_its_own_or_global_actions)
{
    for (int v = 0; v < TUI_VIEW_COUNT; v++) {
        const tui_view_ops *ops = tui_view_ops_of((tui_view_id)v);
        for (int i = 0; i < TUI_MAX_HINTS && ops->hints[i].label; i++) {
            tui_scope scope = tui_action_info_of(ops->hints[i].action)->scope;
            ck_assert_msg(scope == TUI_SCOPE_GLOBAL || scope == ops->scope, "%s: %s", ops->title,
                          ops->hints[i].label);
        }
    }
}
END_TEST

START_TEST(each_result_has_one_view_to_take_it)
{
    const lp_call_kind kinds[] = {LP_CALL_DASHBOARD,  LP_CALL_LICENSES,    LP_CALL_LICENSE,
                                  LP_CALL_REVEAL_KEY, LP_CALL_ACTIVATIONS, LP_CALL_DEACTIVATE,
                                  LP_CALL_DOWNLOADS};
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
        ck_assert_ptr_nonnull(tui_view_ops_for_call(kinds[i]));
    ck_assert_ptr_null(tui_view_ops_for_call(LP_CALL_LOGIN));
}
END_TEST

/* The `:` prompt goes through the same scope as keys: another view's action does nothing. */
START_TEST(an_action_of_another_view_does_nothing_in_each_view)
{
    for (int v = 0; v < TUI_VIEW_COUNT; v++) {
        for (int a = 0; a < TUI_ACTION_COUNT; a++) {
            const tui_action_info *info = tui_action_info_of((tui_action)a);
            tui_state st;
            tui_state_init(&st, "me@example.com", "https://portal.example", true, false);
            st.view = (tui_view_id)v;
            if (info->scope == TUI_SCOPE_GLOBAL || info->scope == tui_state_scope(&st)) {
                tui_state_free(&st);
                continue;
            }
            tui_effects fx;
            memset(&fx, 0, sizeof fx);
            tui_reaction r = tui_run_action(&st, (tui_action)a, &fx);
            ck_assert_msg(r == TUI_REACT_NONE && fx.count == 0 && st.view == (tui_view_id)v &&
                              st.modal == TUI_MODAL_NONE,
                          "%s in %s", info->name, tui_view_title((tui_view_id)v));
            tui_state_free(&st);
        }
    }
}
END_TEST

static void assert_orders_are_wire_keys(const char *const *sorts, int count,
                                        const lp_wire_names *wire)
{
    ck_assert_int_eq(count, (int)wire->count);
    for (int i = 0; i < count; i++)
        ck_assert_msg(lp_wire_index(wire, sorts[i]) >= 0, "%s is no sort key of the contract",
                      sorts[i]);
}

START_TEST(every_list_offers_every_order_of_the_contract)
{
    assert_orders_are_wire_keys(tui_license_sorts, tui_license_sort_count, &lp_license_sort_keys);
    assert_orders_are_wire_keys(tui_activation_sorts, tui_activation_sort_count,
                                &lp_activation_sort_keys);
    assert_orders_are_wire_keys(tui_download_sorts, tui_download_sort_count,
                                &lp_download_sort_keys);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("tui_view_table");
    TCase *tc = tcase_create("table");
    tcase_add_test(tc, every_view_has_every_operation);
    tcase_add_test(tc, every_scoped_action_belongs_to_a_view);
    tcase_add_test(tc, a_views_hints_are_its_own_or_global_actions);
    tcase_add_test(tc, each_result_has_one_view_to_take_it);
    tcase_add_test(tc, an_action_of_another_view_does_nothing_in_each_view);
    tcase_add_test(tc, every_list_offers_every_order_of_the_contract);
    suite_add_tcase(s, tc);
    return lp_run_suite(s);
}
