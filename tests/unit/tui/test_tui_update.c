/* update(state, event) -> effects for the login screen, the shell and the dashboard. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../suite_runner.h"
#include "licportal/wire_names.h"
#include "tui/detail_lines.h"
#include "tui/download_dir.h"
#include "tui/text_wrap.h"
#include "tui/update.h"

static tui_state st;
static tui_effects fx;
/* What the transitions since the last paint said changed on screen. */
static tui_reaction due;

static void setup_main(void)
{
    tui_state_init(&st, "me@example.com", "https://portal.example", true, false);
    due = TUI_REACT_NONE;
    st.layout = tui_layout_compute(100, 30);
    memset(&fx, 0, sizeof fx);
    tui_start(&st, &fx);
}

static void setup_login(void)
{
    tui_state_init(&st, "", "https://portal.example", false, false);
    due = TUI_REACT_NONE;
    st.layout = tui_layout_compute(100, 30);
    memset(&fx, 0, sizeof fx);
    tui_start(&st, &fx);
}

static void teardown(void)
{
    tui_state_free(&st);
}

static void key(int k)
{
    memset(&fx, 0, sizeof fx);
    tui_event ev = {.kind = TUI_EV_KEY, .key = k, .now = 1000};
    due |= tui_update(&st, &ev, &fx);
}

static void type(const char *text)
{
    for (const char *c = text; *c; c++)
        key((unsigned char)*c);
}

static const tui_effect *find(tui_effect_kind kind)
{
    for (int i = 0; i < fx.count; i++)
        if (fx.items[i].kind == kind)
            return &fx.items[i];
    return NULL;
}

static lp_license_summary license(const char *id, const char *product)
{
    lp_license_summary l;
    memset(&l, 0, sizeof l);
    l.id = strdup(id);
    l.key_masked = strdup("XXXX-XXXX-XXXX-0001");
    l.product.id = strdup("p");
    l.product.name = strdup(product);
    l.status = LP_LICENSE_ACTIVE;
    l.expires_at = LP_TIME_NONE;
    return l;
}

static void deliver(lp_call_kind kind, int seq, lp_status status, lp_result *result,
                    const lp_error *err, lp_time now)
{
    memset(&fx, 0, sizeof fx);
    tui_event ev = {.kind = TUI_EV_RESULT,
                    .call_kind = kind,
                    .seq = seq,
                    .status = status,
                    .result = result,
                    .error = err,
                    .now = now};
    due |= tui_update(&st, &ev, &fx);
}

static void deliver_dashboard(lp_time now)
{
    lp_result r;
    memset(&r, 0, sizeof r);
    r.kind = LP_CALL_DASHBOARD;
    r.as.dashboard.kpis = (lp_kpis){12, 8, 5, 2, 30};
    r.as.dashboard.recent[0] = license("lic-1", "Atlas");
    r.as.dashboard.recent[1] = license("lic-2", "Borealis");
    r.as.dashboard.recent_count = 2;
    deliver(LP_CALL_DASHBOARD, st.seq_dashboard, LP_OK, &r, NULL, now);
    lp_dashboard_clear(&r.as.dashboard);
}

static lp_error error_of(lp_status status, const char *code, const char *message)
{
    lp_error err;
    lp_error_clear(&err);
    err.status = status;
    snprintf(err.code, sizeof err.code, "%s", code);
    snprintf(err.message, sizeof err.message, "%s", message);
    return err;
}

/* ---- login ------------------------------------------------------------------------- */

START_TEST(without_a_session_the_login_screen_comes_first)
{
    setup_login();
    ck_assert_int_eq(st.screen, TUI_SCREEN_LOGIN);
    ck_assert_int_eq(fx.count, 0);
    ck_assert_int_eq(st.login.field, TUI_FIELD_EMAIL);
    teardown();
}
END_TEST

START_TEST(a_stored_session_goes_straight_to_the_dashboard)
{
    setup_main();
    ck_assert_int_eq(st.screen, TUI_SCREEN_MAIN);
    ck_assert_int_eq(st.view, TUI_VIEW_DASHBOARD);
    ck_assert_ptr_nonnull(find(TUI_FX_FETCH_DASHBOARD));
    ck_assert_int_eq(st.pending, 1);
    teardown();
}
END_TEST

START_TEST(the_email_is_prefilled_and_the_password_field_focused)
{
    tui_state_init(&st, "me@example.com", "https://p", false, false);
    due = TUI_REACT_NONE;
    ck_assert_str_eq(st.login.email, "me@example.com");
    ck_assert_int_eq(st.login.field, TUI_FIELD_PASSWORD);
    teardown();
}
END_TEST

START_TEST(enter_sends_the_login_with_what_was_typed)
{
    setup_login();
    type("me@example.com");
    key(TUI_KEY_TAB);
    type("s3cret q");
    key(TUI_KEY_BACKSPACE);
    key(TUI_KEY_BACKSPACE);
    key(TUI_KEY_ENTER);
    const tui_effect *e = find(TUI_FX_LOGIN);
    ck_assert_ptr_nonnull(e);
    ck_assert_str_eq(e->as.login.email, "me@example.com");
    ck_assert_str_eq(e->as.login.password, "s3cret");
    ck_assert_str_eq(e->as.login.otp, "");
    ck_assert(!e->as.login.remember_in_file);
    teardown();
}
END_TEST

START_TEST(letters_typed_on_the_login_screen_are_not_actions)
{
    setup_login();
    type("q?1");
    ck_assert(!st.quit);
    ck_assert_int_eq(st.modal, TUI_MODAL_NONE);
    ck_assert_str_eq(st.login.email, "q?1");
    teardown();
}
END_TEST

START_TEST(an_empty_password_is_not_sent)
{
    setup_login();
    type("me@example.com");
    key(TUI_KEY_ENTER);
    ck_assert_ptr_null(find(TUI_FX_LOGIN));
    ck_assert(strlen(st.login.message) > 0);
    teardown();
}
END_TEST

START_TEST(a_successful_login_opens_the_dashboard_and_forgets_the_password)
{
    setup_login();
    type("me@example.com");
    key(TUI_KEY_TAB);
    type("pw");
    key(TUI_KEY_ENTER);
    lp_result r;
    memset(&r, 0, sizeof r);
    r.as.tokens.user.name = strdup("Me");
    r.as.tokens.user.email = strdup("me@example.com");
    deliver(LP_CALL_LOGIN, st.seq_login, LP_OK, &r, NULL, 100);
    lp_tokens_clear(&r.as.tokens);
    ck_assert_int_eq(st.screen, TUI_SCREEN_MAIN);
    ck_assert_int_eq(st.view, TUI_VIEW_DASHBOARD);
    ck_assert_str_eq(st.login.password, "");
    ck_assert_ptr_nonnull(find(TUI_FX_FETCH_DASHBOARD));
    ck_assert_str_eq(st.user_label, "Me <me@example.com>");
    teardown();
}
END_TEST

START_TEST(otp_required_asks_for_the_one_time_code)
{
    setup_login();
    type("me@example.com");
    key(TUI_KEY_TAB);
    type("pw");
    key(TUI_KEY_ENTER);
    lp_error err = error_of(LP_ERR_OTP_REQUIRED, "otp_required", "one-time code required");
    deliver(LP_CALL_LOGIN, st.seq_login, LP_ERR_OTP_REQUIRED, NULL, &err, 100);
    ck_assert(st.login.otp_needed);
    ck_assert_int_eq(st.screen, TUI_SCREEN_LOGIN);
    ck_assert_int_eq(st.login.field, TUI_FIELD_OTP);
    type("12a3456");
    ck_assert_str_eq(st.login.otp, "123456");
    key(TUI_KEY_ENTER);
    const tui_effect *e = find(TUI_FX_LOGIN);
    ck_assert_ptr_nonnull(e);
    ck_assert_str_eq(e->as.login.otp, "123456");
    ck_assert_str_eq(e->as.login.password, "pw");
    lp_error bad = error_of(LP_ERR_OTP_INVALID, "invalid_otp", "x");
    deliver(LP_CALL_LOGIN, st.seq_login, LP_ERR_OTP_INVALID, NULL, &bad, 100);
    ck_assert_str_eq(st.login.otp, "");
    ck_assert_int_eq(st.login.field, TUI_FIELD_OTP);
    ck_assert_ptr_nonnull(strstr(st.login.message, "not accepted"));
    teardown();
}
END_TEST

START_TEST(wrong_credentials_are_said_in_words)
{
    setup_login();
    type("me@example.com");
    key(TUI_KEY_TAB);
    type("bad");
    key(TUI_KEY_ENTER);
    lp_error err = error_of(LP_ERR_CREDENTIALS, "invalid_credentials", "x");
    deliver(LP_CALL_LOGIN, st.seq_login, LP_ERR_CREDENTIALS, NULL, &err, 100);
    ck_assert_str_eq(st.login.message, "Wrong email or password.");
    ck_assert_str_eq(st.login.password, "");
    ck_assert_int_eq(st.screen, TUI_SCREEN_LOGIN);
    teardown();
}
END_TEST

START_TEST(without_a_keyring_the_file_store_is_offered_and_remembered)
{
    tui_state_init(&st, "me@example.com", "https://p", false, true);
    due = TUI_REACT_NONE;
    st.layout = tui_layout_compute(100, 30);
    type("pw");
    key(TUI_KEY_TAB);
    ck_assert_int_eq(st.login.field, TUI_FIELD_REMEMBER);
    key(' ');
    ck_assert(st.login.remember_in_file);
    key(TUI_KEY_ENTER);
    const tui_effect *e = find(TUI_FX_LOGIN);
    ck_assert_ptr_nonnull(e);
    ck_assert(e->as.login.remember_in_file);
    lp_result r;
    memset(&r, 0, sizeof r);
    deliver(LP_CALL_LOGIN, st.seq_login, LP_OK, &r, NULL, 100);
    ck_assert_ptr_nonnull(find(TUI_FX_REMEMBER_IN_FILE));
    const tui_effect *learn = find(TUI_FX_LEARN_LOGIN);
    ck_assert_ptr_nonnull(learn);
    ck_assert_str_eq(learn->as.login.email, "me@example.com");
    teardown();
}
END_TEST

START_TEST(esc_on_the_login_screen_quits)
{
    setup_login();
    key(TUI_KEY_ESC);
    ck_assert(st.quit);
    teardown();
}
END_TEST

/* ---- dashboard and shell ------------------------------------------------------------ */

START_TEST(the_dashboard_result_is_shown_and_snapshotted)
{
    setup_main();
    deliver_dashboard(5000);
    ck_assert(st.dashboard_loaded);
    ck_assert_int_eq(st.dashboard.kpis.total_licenses, 12);
    ck_assert_int_eq(st.last_refresh, 5000);
    ck_assert_int_eq(st.pending, 0);
    ck_assert_ptr_nonnull(find(TUI_FX_SAVE_SNAPSHOT));
    teardown();
}
END_TEST

START_TEST(a_stale_result_is_ignored)
{
    setup_main();
    key('r');
    lp_result r;
    memset(&r, 0, sizeof r);
    r.as.dashboard.kpis.total_licenses = 99;
    deliver(LP_CALL_DASHBOARD, st.seq_dashboard - 1, LP_OK, &r, NULL, 10);
    ck_assert(!st.dashboard_loaded);
    teardown();
}
END_TEST

START_TEST(refresh_fetches_the_view_afresh)
{
    setup_main();
    deliver_dashboard(10);
    key('r');
    ck_assert_ptr_nonnull(find(TUI_FX_FETCH_DASHBOARD));
    deliver_dashboard(20);
    ck_assert_int_eq(st.last_refresh, 20);
    key('2');
    key('r');
    const tui_effect *e = find(TUI_FX_FETCH_LICENSES);
    ck_assert_ptr_nonnull(e);
    ck_assert_int_eq(e->as.list.page, 0);
    teardown();
}
END_TEST

static void select_dashboard_item(int item)
{
    key(TUI_KEY_HOME);
    for (int i = 0; i < item; i++)
        key(TUI_KEY_DOWN);
    ck_assert_int_eq(st.dashboard_selected, item);
}

START_TEST(enter_on_total_licenses_opens_every_license)
{
    setup_main();
    deliver_dashboard(10);
    select_dashboard_item(TUI_KPI_TOTAL);
    key(TUI_KEY_ENTER);
    ck_assert_int_eq(st.view, TUI_VIEW_LICENSES);
    const tui_effect *e = find(TUI_FX_FETCH_LICENSES);
    ck_assert_ptr_nonnull(e);
    ck_assert_str_eq(e->as.list.status, "");
    ck_assert_int_eq(e->as.list.expiring_within_days, -1);
    teardown();
}
END_TEST

START_TEST(enter_on_active_licenses_filters_by_status)
{
    setup_main();
    deliver_dashboard(10);
    select_dashboard_item(TUI_KPI_ACTIVE);
    key(TUI_KEY_ENTER);
    const tui_effect *e = find(TUI_FX_FETCH_LICENSES);
    ck_assert_ptr_nonnull(e);
    ck_assert_str_eq(e->as.list.status, "active");
    ck_assert_int_eq(e->as.list.expiring_within_days, -1);
    teardown();
}
END_TEST

START_TEST(enter_on_expiring_soon_filters_by_the_window)
{
    setup_main();
    deliver_dashboard(10);
    select_dashboard_item(TUI_KPI_EXPIRING);
    key(TUI_KEY_ENTER);
    const tui_effect *e = find(TUI_FX_FETCH_LICENSES);
    ck_assert_ptr_nonnull(e);
    ck_assert_str_eq(e->as.list.status, "active");
    ck_assert_int_eq(e->as.list.expiring_within_days, 30);
    teardown();
}
END_TEST

START_TEST(enter_on_activations_in_use_opens_the_activations)
{
    setup_main();
    deliver_dashboard(10);
    select_dashboard_item(TUI_KPI_ACTIVATIONS);
    key(TUI_KEY_ENTER);
    ck_assert_int_eq(st.view, TUI_VIEW_ACTIVATIONS);
    ck_assert_ptr_nonnull(find(TUI_FX_FETCH_ACTIVATIONS));
    teardown();
}
END_TEST

START_TEST(quick_action_keys_open_their_views)
{
    setup_main();
    deliver_dashboard(10);
    key('2');
    ck_assert_int_eq(st.view, TUI_VIEW_LICENSES);
    ck_assert_ptr_nonnull(find(TUI_FX_FETCH_LICENSES));
    key('1');
    key('3');
    ck_assert_int_eq(st.view, TUI_VIEW_ACTIVATIONS);
    ck_assert_ptr_nonnull(find(TUI_FX_FETCH_ACTIVATIONS));
    key('1');
    key('4');
    ck_assert_int_eq(st.view, TUI_VIEW_DOWNLOADS);
    ck_assert_ptr_nonnull(find(TUI_FX_FETCH_DOWNLOADS));
    teardown();
}
END_TEST

START_TEST(quick_actions_open_with_enter_and_with_one_click)
{
    setup_main();
    deliver_dashboard(10);
    select_dashboard_item(TUI_KPI_COUNT + 2);
    key(TUI_KEY_ENTER);
    ck_assert_int_eq(st.view, TUI_VIEW_DOWNLOADS);
    key(TUI_KEY_ESC);
    ck_assert_int_eq(st.view, TUI_VIEW_DOWNLOADS); /* first Esc cancels the fetch */
    ck_assert_ptr_nonnull(find(TUI_FX_CANCEL_REQUESTS));
    st.pending = 0;
    key(TUI_KEY_ESC);
    ck_assert_int_eq(st.view, TUI_VIEW_DASHBOARD);
    deliver_dashboard(11);
    tui_dashboard_geometry g = tui_dashboard_geometry_compute(st.layout.main);
    memset(&fx, 0, sizeof fx);
    tui_event click = {.kind = TUI_EV_CLICK, .y = g.quick[1].y, .x = g.quick[1].x + 1};
    due |= tui_update(&st, &click, &fx);
    ck_assert_int_eq(st.view, TUI_VIEW_ACTIVATIONS);
    teardown();
}
END_TEST

START_TEST(enter_on_a_recent_license_opens_its_detail)
{
    setup_main();
    deliver_dashboard(10);
    select_dashboard_item(TUI_KPI_COUNT + TUI_QUICK_COUNT + 1);
    key(TUI_KEY_ENTER);
    ck_assert_int_eq(st.view, TUI_VIEW_LICENSE_DETAIL);
    const tui_effect *e = find(TUI_FX_FETCH_LICENSE);
    ck_assert_ptr_nonnull(e);
    ck_assert_str_eq(e->as.id, "lic-2");
    teardown();
}
END_TEST

START_TEST(the_selection_stops_at_the_last_recent_row)
{
    setup_main();
    deliver_dashboard(10);
    for (int i = 0; i < 30; i++)
        key('j');
    ck_assert_int_eq(st.dashboard_selected, TUI_KPI_COUNT + TUI_QUICK_COUNT + 1);
    teardown();
}
END_TEST

START_TEST(back_walks_the_back_stack)
{
    setup_main();
    deliver_dashboard(10);
    key('2');
    st.pending = 0;
    key('3');
    st.pending = 0;
    key('4');
    st.pending = 0;
    ck_assert_int_eq(st.back_depth, 3);
    key(TUI_KEY_BACKSPACE);
    ck_assert_int_eq(st.view, TUI_VIEW_ACTIVATIONS);
    ck_assert_ptr_nonnull(find(TUI_FX_FETCH_ACTIVATIONS));
    st.pending = 0;
    key(TUI_KEY_ESC);
    ck_assert_int_eq(st.view, TUI_VIEW_LICENSES);
    st.pending = 0;
    key(TUI_KEY_ESC);
    ck_assert_int_eq(st.view, TUI_VIEW_DASHBOARD);
    ck_assert_ptr_nonnull(find(TUI_FX_FETCH_DASHBOARD));
    st.pending = 0;
    key(TUI_KEY_ESC);
    ck_assert_int_eq(st.view, TUI_VIEW_DASHBOARD);
    ck_assert(!st.quit);
    teardown();
}
END_TEST

START_TEST(esc_cancels_a_running_request_first)
{
    setup_main();
    key(TUI_KEY_ESC);
    ck_assert_ptr_nonnull(find(TUI_FX_CANCEL_REQUESTS));
    lp_error err = error_of(LP_ERR_CANCELLED, "", "cancelled");
    deliver(LP_CALL_DASHBOARD, st.seq_dashboard, LP_ERR_CANCELLED, NULL, &err, 10);
    ck_assert_int_eq(st.pending, 0);
    ck_assert_str_eq(st.message, "Cancelled.");
    teardown();
}
END_TEST

START_TEST(keys_keep_working_while_a_request_runs)
{
    setup_main();
    ck_assert_int_eq(st.pending, 1);
    key('?');
    ck_assert_int_eq(st.modal, TUI_MODAL_HELP);
    key(TUI_KEY_ESC);
    ck_assert_int_eq(st.modal, TUI_MODAL_NONE);
    key('2');
    ck_assert_int_eq(st.view, TUI_VIEW_LICENSES);
    teardown();
}
END_TEST

START_TEST(tab_moves_between_sidebar_and_view)
{
    setup_main();
    deliver_dashboard(10);
    key(TUI_KEY_TAB);
    ck_assert(st.focus_sidebar);
    key('j');
    key('j');
    ck_assert_int_eq(st.sidebar_selected, 2);
    key(TUI_KEY_ENTER);
    ck_assert_int_eq(st.view, TUI_VIEW_ACTIVATIONS);
    ck_assert(!st.focus_sidebar);
    teardown();
}
END_TEST

START_TEST(number_keys_jump_to_views)
{
    setup_main();
    tui_view_id expected[] = {TUI_VIEW_DASHBOARD, TUI_VIEW_LICENSES, TUI_VIEW_ACTIVATIONS,
                              TUI_VIEW_DOWNLOADS};
    for (int i = 3; i >= 0; i--) {
        key('1' + i);
        ck_assert_int_eq(st.view, expected[i]);
    }
    teardown();
}
END_TEST

START_TEST(help_opens_and_closes)
{
    setup_main();
    st.layout = tui_layout_compute(100, 12);
    key('?');
    ck_assert_int_eq(st.modal, TUI_MODAL_HELP);
    key('j');
    ck_assert_int_eq(st.help_scroll, 1);
    /* End shows the last rows and never scrolls into an empty box. */
    key('G');
    ck_assert_int_eq(st.modal, TUI_MODAL_HELP);
    tui_help_row rows[TUI_MAX_HELP_ROWS];
    int count = tui_help_rows(TUI_SCOPE_DASHBOARD, "Dashboard", rows);
    int last = count - tui_help_visible_rows(&st.layout);
    ck_assert_int_eq(st.help_scroll, last);
    key('j');
    key(TUI_KEY_PGDN);
    ck_assert_int_eq(st.help_scroll, last);
    key('g');
    ck_assert_int_eq(st.help_scroll, 0);
    key('k');
    ck_assert_int_eq(st.help_scroll, 0);
    key('q');
    ck_assert_int_eq(st.modal, TUI_MODAL_NONE);
    ck_assert(!st.quit);
    teardown();
}
END_TEST

START_TEST(slash_in_help_narrows_the_actions_and_esc_clears_the_search)
{
    setup_main();
    st.layout = tui_layout_compute(100, 30);
    key('?');
    key('/');
    ck_assert(st.help_searching);
    /* Typed letters are the search, not actions: q does not quit. */
    for (const char *c = "QUIT"; *c; c++)
        key(*c);
    ck_assert_str_eq(st.help_search, "QUIT");
    ck_assert(!st.quit);
    key(TUI_KEY_ENTER);
    ck_assert(!st.help_searching);
    tui_help_row rows[TUI_MAX_HELP_ROWS];
    int n = tui_help_rows_matching(&st.keymap, TUI_SCOPE_DASHBOARD, "Dashboard", st.help_search,
                                   rows);
    /* "quit" by name, "Quit licportal" by help: under their heading, nothing else. */
    ck_assert_int_eq(n, 2);
    ck_assert_int_eq(rows[0].action, TUI_ACTION_NONE);
    ck_assert_int_eq(rows[1].action, TUI_ACTION_QUIT);
    /* By keys: "C-l" is the redraw action's. */
    n = tui_help_rows_matching(&st.keymap, TUI_SCOPE_DASHBOARD, "Dashboard", "c-L", rows);
    ck_assert_int_eq(n, 2);
    ck_assert_int_eq(rows[1].action, TUI_ACTION_REDRAW);
    ck_assert_int_eq(tui_help_rows_matching(&st.keymap, TUI_SCOPE_DASHBOARD, "Dashboard", "zzz",
                                            rows),
                     0);
    /* Backspace edits; Esc clears the search, the overlay stays; Esc again closes it. */
    key('/');
    key('x');
    key(TUI_KEY_BACKSPACE);
    ck_assert_str_eq(st.help_search, "");
    key('q');
    key(TUI_KEY_ESC);
    ck_assert_str_eq(st.help_search, "");
    ck_assert_int_eq(st.modal, TUI_MODAL_HELP);
    key('/');
    key('q');
    key(TUI_KEY_ENTER);
    key(TUI_KEY_ESC);
    ck_assert_str_eq(st.help_search, "");
    ck_assert_int_eq(st.modal, TUI_MODAL_HELP);
    key(TUI_KEY_ESC);
    ck_assert_int_eq(st.modal, TUI_MODAL_NONE);
    teardown();
}
END_TEST

START_TEST(q_quits)
{
    setup_main();
    key('q');
    ck_assert(st.quit);
    teardown();
}
END_TEST

START_TEST(quitting_during_a_download_asks_first)
{
    setup_main();
    st.download_running = true;
    key('q');
    ck_assert(!st.quit);
    ck_assert_int_eq(st.modal, TUI_MODAL_CONFIRM_QUIT);
    key('n');
    ck_assert(!st.quit);
    ck_assert_int_eq(st.modal, TUI_MODAL_NONE);
    key('q');
    key('y');
    ck_assert(st.quit);
    ck_assert_ptr_nonnull(find(TUI_FX_CANCEL_DOWNLOAD));
    teardown();
}
END_TEST

START_TEST(a_finished_download_says_where_it_went)
{
    setup_main();
    st.download_running = true;
    memset(&fx, 0, sizeof fx);
    tui_event progress = {.kind = TUI_EV_DOWNLOAD_PROGRESS,
                          .progress = {.received = 10, .total = 100, .eta_seconds = 3}};
    due |= tui_update(&st, &progress, &fx);
    ck_assert_int_eq(st.download_progress.received, 10);
    tui_event done = {.kind = TUI_EV_DOWNLOAD_DONE,
                      .status = LP_OK,
                      .target = "./a.zip",
                      .progress = {.received = 90, .total = 100}};
    due |= tui_update(&st, &done, &fx);
    ck_assert(!st.download_running);
    ck_assert_int_eq(st.download_progress.received, 100);
    ck_assert_ptr_nonnull(strstr(st.message, "Saved ./a.zip (SHA-256 verified)"));
    lp_error err = error_of(LP_ERR_CHECKSUM, "", "sha256 mismatch: expected a, got b");
    tui_event bad = {.kind = TUI_EV_DOWNLOAD_DONE, .status = LP_ERR_CHECKSUM, .error = &err};
    due |= tui_update(&st, &bad, &fx);
    ck_assert(st.message_is_error);
    ck_assert_ptr_nonnull(strstr(st.message, "sha256 mismatch"));
    teardown();
}
END_TEST

START_TEST(the_prompt_runs_an_action_by_name)
{
    setup_main();
    key(':');
    ck_assert_int_eq(st.modal, TUI_MODAL_PROMPT);
    type("downloads");
    key(TUI_KEY_ENTER);
    ck_assert_int_eq(st.modal, TUI_MODAL_NONE);
    ck_assert_int_eq(st.view, TUI_VIEW_DOWNLOADS);
    key(':');
    type("frobnicate");
    key(TUI_KEY_ENTER);
    ck_assert(st.message_is_error);
    ck_assert_ptr_nonnull(strstr(st.message, "frobnicate"));
    key('j'); /* the next key clears it */
    ck_assert_str_eq(st.message, "");
    teardown();
}
END_TEST

START_TEST(a_rebound_key_drives_the_action)
{
    setup_main();
    char why[64];
    ck_assert(tui_keymap_bind(&st.keymap, "quit", "x", why, sizeof why));
    key('q');
    ck_assert(!st.quit);
    key('x');
    ck_assert(st.quit);
    teardown();
}
END_TEST

START_TEST(too_small_ignores_every_key_but_quit)
{
    setup_main();
    memset(&fx, 0, sizeof fx);
    tui_event resize = {.kind = TUI_EV_RESIZE, .cols = 30, .lines = 8};
    due |= tui_update(&st, &resize, &fx);
    ck_assert(st.layout.too_small);
    key('2');
    key('?');
    key(TUI_KEY_TAB);
    ck_assert_int_eq(st.view, TUI_VIEW_DASHBOARD);
    ck_assert_int_eq(st.modal, TUI_MODAL_NONE);
    ck_assert_int_eq(fx.count, 0);
    key('q');
    ck_assert(st.quit);
    teardown();
}
END_TEST

START_TEST(a_refused_session_goes_back_to_the_login_screen)
{
    setup_main();
    lp_error err = error_of(LP_ERR_AUTH, "invalid_refresh_token", "session refused");
    deliver(LP_CALL_DASHBOARD, st.seq_dashboard, LP_ERR_AUTH, NULL, &err, 10);
    ck_assert_int_eq(st.screen, TUI_SCREEN_LOGIN);
    ck_assert(strlen(st.login.message) > 0);
    ck_assert_str_eq(st.login.email, "me@example.com");
    teardown();
}
END_TEST

START_TEST(a_portal_that_cannot_answer_shows_the_offline_snapshot_too)
{
    setup_main();
    lp_error err = error_of(LP_ERR_SERVER, "unavailable", "the database is not available");
    deliver(LP_CALL_DASHBOARD, st.seq_dashboard, LP_ERR_SERVER, NULL, &err, 10);
    ck_assert_ptr_nonnull(find(TUI_FX_LOAD_SNAPSHOT));
    ck_assert_int_eq(st.pending, 0);
    /* Without a snapshot the dashboard stays empty, and no longer claims to be loading. */
    ck_assert(!st.dashboard_loaded);
    teardown();
}
END_TEST

START_TEST(an_unreachable_server_shows_the_offline_snapshot)
{
    setup_main();
    lp_error err = error_of(LP_ERR_NETWORK, "", "connection refused");
    deliver(LP_CALL_DASHBOARD, st.seq_dashboard, LP_ERR_NETWORK, NULL, &err, 10);
    ck_assert_ptr_nonnull(find(TUI_FX_LOAD_SNAPSHOT));
    lp_dashboard snap;
    memset(&snap, 0, sizeof snap);
    snap.kpis.total_licenses = 3;
    snap.generated_at = 777;
    memset(&fx, 0, sizeof fx);
    tui_event ev = {.kind = TUI_EV_SNAPSHOT, .snapshot = &snap};
    due |= tui_update(&st, &ev, &fx);
    ck_assert(st.offline);
    ck_assert(st.dashboard_loaded);
    ck_assert_int_eq(st.offline_as_of, 777);
    ck_assert_int_eq(st.dashboard.kpis.total_licenses, 3);
    deliver_dashboard(20);
    ck_assert(!st.offline);
    teardown();
}
END_TEST

START_TEST(expiring_kpi_highlight_data_comes_from_the_window)
{
    setup_main();
    deliver_dashboard(10);
    ck_assert_int_eq(st.dashboard.kpis.expiring_soon, 2);
    ck_assert_int_eq(st.dashboard.kpis.expiring_window_days, 30);
    teardown();
}
END_TEST

/* ---- lists ------------------------------------------------------------------------- */

static void deliver_activations(int count, const char *next)
{
    lp_result r;
    memset(&r, 0, sizeof r);
    r.as.activations.items = calloc((size_t)count, sizeof(lp_activation));
    r.as.activations.count = (size_t)count;
    r.as.activations.total = count;
    r.as.activations.next_cursor = next ? strdup(next) : NULL;
    for (int i = 0; i < count; i++) {
        lp_activation *a = &r.as.activations.items[i];
        char id[16];
        snprintf(id, sizeof id, "act-%d", i);
        a->id = strdup(id);
        a->license_id = strdup("lic-1");
        a->license_key_masked = strdup("XXXX-0001");
        a->product.id = strdup("p");
        a->product.name = strdup("Atlas");
        a->name = strdup(i == 1 ? "build-host" : "other");
        a->fingerprint = strdup("f");
        a->kind = LP_ACTIVATION_DEVICE;
    }
    deliver(LP_CALL_ACTIVATIONS, st.seq_list, LP_OK, &r, NULL, 30);
    lp_activation_page_clear(&r.as.activations);
}

START_TEST(deactivating_asks_first_then_removes_the_row_and_decrements_the_kpi)
{
    setup_main();
    deliver_dashboard(10);
    key('3');
    deliver_activations(3, NULL);
    ck_assert_int_eq(tui_pager_count(&st.activations), 3);
    key('j');
    key('d');
    ck_assert_int_eq(st.modal, TUI_MODAL_CONFIRM_DEACTIVATE);
    ck_assert_ptr_nonnull(strstr(st.confirm_label, "build-host"));
    ck_assert_int_eq(fx.count, 0);
    key('n');
    ck_assert_int_eq(st.modal, TUI_MODAL_NONE);
    ck_assert_int_eq(fx.count, 0);
    key(TUI_KEY_DELETE);
    key('y');
    const tui_effect *e = find(TUI_FX_DEACTIVATE);
    ck_assert_ptr_nonnull(e);
    ck_assert_str_eq(e->as.id, "act-1");
    deliver(LP_CALL_DEACTIVATE, st.seq_mutation, LP_OK, NULL, NULL, 40);
    ck_assert_int_eq(tui_pager_count(&st.activations), 2);
    ck_assert_str_eq(((lp_activation *)tui_pager_item(&st.activations, 1))->id, "act-2");
    ck_assert_int_eq(st.dashboard.kpis.activations_in_use, 4);
    ck_assert_int_eq(fx.count, 0); /* no reload */
    teardown();
}
END_TEST

START_TEST(marked_rows_are_deactivated_after_one_question_and_failures_stay_marked)
{
    setup_main();
    deliver_dashboard(10);
    key('3');
    deliver_activations(4, NULL);
    key(' '); /* act-0, then the selection moves on */
    key(' '); /* act-1 */
    key('j'); /* act-3 */
    key(' ');
    ck_assert_uint_eq(st.activations.marked.count, 3);
    key('k');
    key('k');
    key(' '); /* act-1 again: Space on a marked row unmarks it */
    ck_assert_uint_eq(st.activations.marked.count, 2);
    key('k');
    key(' ');
    ck_assert_uint_eq(st.activations.marked.count, 3);
    key('d');
    ck_assert_int_eq(st.modal, TUI_MODAL_CONFIRM_DEACTIVATE);
    ck_assert_ptr_nonnull(strstr(st.confirm_label, "3 activations of 1 license"));
    ck_assert_ptr_nonnull(strstr(st.confirm_label, "\u20260001"));
    ck_assert_int_eq(fx.count, 0);
    key('y');
    const tui_effect *e = find(TUI_FX_DEACTIVATE);
    ck_assert_ptr_nonnull(e);
    char first[sizeof e->as.id];
    snprintf(first, sizeof first, "%s", e->as.id);
    deliver(LP_CALL_DEACTIVATE, st.seq_mutation, LP_OK, NULL, NULL, 40);
    e = find(TUI_FX_DEACTIVATE);
    ck_assert_ptr_nonnull(e);
    ck_assert_str_ne(e->as.id, first);
    lp_error err;
    lp_error_clear(&err);
    err.status = LP_ERR_FORBIDDEN;
    snprintf(err.code, sizeof err.code, "deactivation_not_allowed");
    snprintf(err.message, sizeof err.message, "not allowed");
    deliver(LP_CALL_DEACTIVATE, st.seq_mutation, LP_ERR_FORBIDDEN, NULL, &err, 41);
    ck_assert_ptr_nonnull(strstr(st.message, "Not deactivated"));
    e = find(TUI_FX_DEACTIVATE);
    ck_assert_ptr_nonnull(e); /* the rest goes on */
    deliver(LP_CALL_DEACTIVATE, st.seq_mutation, LP_OK, NULL, NULL, 42);
    ck_assert(!st.bulk_running);
    ck_assert_int_eq(fx.count, 0);
    ck_assert_uint_eq(st.activations.marked.count, 1); /* the failed one */
    ck_assert_int_eq(tui_pager_count(&st.activations), 2);
    ck_assert_ptr_nonnull(strstr(st.message, "Deactivated 2; 1 failed"));
    ck_assert_int_eq(st.dashboard.kpis.activations_in_use, 3);
    /* Each failure is in the log, whole. */
    bool logged = false;
    for (int i = 0; i < st.log.count; i++)
        logged = logged || strstr(tui_message_log_at(&st.log, i)->text, "self-service");
    ck_assert(logged);
    teardown();
}
END_TEST

START_TEST(read_only_refuses_every_change)
{
    setup_main();
    st.read_only = true;
    deliver_dashboard(10);
    key('3');
    deliver_activations(3, NULL);
    key('d');
    ck_assert_int_eq(st.modal, TUI_MODAL_NONE);
    ck_assert_ptr_nonnull(strstr(st.message, "Read-only"));
    key(' ');
    key('d');
    ck_assert_int_eq(st.modal, TUI_MODAL_NONE);
    ck_assert_ptr_null(find(TUI_FX_DEACTIVATE));
    teardown();
}
END_TEST

START_TEST(star_marks_every_loaded_row_and_again_none)
{
    setup_main();
    deliver_dashboard(10);
    key('3');
    deliver_activations(3, NULL);
    key('*');
    ck_assert_uint_eq(st.activations.marked.count, 3);
    key('*');
    ck_assert_uint_eq(st.activations.marked.count, 0);
    teardown();
}
END_TEST

START_TEST(a_refused_deactivation_changes_nothing)
{
    setup_main();
    deliver_dashboard(10);
    key('3');
    deliver_activations(3, NULL);
    key('d');
    key('y');
    lp_error err = error_of(LP_ERR_FORBIDDEN, "deactivation_not_allowed", "not allowed");
    deliver(LP_CALL_DEACTIVATE, st.seq_mutation, LP_ERR_FORBIDDEN, NULL, &err, 40);
    ck_assert_int_eq(tui_pager_count(&st.activations), 3);
    ck_assert_int_eq(st.dashboard.kpis.activations_in_use, 5);
    ck_assert(st.message_is_error);
    ck_assert_ptr_nonnull(strstr(st.message, "does not allow"));
    teardown();
}
END_TEST

START_TEST(the_license_list_asks_for_the_next_page_as_the_cursor_moves)
{
    setup_main();
    key('2');
    lp_result r;
    memset(&r, 0, sizeof r);
    r.as.licenses.items = calloc(TUI_PAGE_SIZE, sizeof(lp_license_summary));
    r.as.licenses.count = TUI_PAGE_SIZE;
    r.as.licenses.total = 1000;
    r.as.licenses.next_cursor = strdup("next-1");
    for (int i = 0; i < TUI_PAGE_SIZE; i++)
        r.as.licenses.items[i] = license("l", "Atlas");
    deliver(LP_CALL_LICENSES, st.seq_list, LP_OK, &r, NULL, 30);
    lp_license_page_clear(&r.as.licenses);
    ck_assert_ptr_null(find(TUI_FX_FETCH_LICENSES));
    bool asked = false;
    for (int i = 0; i < TUI_PAGE_SIZE && !asked; i++) {
        key(TUI_KEY_DOWN);
        const tui_effect *e = find(TUI_FX_FETCH_LICENSES);
        if (e) {
            asked = true;
            ck_assert_str_eq(e->as.list.cursor, "next-1");
            ck_assert_int_eq(e->as.list.page, 1);
        }
    }
    ck_assert(asked);
    teardown();
}
END_TEST

static void deliver_licenses(int first, int step, long total, const char *next)
{
    lp_result r;
    memset(&r, 0, sizeof r);
    r.as.licenses.items = calloc(TUI_PAGE_SIZE, sizeof(lp_license_summary));
    r.as.licenses.count = TUI_PAGE_SIZE;
    r.as.licenses.total = (uint64_t)total;
    r.as.licenses.next_cursor = next ? strdup(next) : NULL;
    for (int i = 0; i < TUI_PAGE_SIZE; i++) {
        char id[32];
        snprintf(id, sizeof id, "lic-%d", first + i * step);
        r.as.licenses.items[i] = license(id, "Atlas");
    }
    deliver(LP_CALL_LICENSES, st.seq_list, LP_OK, &r, NULL, 30);
    lp_license_page_clear(&r.as.licenses);
}

/* What a paint leaves behind. */
static void painted(void)
{
    due = TUI_REACT_NONE;
}

/* Moves down until the next page is asked for; true when it was. */
static bool move_until_next_page_is_asked_for(void)
{
    for (int i = 0; i < TUI_PAGE_SIZE; i++) {
        key(TUI_KEY_DOWN);
        painted();
        if (find(TUI_FX_FETCH_LICENSES))
            return true;
    }
    return false;
}

START_TEST(a_page_for_rows_off_screen_repaints_only_the_bars)
{
    setup_main();
    key('2');
    deliver_licenses(0, 1, 1000, "next-1");
    ck_assert(due & TUI_REACT_REDRAW);
    painted();
    ck_assert(move_until_next_page_is_asked_for());
    /* The spinner turns in the status bar alone. */
    tui_event tick = {.kind = TUI_EV_TICK, .now = 30};
    memset(&fx, 0, sizeof fx);
    due |= tui_update(&st, &tick, &fx);
    ck_assert(due & TUI_REACT_REDRAW_BARS);
    ck_assert(!(due & TUI_REACT_REDRAW));
    painted();
    /* Every row on screen is from page 0: page 1 changes the bars only. */
    int pending = st.pending;
    deliver_licenses(TUI_PAGE_SIZE, 1, 1000, "next-2");
    ck_assert_ptr_nonnull(tui_pager_item(&st.licenses, TUI_PAGE_SIZE));
    ck_assert_int_eq(st.pending, pending - 1);
    ck_assert(due & TUI_REACT_REDRAW_BARS);
    ck_assert(!(due & TUI_REACT_REDRAW));
    teardown();
}
END_TEST

START_TEST(a_page_for_rows_on_screen_or_before_a_paint_repaints_everything)
{
    setup_main();
    key('2');
    deliver_licenses(0, 1, 1000, "next-1");
    painted();
    ck_assert(move_until_next_page_is_asked_for());
    /* The selection goes past the loaded rows while page 1 is on its way. */
    key(TUI_KEY_PGDN);
    key(TUI_KEY_PGDN);
    ck_assert_ptr_null(tui_pager_row(&st.licenses, st.licenses.selected));
    painted();
    deliver_licenses(TUI_PAGE_SIZE, 1, 1000, "next-2");
    ck_assert_ptr_nonnull(tui_pager_row(&st.licenses, st.licenses.selected));
    ck_assert(due & TUI_REACT_REDRAW);
    teardown();

    /* A key not painted yet keeps the whole frame due. */
    setup_main();
    key('2');
    deliver_licenses(0, 1, 1000, "next-1");
    painted();
    ck_assert(move_until_next_page_is_asked_for());
    key(TUI_KEY_DOWN);
    deliver_licenses(TUI_PAGE_SIZE, 1, 1000, "next-2");
    ck_assert(due & TUI_REACT_REDRAW);
    teardown();
}
END_TEST

START_TEST(end_asks_for_the_last_page_in_the_reversed_sort_and_home_for_the_first)
{
    setup_main();
    key('2');
    const long total = 100000;
    deliver_licenses(0, 1, total, "next-1");
    key(TUI_KEY_END);
    const tui_effect *e = find(TUI_FX_FETCH_LICENSES);
    ck_assert_ptr_nonnull(e);
    ck_assert_str_eq(e->as.list.sort, "added_at"); /* the list is shown in -added_at */
    ck_assert_str_eq(e->as.list.cursor, "");
    ck_assert_int_eq(e->as.list.page, 0);
    ck_assert_int_eq(st.licenses.selected, total - 1);
    deliver_licenses((int)total - 1, -1, total, "back-1");
    lp_license_summary *l = tui_pager_item(&st.licenses, total - 1);
    ck_assert_ptr_nonnull(l);
    ck_assert_str_eq(l->id, "lic-99999");
    ck_assert_str_eq(
        ((lp_license_summary *)tui_pager_item(&st.licenses, total - TUI_PAGE_SIZE))->id,
        "lic-99800");
    /* Up from the end continues in the reversed sort. */
    bool asked = false;
    for (int i = 0; i < TUI_PAGE_SIZE && !asked; i++) {
        key(TUI_KEY_UP);
        e = find(TUI_FX_FETCH_LICENSES);
        if (e) {
            asked = true;
            ck_assert_str_eq(e->as.list.cursor, "back-1");
            ck_assert_str_eq(e->as.list.sort, "added_at");
        }
    }
    ck_assert(asked);
    key(TUI_KEY_HOME);
    ck_assert_int_eq(st.licenses.selected, 0);
    e = find(TUI_FX_FETCH_LICENSES);
    ck_assert_ptr_nonnull(e);
    ck_assert_str_eq(e->as.list.sort, "-added_at");
    ck_assert_str_eq(e->as.list.cursor, "");
    teardown();
}
END_TEST

START_TEST(server_text_of_lists_and_the_dashboard_is_sanitised_as_it_arrives)
{
    setup_main();
    lp_result r;
    memset(&r, 0, sizeof r);
    r.as.dashboard.recent[0] = license("lic-1", "Evil\x1b]52;c;eA==\x07");
    r.as.dashboard.recent_count = 1;
    deliver(LP_CALL_DASHBOARD, st.seq_dashboard, LP_OK, &r, NULL, 10);
    lp_dashboard_clear(&r.as.dashboard);
    ck_assert_ptr_nonnull(strstr(tui_clean_row_cell(&st.recent_rows[0], 1), "Evil"));
    ck_assert_ptr_null(strchr(tui_clean_row_cell(&st.recent_rows[0], 1), 0x1b));
    key('2');
    memset(&r, 0, sizeof r);
    r.as.licenses.items = calloc(1, sizeof(lp_license_summary));
    r.as.licenses.count = 1;
    r.as.licenses.total = 1;
    r.as.licenses.items[0] = license("lic-1", "Bad\x1b[2Jname\u202e");
    deliver(LP_CALL_LICENSES, st.seq_list, LP_OK, &r, NULL, 30);
    lp_license_page_clear(&r.as.licenses);
    const tui_clean_row *row = tui_pager_row(&st.licenses, 0);
    ck_assert_ptr_nonnull(row);
    ck_assert_ptr_nonnull(strstr(tui_clean_row_cell(row, 1), "Bad"));
    ck_assert_ptr_null(strchr(tui_clean_row_cell(row, 1), 0x1b));
    ck_assert_ptr_null(strstr(tui_clean_row_cell(row, 1), "\u202e"));
    ck_assert_str_eq(tui_clean_row_cell(row, 3), "active");
    teardown();
}
END_TEST

START_TEST(end_in_status_order_reads_the_reversed_status_order)
{
    setup_main();
    key('2');
    st.license_filter.order.sort = tui_license_sort_count - 2; /* "status" */
    ck_assert_str_eq(tui_license_sorts[st.license_filter.order.sort], "status");
    deliver_licenses(0, 1, 100000, "next-1");
    key(TUI_KEY_END);
    const tui_effect *e = find(TUI_FX_FETCH_LICENSES);
    ck_assert_ptr_nonnull(e);
    ck_assert_str_eq(e->as.list.sort, "-status");
    ck_assert_str_eq(e->as.list.cursor, "");
    ck_assert(st.licenses.from_end);
    teardown();
}
END_TEST

START_TEST(status_and_sort_cycles_refetch_with_the_new_filter)
{
    setup_main();
    key('2');
    key('s');
    const tui_effect *e = find(TUI_FX_FETCH_LICENSES);
    ck_assert_ptr_nonnull(e);
    ck_assert_str_eq(e->as.list.status, "active");
    key('o');
    e = find(TUI_FX_FETCH_LICENSES);
    ck_assert_ptr_nonnull(e);
    ck_assert_str_eq(e->as.list.sort, "added_at");
    key('/');
    type("atl");
    key(TUI_KEY_ENTER);
    e = find(TUI_FX_FETCH_LICENSES);
    ck_assert_ptr_nonnull(e);
    ck_assert_str_eq(e->as.list.q, "atl");
    ck_assert_str_eq(e->as.list.status, "active");
    teardown();
}
END_TEST

START_TEST(a_license_detail_opens_the_activations_of_that_license)
{
    setup_main();
    deliver_dashboard(10);
    select_dashboard_item(TUI_KPI_COUNT + TUI_QUICK_COUNT);
    key(TUI_KEY_ENTER);
    ck_assert_int_eq(st.view, TUI_VIEW_LICENSE_DETAIL);
    key('a');
    ck_assert_int_eq(st.view, TUI_VIEW_ACTIVATIONS);
    const tui_effect *e = find(TUI_FX_FETCH_ACTIVATIONS);
    ck_assert_ptr_nonnull(e);
    ck_assert_str_eq(e->as.list.license_id, "lic-1");
    key('3');
    e = find(TUI_FX_FETCH_ACTIVATIONS);
    ck_assert_ptr_nonnull(e);
    ck_assert_str_eq(e->as.list.license_id, "");
    teardown();
}
END_TEST

START_TEST(download_filters_cycle_and_refetch)
{
    setup_main();
    key('4');
    key('c');
    const tui_effect *e = find(TUI_FX_FETCH_DOWNLOADS);
    ck_assert_ptr_nonnull(e);
    ck_assert_str_eq(e->as.list.channel, "stable");
    key('p');
    e = find(TUI_FX_FETCH_DOWNLOADS);
    ck_assert_ptr_nonnull(e);
    ck_assert_str_eq(e->as.list.channel, "stable");
    ck_assert_str_eq(e->as.list.platform, "linux");
    key('c');
    key('c');
    e = find(TUI_FX_FETCH_DOWNLOADS);
    ck_assert_str_eq(e->as.list.channel, "");
    /* The platform cycle is "all" and then every platform the contract names. */
    for (size_t i = 1; i < lp_download_platforms.count; i++) {
        key('p');
        ck_assert_str_eq(find(TUI_FX_FETCH_DOWNLOADS)->as.list.platform,
                         lp_download_platforms.names[i]);
    }
    key('p');
    ck_assert_str_eq(find(TUI_FX_FETCH_DOWNLOADS)->as.list.platform, "");
    teardown();
}
END_TEST

static void open_detail_with_renewals(void)
{
    setup_main();
    deliver_dashboard(10);
    select_dashboard_item(TUI_KPI_COUNT + TUI_QUICK_COUNT);
    key(TUI_KEY_ENTER);
    lp_result r;
    memset(&r, 0, sizeof r);
    r.as.license.summary = license("lic-1", "Atlas");
    r.as.license.renewable = true;
    r.as.license.renewal_options = calloc(2, sizeof(lp_renewal_option));
    r.as.license.renewal_option_count = 2;
    for (int i = 0; i < 2; i++) {
        lp_renewal_option *o = &r.as.license.renewal_options[i];
        o->id = strdup(i ? "ren-2" : "ren-1");
        o->label = strdup(i ? "2 years" : "1 year");
        o->checkout_url = strdup(i ? "https://shop.example/2" : "https://shop.example/1");
        o->term_months = i ? 24 : 12;
    }
    deliver(LP_CALL_LICENSE, st.seq_detail, LP_OK, &r, NULL, 20);
    lp_license_detail_clear(&r.as.license);
    ck_assert(st.detail_loaded);
}

START_TEST(a_detail_scrolls_to_its_last_line_and_no_further)
{
    open_detail_with_renewals();
    /* 8 fields, blank, Features (none), blank, Renewal, 2 x 2 option lines, the keys. */
    int lines = tui_license_detail_lines(&st);
    ck_assert_int_eq(lines, 17);
    st.layout = tui_layout_compute(60, 12);
    int max = lines - tui_detail_visible_lines(&st);
    ck_assert_int_gt(max, 0);
    key('G');
    ck_assert_int_eq(st.detail_scroll, max);
    due = TUI_REACT_NONE;
    key('j');
    ck_assert_int_eq(st.detail_scroll, max);
    ck_assert_int_eq(due, TUI_REACT_NONE); /* nothing moved, nothing to draw */
    key('k');
    ck_assert_int_eq(st.detail_scroll, max - 1);
    key('g');
    ck_assert_int_eq(st.detail_scroll, 0);
    key('k');
    ck_assert_int_eq(st.detail_scroll, 0);
    /* Grown taller than the detail: the scroll shown is 0, and a key starts from there. */
    key('G');
    st.layout = tui_layout_compute(60, 40);
    ck_assert_int_eq(tui_detail_scroll_shown(&st, lines), 0);
    key('j');
    ck_assert_int_eq(st.detail_scroll, 0);
    teardown();
}
END_TEST

START_TEST(a_download_detail_counts_its_wrapped_notes)
{
    setup_main();
    st.download_detail_loaded = true;
    st.download_detail.id = strdup("rel_1");
    st.download_detail.filename = strdup("atlas.tar.gz");
    snprintf(st.download_detail.sha256, sizeof st.download_detail.sha256, "%s",
             "e63311956b664ad2e9c1a1496f463bc28ac7af192c6615951e477f788c4ad8e9");
    st.download_detail.release_notes = strdup("one two three four five six seven eight nine ten");
    st.view = TUI_VIEW_DOWNLOAD_DETAIL;
    /* Wide: the digest on one line, the notes on one. */
    st.layout = tui_layout_compute(200, 50);
    ck_assert_int_eq(tui_download_detail_lines(&st), 6 + 1 + 1 + 2 + 1 + 1);
    /* Narrow: the digest in halves, the notes wrapped by words. */
    st.layout = tui_layout_compute(40, 20);
    int width = st.layout.main.w - 3;
    int notes = tui_wrap_count(st.download_detail.release_notes, width);
    ck_assert_int_gt(notes, 1);
    ck_assert_int_eq(tui_download_detail_lines(&st), 6 + 2 + 1 + 2 + 1 + notes);
    teardown();
}
END_TEST

START_TEST(wrapping_keeps_words_whole_unless_one_is_too_long)
{
    ck_assert_int_eq(tui_wrap_count("", 10), 0);
    ck_assert_int_eq(tui_wrap_count("abc def", 10), 1);
    ck_assert_int_eq(tui_wrap_count("abc def", 5), 2);
    ck_assert_int_eq(tui_wrap_count("abcdefghij", 4), 3); /* cut where one word is the line */
    ck_assert_int_eq(tui_wrap_count("abc", 0), 0);
    size_t at = 0, from, len;
    const char *text = "alpha beta gamma";
    ck_assert(tui_wrap_next(text, strlen(text), &at, 12, &from, &len));
    ck_assert_int_eq((int)from, 0);
    ck_assert_int_eq((int)len, 11); /* up to the space before gamma */
    ck_assert(tui_wrap_next(text, strlen(text), &at, 12, &from, &len));
    ck_assert_int_eq((int)from, 11);
    ck_assert_int_eq((int)len, 5);
    ck_assert(!tui_wrap_next(text, strlen(text), &at, 12, &from, &len));
}
END_TEST

START_TEST(renewal_urls_are_copied_and_shown_as_qr_codes)
{
    open_detail_with_renewals();
    key('y');
    const tui_effect *e = find(TUI_FX_COPY);
    ck_assert_ptr_nonnull(e);
    ck_assert_str_eq(e->as.text, "https://shop.example/1");
    key('n');
    key('y');
    e = find(TUI_FX_COPY);
    ck_assert_str_eq(e->as.text, "https://shop.example/2");
    ck_assert_str_eq(tui_selected_renewal(&st)->id, "ren-2");
    key('Q');
    ck_assert_int_eq(st.modal, TUI_MODAL_QR);
    key('x');
    ck_assert_int_eq(st.modal, TUI_MODAL_NONE);
    teardown();
}
END_TEST

START_TEST(the_key_is_copied_only_once_revealed)
{
    open_detail_with_renewals();
    key('Y');
    ck_assert_ptr_null(find(TUI_FX_COPY));
    ck_assert(st.message_is_error);
    key('v');
    const tui_effect *e = find(TUI_FX_REVEAL_KEY);
    ck_assert_ptr_nonnull(e);
    ck_assert_str_eq(e->as.id, "lic-1");
    lp_result r;
    memset(&r, 0, sizeof r);
    r.as.revealed_key = strdup("ABCD-1234-EF56-0001");
    deliver(LP_CALL_REVEAL_KEY, st.seq_mutation, LP_OK, &r, NULL, 30);
    free(r.as.revealed_key);
    ck_assert_str_eq(st.revealed_key, "ABCD-1234-EF56-0001");
    key('Y');
    e = find(TUI_FX_COPY);
    ck_assert_ptr_nonnull(e);
    ck_assert_str_eq(e->as.text, "ABCD-1234-EF56-0001");
    /* Leaving the detail forgets the full key. */
    key(TUI_KEY_ESC);
    ck_assert_int_eq(st.view, TUI_VIEW_DASHBOARD);
    key(TUI_KEY_HOME);
    select_dashboard_item(TUI_KPI_COUNT + TUI_QUICK_COUNT);
    key(TUI_KEY_ENTER);
    ck_assert_ptr_null(st.revealed_key);
    teardown();
}
END_TEST

/* ---- offline activation ------------------------------------------------------------ */

static void deliver_offline(int seq, lp_status status, lp_result *result, const lp_error *err,
                            const char *target)
{
    memset(&fx, 0, sizeof fx);
    tui_event ev = {.kind = TUI_EV_RESULT,
                    .call_kind = LP_CALL_OFFLINE_ACTIVATION,
                    .seq = seq,
                    .status = status,
                    .result = result,
                    .error = err,
                    .target = target,
                    .now = 40};
    due |= tui_update(&st, &ev, &fx);
}

static lp_result offline_answer(void)
{
    lp_result r;
    memset(&r, 0, sizeof r);
    r.kind = LP_CALL_OFFLINE_ACTIVATION;
    r.as.offline.activation.id = strdup("act-9");
    r.as.offline.activation.license_id = strdup("lic-1");
    r.as.offline.activation.name = strdup("vault-3");
    r.as.offline.license_file = strdup("{\"format\":\"licportal-license\"}\n");
    return r;
}

static const char *last_logged(void)
{
    const tui_logged_message *m = tui_message_log_at(&st.log, st.log.count - 1);
    return m ? m->text : "";
}

START_TEST(activating_offline_asks_for_the_request_and_sends_the_license_file_beside_it)
{
    open_detail_with_renewals();
    key('A');
    ck_assert_int_eq(st.modal, TUI_MODAL_OFFLINE_REQUEST);
    ck_assert_str_eq(st.prompt, "");
    type("/srv/airgap/vault-3.json");
    key(TUI_KEY_ENTER);
    ck_assert_int_eq(st.modal, TUI_MODAL_NONE);
    const tui_effect *e = find(TUI_FX_ACTIVATE_OFFLINE);
    ck_assert_ptr_nonnull(e);
    ck_assert_str_eq(e->as.offline.license_id, "lic-1");
    ck_assert_str_eq(e->as.offline.request_path, "/srv/airgap/vault-3.json");
    ck_assert_str_eq(e->as.offline.license_path, "/srv/airgap/vault-3.license");
    ck_assert_int_eq(e->seq, st.seq_mutation);
    ck_assert_int_eq(st.pending, 1);
    /* One at a time: the file's path travels with the call in flight. */
    key('A');
    ck_assert_int_eq(st.modal, TUI_MODAL_NONE);
    ck_assert_ptr_nonnull(strstr(st.message, "is running"));
    /* Esc while it runs cancels, and says the seat may be taken already. */
    key(TUI_KEY_ESC);
    ck_assert_ptr_nonnull(find(TUI_FX_CANCEL_REQUESTS));
    ck_assert_ptr_nonnull(strstr(st.message, "may have activated the machine already"));
    lp_error err = error_of(LP_ERR_NETWORK, "", "connection refused");
    deliver_offline(st.seq_mutation, LP_ERR_NETWORK, NULL, &err, NULL);
    ck_assert_ptr_nonnull(strstr(st.message, "connection refused"));
    /* Esc leaves the prompt without activating. */
    key('A');
    type("x.json");
    key(TUI_KEY_ESC);
    ck_assert_int_eq(st.modal, TUI_MODAL_NONE);
    ck_assert_ptr_null(find(TUI_FX_ACTIVATE_OFFLINE));
    teardown();
}
END_TEST

START_TEST(the_prompt_line_runs_activate_offline_too)
{
    open_detail_with_renewals();
    key(':');
    type("activate-offline");
    key(TUI_KEY_ENTER);
    ck_assert_int_eq(st.modal, TUI_MODAL_OFFLINE_REQUEST);
    type("req");
    key(TUI_KEY_ENTER);
    const tui_effect *e = find(TUI_FX_ACTIVATE_OFFLINE);
    ck_assert_ptr_nonnull(e);
    ck_assert_str_eq(e->as.offline.license_path, "req.license");
    teardown();
}
END_TEST

START_TEST(an_offline_activation_counts_at_once_and_says_where_the_file_went)
{
    open_detail_with_renewals();
    int64_t kpi = st.dashboard.kpis.activations_in_use;
    int64_t seats = st.detail.summary.activations_in_use;
    key('A');
    type("vault-3.json");
    key(TUI_KEY_ENTER);
    lp_result r = offline_answer();
    deliver_offline(st.seq_mutation, LP_OK, &r, NULL, "vault-3.license");
    ck_assert_ptr_null(r.as.offline.license_file);
    lp_offline_activation_clear(&r.as.offline);
    ck_assert_int_eq(st.dashboard.kpis.activations_in_use, kpi + 1);
    ck_assert_int_eq(st.detail.summary.activations_in_use, seats + 1);
    ck_assert(!st.message_is_error);
    ck_assert_ptr_nonnull(strstr(st.message, "vault-3.license"));
    ck_assert_ptr_nonnull(strstr(st.message, "act-9"));
    ck_assert_ptr_nonnull(strstr(last_logged(), "vault-3.license"));
    /* Kept for its QR code; Q still shows the renewal's URL. */
    ck_assert_str_eq(st.license_file, "{\"format\":\"licportal-license\"}\n");
    key('F');
    ck_assert_int_eq(st.modal, TUI_MODAL_QR);
    ck_assert(st.qr_of_license_file);
    key('x');
    key('Q');
    ck_assert_int_eq(st.modal, TUI_MODAL_QR);
    ck_assert(!st.qr_of_license_file);
    key('x');
    /* The activations list is asked for afresh, the new row with it. */
    key('a');
    ck_assert_int_eq(st.view, TUI_VIEW_ACTIVATIONS);
    const tui_effect *e = find(TUI_FX_FETCH_ACTIVATIONS);
    ck_assert_ptr_nonnull(e);
    ck_assert_str_eq(e->as.list.license_id, "lic-1");
    ck_assert_str_eq(e->as.list.cursor, "");
    teardown();
}
END_TEST

START_TEST(an_activation_whose_file_could_not_be_written_says_so_and_still_counts)
{
    open_detail_with_renewals();
    int64_t kpi = st.dashboard.kpis.activations_in_use;
    key('A');
    type("vault-3.json");
    key(TUI_KEY_ENTER);
    lp_result r = offline_answer();
    lp_error err = error_of(LP_ERR_IO, "",
                            "vault-3.license appeared meanwhile and is not overwritten");
    deliver_offline(st.seq_mutation, LP_OK, &r, &err, NULL);
    lp_offline_activation_clear(&r.as.offline);
    ck_assert_int_eq(st.dashboard.kpis.activations_in_use, kpi + 1);
    ck_assert(st.message_is_error);
    ck_assert_ptr_nonnull(strstr(st.message, "not written"));
    ck_assert_ptr_nonnull(strstr(st.message, "not overwritten"));
    /* Its only copy is on screen: F shows it. */
    ck_assert_ptr_nonnull(strstr(st.message, "F shows it as a QR code"));
    ck_assert_ptr_nonnull(st.license_file);
    key('F');
    ck_assert_int_eq(st.modal, TUI_MODAL_QR);
    teardown();
}
END_TEST

static const struct {
    lp_status status;
    const char *code;
    const char *message;
    const char *said;
} offline_refusals[] = {
    {LP_ERR_BAD_REQUEST, "seats_exhausted", "All seats are in use.", "every seat"},
    {LP_ERR_BAD_REQUEST, "request_replayed", "Replayed.", "licportal offline-request"},
    {LP_ERR_FORBIDDEN, "offline_activation_not_allowed", "No.", "does not allow offline"},
    {LP_ERR_IO, "", "cannot read vault-3.json: Permission denied", "cannot read vault-3.json"},
    {LP_ERR_USAGE, "", "vault-3.json is not a machine request (a JSON object)",
     "is not a machine request"},
    {LP_ERR_IO, "", "vault-3.license exists already; move it away first", "exists already"},
};

START_TEST(a_refused_offline_activation_is_one_clear_message_kept_in_the_log)
{
    open_detail_with_renewals();
    int64_t kpi = st.dashboard.kpis.activations_in_use;
    key('A');
    type("vault-3.json");
    key(TUI_KEY_ENTER);
    lp_error err = error_of(offline_refusals[_i].status, offline_refusals[_i].code,
                            offline_refusals[_i].message);
    deliver_offline(st.seq_mutation, offline_refusals[_i].status, NULL, &err, NULL);
    ck_assert(st.message_is_error);
    ck_assert_msg(strstr(st.message, offline_refusals[_i].said), "%s", st.message);
    ck_assert_ptr_nonnull(strstr(st.message, "Not activated"));
    ck_assert_str_eq(last_logged(), st.message);
    ck_assert_int_eq(st.dashboard.kpis.activations_in_use, kpi);
    ck_assert_int_eq(st.view, TUI_VIEW_LICENSE_DETAIL);
    teardown();
}
END_TEST

START_TEST(the_activations_list_shown_when_the_answer_comes_is_asked_for_afresh)
{
    open_detail_with_renewals();
    key('A');
    type("vault-3.json");
    key(TUI_KEY_ENTER);
    key('a');
    ck_assert_int_eq(st.view, TUI_VIEW_ACTIVATIONS);
    lp_result r = offline_answer();
    deliver_offline(st.seq_mutation, LP_OK, &r, NULL, "vault-3.license");
    lp_offline_activation_clear(&r.as.offline);
    const tui_effect *e = find(TUI_FX_FETCH_ACTIVATIONS);
    ck_assert_ptr_nonnull(e);
    ck_assert_str_eq(e->as.list.license_id, "lic-1");
    teardown();
}
END_TEST

START_TEST(the_license_file_qr_code_needs_an_activation_first)
{
    open_detail_with_renewals();
    key('F');
    ck_assert_int_eq(st.modal, TUI_MODAL_NONE);
    ck_assert(st.message_is_error);
    ck_assert_ptr_nonnull(strstr(st.message, "No license file yet"));
    teardown();
}
END_TEST

START_TEST(read_only_refuses_offline_activation)
{
    open_detail_with_renewals();
    st.read_only = true;
    key('A');
    ck_assert_int_eq(st.modal, TUI_MODAL_NONE);
    ck_assert_ptr_nonnull(strstr(st.message, "Read-only"));
    ck_assert_ptr_null(find(TUI_FX_ACTIVATE_OFFLINE));
    teardown();
}
END_TEST

static void tick(void)
{
    memset(&fx, 0, sizeof fx);
    tui_event ev = {.kind = TUI_EV_TICK, .now = 1000};
    due |= tui_update(&st, &ev, &fx);
}

START_TEST(ctrl_l_repaints_everything_and_ctrl_z_suspends)
{
    setup_main();
    due = TUI_REACT_NONE;
    key(12); /* Ctrl-L */
    ck_assert(due & TUI_REACT_REPAINT);
    ck_assert(due & TUI_REACT_REDRAW);
    due = TUI_REACT_NONE;
    key(26); /* Ctrl-Z */
    ck_assert(due & TUI_REACT_SUSPEND);
    ck_assert(!st.quit);
    teardown();
}
END_TEST

START_TEST(the_filter_asks_as_you_type_once_typing_pauses_and_esc_clears_it)
{
    setup_main();
    deliver_dashboard(10);
    key('3'); /* activations: every list filters */
    deliver_activations(3, NULL);
    key('/');
    ck_assert_int_eq(st.modal, TUI_MODAL_FILTER);
    type("bui");
    ck_assert_ptr_null(find(TUI_FX_FETCH_ACTIVATIONS));
    tick();
    ck_assert_ptr_null(find(TUI_FX_FETCH_ACTIVATIONS)); /* still typing */
    tick();
    const tui_effect *e = find(TUI_FX_FETCH_ACTIVATIONS);
    ck_assert_ptr_nonnull(e);
    ck_assert_str_eq(e->as.list.q, "bui");
    ck_assert_int_eq(st.modal, TUI_MODAL_FILTER);
    tick();
    ck_assert_ptr_null(find(TUI_FX_FETCH_ACTIVATIONS)); /* asked once */
    key(TUI_KEY_ESC);
    ck_assert_int_eq(st.modal, TUI_MODAL_NONE);
    e = find(TUI_FX_FETCH_ACTIVATIONS);
    ck_assert_ptr_nonnull(e);
    ck_assert_str_eq(e->as.list.q, "");
    teardown();
}
END_TEST

START_TEST(every_list_sorts_by_the_apis_keys_and_reverses)
{
    setup_main();
    deliver_dashboard(10);
    key('3');
    key('o');
    const tui_effect *e = find(TUI_FX_FETCH_ACTIVATIONS);
    ck_assert_ptr_nonnull(e);
    ck_assert_str_eq(e->as.list.sort, "activated_at");
    key('o');
    ck_assert_str_eq(find(TUI_FX_FETCH_ACTIVATIONS)->as.list.sort, "name");
    key('O');
    ck_assert_str_eq(find(TUI_FX_FETCH_ACTIVATIONS)->as.list.sort, "-name");
    key('O');
    ck_assert_str_eq(find(TUI_FX_FETCH_ACTIVATIONS)->as.list.sort, "name");
    key('4');
    key('O');
    ck_assert_str_eq(find(TUI_FX_FETCH_DOWNLOADS)->as.list.sort, "released_at");
    /* The licenses' status order reverses too. */
    key('2');
    for (int i = 0; i < tui_license_sort_count; i++)
        if (strcmp(tui_license_sorts[st.license_filter.order.sort], "status") != 0)
            key('o');
    key('O');
    ck_assert_str_eq(find(TUI_FX_FETCH_LICENSES)->as.list.sort, "-status");
    teardown();
}
END_TEST

START_TEST(every_message_is_kept_whole_with_its_time_the_oldest_going_first)
{
    setup_main();
    lp_error err;
    lp_error_clear(&err);
    err.status = LP_ERR_SERVER;
    memset(err.message, 'e', sizeof err.message - 1);
    err.message[sizeof err.message - 1] = '\0';
    deliver(LP_CALL_DASHBOARD, st.seq_dashboard, LP_ERR_SERVER, NULL, &err, 4242);
    ck_assert_int_eq(st.log.count, 1);
    const tui_logged_message *m = tui_message_log_at(&st.log, 0);
    ck_assert_int_eq(m->at, 4242);
    ck_assert(m->error);
    ck_assert_uint_eq(strlen(m->text), strlen(err.message)); /* the status bar cuts it */
    ck_assert_uint_lt(strlen(st.message), strlen(err.message));
    for (int i = 0; i < TUI_LOG_CAPACITY + 5; i++) {
        char text[32];
        snprintf(text, sizeof text, "message %d", i);
        tui_message_log_add(&st.log, 5000 + i, false, text);
    }
    ck_assert_int_eq(st.log.count, TUI_LOG_CAPACITY);
    ck_assert_str_eq(tui_message_log_at(&st.log, 0)->text, "message 5");
    char newest[32];
    snprintf(newest, sizeof newest, "message %d", TUI_LOG_CAPACITY + 4);
    ck_assert_str_eq(tui_message_log_at(&st.log, TUI_LOG_CAPACITY - 1)->text, newest);
    key('M');
    ck_assert_int_eq(st.modal, TUI_MODAL_LOG);
    ck_assert_int_eq(st.log_scroll, TUI_LOG_CAPACITY - tui_help_visible_rows(&st.layout));
    key('g');
    ck_assert_int_eq(st.log_scroll, 0);
    key('k');
    ck_assert_int_eq(st.log_scroll, 0);
    key(TUI_KEY_ESC);
    ck_assert_int_eq(st.modal, TUI_MODAL_NONE);
    teardown();
}
END_TEST

START_TEST(the_title_says_offline_since_the_first_failure_and_refreshed_only_on_answers)
{
    setup_main();
    deliver_dashboard(100);
    ck_assert_int_eq(st.last_refresh, 100);
    ck_assert_int_eq(st.unreachable_since, LP_TIME_NONE);
    lp_error err;
    lp_error_clear(&err);
    err.status = LP_ERR_NETWORK;
    snprintf(err.message, sizeof err.message, "connection refused");
    key('r');
    deliver(LP_CALL_DASHBOARD, st.seq_dashboard, LP_ERR_NETWORK, NULL, &err, 200);
    ck_assert_int_eq(st.unreachable_since, 200);
    ck_assert_int_eq(st.last_refresh, 100);
    key('r');
    deliver(LP_CALL_DASHBOARD, st.seq_dashboard, LP_ERR_NETWORK, NULL, &err, 300);
    ck_assert_int_eq(st.unreachable_since, 200); /* since the first */
    key('r');
    deliver_dashboard(400);
    ck_assert_int_eq(st.unreachable_since, LP_TIME_NONE);
    ck_assert_int_eq(st.last_refresh, 400);
    teardown();
}
END_TEST

static void command(const char *line)
{
    key(':');
    type(line);
    key(TUI_KEY_ENTER);
}

START_TEST(m_switches_mouse_reporting)
{
    setup_main();
    st.mouse_on = true;
    key('m');
    const tui_effect *e = find(TUI_FX_MOUSE);
    ck_assert_ptr_nonnull(e);
    ck_assert(!e->as.on);
    ck_assert(!st.mouse_on);
    key('m');
    ck_assert(find(TUI_FX_MOUSE)->as.on);
    teardown();
}
END_TEST

START_TEST(commands_take_arguments)
{
    setup_main();
    deliver_dashboard(10);
    command("status expired");
    ck_assert_int_eq(st.view, TUI_VIEW_LICENSES);
    const tui_effect *e = find(TUI_FX_FETCH_LICENSES);
    ck_assert_ptr_nonnull(e);
    ck_assert_str_eq(e->as.list.status, "expired");
    command("sort -expires_at");
    ck_assert_str_eq(find(TUI_FX_FETCH_LICENSES)->as.list.sort, "-expires_at");
    command("filter atlas studio");
    ck_assert_str_eq(find(TUI_FX_FETCH_LICENSES)->as.list.q, "atlas studio");
    command("sort bogus");
    ck_assert_ptr_null(find(TUI_FX_FETCH_LICENSES));
    ck_assert_ptr_nonnull(strstr(st.message, "one of"));
    command("open lic_42");
    ck_assert_int_eq(st.view, TUI_VIEW_LICENSE_DETAIL);
    ck_assert_str_eq(find(TUI_FX_FETCH_LICENSE)->as.id, "lic_42");
    command("licenses");
    ck_assert_int_eq(st.view, TUI_VIEW_LICENSES);
    command("download rel_7");
    e = find(TUI_FX_FETCH_DOWNLOAD);
    ck_assert_ptr_nonnull(e);
    ck_assert_str_eq(e->as.id, "rel_7");
    lp_result r;
    memset(&r, 0, sizeof r);
    r.as.download.id = strdup("rel_7");
    r.as.download.filename = strdup("cobalt.zip");
    deliver(LP_CALL_DOWNLOAD, st.seq_detail, LP_OK, &r, NULL, 50);
    ck_assert_int_eq(st.view, TUI_VIEW_DOWNLOAD_DETAIL);
    ck_assert_int_eq(st.modal, TUI_MODAL_SAVE_AS);
    ck_assert_str_eq(st.prompt, "cobalt.zip");
    key(TUI_KEY_ESC);
    command("frobnicate");
    ck_assert_ptr_nonnull(strstr(st.message, "No command or action"));
    teardown();
}
END_TEST

START_TEST(tab_completes_and_up_recalls_the_history)
{
    setup_main();
    deliver_dashboard(10);
    key(':');
    type("sta");
    key(TUI_KEY_TAB);
    ck_assert_str_eq(st.prompt, "status");
    ck_assert_ptr_nonnull(strstr(st.message, "status-filter")); /* both candidates said */
    type(" exp");
    key(TUI_KEY_TAB);
    ck_assert_str_eq(st.prompt, "status expired");
    key(TUI_KEY_ENTER);
    command("sort product");
    key(':');
    key(TUI_KEY_UP);
    ck_assert_str_eq(st.prompt, "sort product");
    key(TUI_KEY_UP);
    ck_assert_str_eq(st.prompt, "status expired");
    key(TUI_KEY_UP);
    ck_assert_str_eq(st.prompt, "status expired"); /* the oldest stays */
    key(TUI_KEY_DOWN);
    key(TUI_KEY_DOWN);
    ck_assert_str_eq(st.prompt, "");
    teardown();
}
END_TEST

START_TEST(a_download_asks_where_with_the_default_filled_in)
{
    setup_main();
    snprintf(st.download_dir, sizeof st.download_dir, "/srv/dl");
    st.download_detail_loaded = true;
    st.download_detail.id = strdup("rel_1");
    st.download_detail.filename = strdup("atlas-2.5.0.tar.gz");
    st.download_detail.size_bytes = 100;
    st.view = TUI_VIEW_DOWNLOAD_DETAIL;
    key('D');
    ck_assert_int_eq(st.modal, TUI_MODAL_SAVE_AS);
    ck_assert_str_eq(st.prompt, "/srv/dl/atlas-2.5.0.tar.gz");
    ck_assert_ptr_null(find(TUI_FX_START_DOWNLOAD));
    key(TUI_KEY_BACKSPACE);
    key(TUI_KEY_BACKSPACE);
    key(TUI_KEY_BACKSPACE);
    type(".tgz");
    key(TUI_KEY_ENTER);
    const tui_effect *e = find(TUI_FX_START_DOWNLOAD);
    ck_assert_ptr_nonnull(e);
    ck_assert_str_eq(e->as.download.path, "/srv/dl/atlas-2.5.0.tar.tgz");
    ck_assert_str_eq(e->as.download.meta.id, "rel_1");
    ck_assert(st.download_running);
    /* Esc on the prompt starts nothing. */
    st.download_running = false;
    key('D');
    key(TUI_KEY_ESC);
    ck_assert_int_eq(st.modal, TUI_MODAL_NONE);
    ck_assert_ptr_null(find(TUI_FX_START_DOWNLOAD));
    teardown();
}
END_TEST

START_TEST(the_default_folder_is_the_profiles_then_xdgs_then_the_current_one)
{
    char out[256];
    tui_download_dir("/from/profile", out, sizeof out);
    ck_assert_str_eq(out, "/from/profile");
    setenv("XDG_DOWNLOAD_DIR", "/tmp", 1);
    tui_download_dir(NULL, out, sizeof out);
    ck_assert_str_eq(out, "/tmp");
    setenv("XDG_DOWNLOAD_DIR", "/no/such/folder", 1);
    setenv("HOME", "/no/such/home", 1);
    tui_download_dir("", out, sizeof out);
    ck_assert_str_eq(out, "");
    unsetenv("XDG_DOWNLOAD_DIR");
    tui_download_path("", "a/b.zip", out, sizeof out);
    ck_assert_str_eq(out, "b.zip");
    tui_download_path("/x/", "b.zip", out, sizeof out);
    ck_assert_str_eq(out, "/x/b.zip");
}
END_TEST

/* ---- place kept ------------------------------------------------------------------- */

static const char *selected_license_id(void)
{
    lp_license_summary *l = tui_pager_item(&st.licenses, st.licenses.selected);
    return l ? l->id : "";
}

/* The license detail's request ends (cancelled), so that Esc goes back. */
static void settle_detail(void)
{
    lp_error err;
    lp_error_clear(&err);
    err.status = LP_ERR_CANCELLED;
    deliver(LP_CALL_LICENSE, st.seq_detail, LP_ERR_CANCELLED, NULL, &err, 30);
}

static void keys(int k, int times)
{
    for (int i = 0; i < times; i++)
        key(k);
}

START_TEST(back_returns_to_the_row_and_scroll_left)
{
    setup_main();
    deliver_dashboard(10);
    key('2');
    deliver_licenses(0, 1, 1000, "next-1");
    keys('j', 25);
    long top = st.licenses.top;
    ck_assert_str_eq(selected_license_id(), "lic-25");
    key(TUI_KEY_ENTER);
    ck_assert_int_eq(st.view, TUI_VIEW_LICENSE_DETAIL);
    settle_detail();
    key(TUI_KEY_ESC);
    ck_assert_int_eq(st.view, TUI_VIEW_LICENSES);
    /* The same page is asked for again, and the row comes back selected. */
    const tui_effect *e = find(TUI_FX_FETCH_LICENSES);
    ck_assert_ptr_nonnull(e);
    ck_assert_int_eq(e->as.list.page, 0);
    deliver_licenses(0, 1, 1000, "next-1");
    ck_assert_int_eq(st.licenses.selected, 25);
    ck_assert_int_eq(st.licenses.top, top);
    ck_assert_str_eq(selected_license_id(), "lic-25");
    teardown();
}
END_TEST

START_TEST(refresh_keeps_the_selected_row_by_id_when_rows_move)
{
    setup_main();
    deliver_dashboard(10);
    key('2');
    deliver_licenses(0, 1, 1000, "next-1");
    keys('j', 25);
    long top = st.licenses.top;
    key('r');
    ck_assert_ptr_nonnull(find(TUI_FX_FETCH_LICENSES));
    /* A license was added before it: the same license stays selected, one row on. */
    deliver_licenses(-1, 1, 1001, "next-1");
    ck_assert_str_eq(selected_license_id(), "lic-25");
    ck_assert_int_eq(st.licenses.selected, 26);
    ck_assert_int_eq(st.licenses.top, top + 1);
    teardown();
}
END_TEST

START_TEST(a_row_gone_after_refresh_leaves_the_selection_at_its_index)
{
    setup_main();
    deliver_dashboard(10);
    key('2');
    deliver_licenses(0, 1, 1000, "next-1");
    keys('j', 10);
    key('r');
    deliver_licenses(1000, 1, 1000, "next-1");
    ck_assert_int_eq(st.licenses.selected, 10);
    ck_assert_str_eq(st.licenses.select_id, "");
    teardown();
}
END_TEST

START_TEST(another_filter_starts_the_list_at_the_top)
{
    setup_main();
    deliver_dashboard(10);
    key('2');
    deliver_licenses(0, 1, 1000, "next-1");
    keys('j', 10);
    key('s'); /* status filter */
    deliver_licenses(0, 1, 1000, "next-1");
    ck_assert_int_eq(st.licenses.selected, 0);
    teardown();
}
END_TEST

START_TEST(back_restores_the_filter_and_place_of_a_list_left)
{
    setup_main();
    deliver_dashboard(10);
    key('2');
    deliver_licenses(0, 1, 1000, "next-1");
    key('s'); /* active licenses */
    deliver_licenses(0, 2, 500, "next-1");
    keys('j', 5);
    ck_assert_str_eq(selected_license_id(), "lic-10");
    key(TUI_KEY_ENTER);
    settle_detail();
    key('2'); /* every license, a new query */
    deliver_licenses(0, 1, 1000, "next-1");
    ck_assert_str_eq(st.license_filter.status, "");
    key(TUI_KEY_ESC);
    ck_assert_int_eq(st.view, TUI_VIEW_LICENSE_DETAIL);
    settle_detail();
    key(TUI_KEY_ESC);
    ck_assert_int_eq(st.view, TUI_VIEW_LICENSES);
    ck_assert_str_eq(st.license_filter.status, "active");
    const tui_effect *e = find(TUI_FX_FETCH_LICENSES);
    ck_assert_ptr_nonnull(e);
    ck_assert_str_eq(e->as.list.status, "active");
    deliver_licenses(0, 2, 500, "next-1");
    ck_assert_str_eq(selected_license_id(), "lic-10");
    teardown();
}
END_TEST

START_TEST(refresh_far_down_asks_for_the_selected_page_by_its_cursor)
{
    setup_main();
    deliver_dashboard(10);
    key('2');
    /* Walk 7 pages down: the first ones are evicted from the window. */
    for (int page = 0; page < 7; page++) {
        char next[16];
        snprintf(next, sizeof next, "next-%d", page + 1);
        deliver_licenses(page * TUI_PAGE_SIZE, 1, 100000, next);
        if (page < 6)
            while (!find(TUI_FX_FETCH_LICENSES))
                key(TUI_KEY_PGDN);
    }
    ck_assert_int_eq(tui_pager_item(&st.licenses, 0) == NULL, 1);
    long selected = st.licenses.selected;
    const char *was = selected_license_id();
    char id[32];
    snprintf(id, sizeof id, "%s", was);
    key('r');
    const tui_effect *e = find(TUI_FX_FETCH_LICENSES);
    ck_assert_ptr_nonnull(e);
    ck_assert_int_eq(e->as.list.page, selected / TUI_PAGE_SIZE);
    char cursor[32];
    snprintf(cursor, sizeof cursor, "next-%ld", selected / TUI_PAGE_SIZE);
    ck_assert_str_eq(e->as.list.cursor, cursor);
    deliver_licenses((int)(selected / TUI_PAGE_SIZE) * TUI_PAGE_SIZE, 1, 100000, "x");
    ck_assert_int_eq(st.licenses.selected, selected);
    ck_assert_str_eq(selected_license_id(), id);
    teardown();
}
END_TEST

/* What each action does on a loaded dashboard with the first KPI selected. */
typedef struct dashboard_case {
    const char *action;
    tui_view_id view;
    tui_modal modal;
    int selected; /* -1: not checked */
    bool sidebar;
    bool quit;
    int effect; /* a tui_effect_kind expected, or -1 for none at all */
} dashboard_case;

#define LAST_ITEM (TUI_KPI_COUNT + TUI_QUICK_COUNT + 2 - 1)

static const dashboard_case dashboard_cases[] = {
    {"up", TUI_VIEW_DASHBOARD, TUI_MODAL_NONE, 0, false, false, -1},
    {"down", TUI_VIEW_DASHBOARD, TUI_MODAL_NONE, 1, false, false, -1},
    {"left", TUI_VIEW_DASHBOARD, TUI_MODAL_NONE, 0, false, false, -1},
    {"right", TUI_VIEW_DASHBOARD, TUI_MODAL_NONE, 1, false, false, -1},
    {"page-up", TUI_VIEW_DASHBOARD, TUI_MODAL_NONE, 0, false, false, -1},
    {"page-down", TUI_VIEW_DASHBOARD, TUI_MODAL_NONE, LAST_ITEM, false, false, -1},
    {"first", TUI_VIEW_DASHBOARD, TUI_MODAL_NONE, 0, false, false, -1},
    {"last", TUI_VIEW_DASHBOARD, TUI_MODAL_NONE, LAST_ITEM, false, false, -1},
    {"open", TUI_VIEW_LICENSES, TUI_MODAL_NONE, -1, false, false, TUI_FX_FETCH_LICENSES},
    {"back", TUI_VIEW_DASHBOARD, TUI_MODAL_NONE, 0, false, false, -1},
    {"next-panel", TUI_VIEW_DASHBOARD, TUI_MODAL_NONE, 0, true, false, -1},
    {"prev-panel", TUI_VIEW_DASHBOARD, TUI_MODAL_NONE, 0, true, false, -1},
    {"refresh", TUI_VIEW_DASHBOARD, TUI_MODAL_NONE, 0, false, false, TUI_FX_FETCH_DASHBOARD},
    {"help", TUI_VIEW_DASHBOARD, TUI_MODAL_HELP, 0, false, false, -1},
    {"prompt", TUI_VIEW_DASHBOARD, TUI_MODAL_PROMPT, 0, false, false, -1},
    {"quit", TUI_VIEW_DASHBOARD, TUI_MODAL_NONE, 0, false, true, -1},
    {"redraw", TUI_VIEW_DASHBOARD, TUI_MODAL_NONE, 0, false, false, -1},
    {"mouse", TUI_VIEW_DASHBOARD, TUI_MODAL_NONE, 0, false, false, TUI_FX_MOUSE},
    {"messages", TUI_VIEW_DASHBOARD, TUI_MODAL_LOG, 0, false, false, -1},
    {"suspend", TUI_VIEW_DASHBOARD, TUI_MODAL_NONE, 0, false, false, -1},
    {"dashboard", TUI_VIEW_DASHBOARD, TUI_MODAL_NONE, 0, false, false, TUI_FX_FETCH_DASHBOARD},
    {"licenses", TUI_VIEW_LICENSES, TUI_MODAL_NONE, -1, false, false, TUI_FX_FETCH_LICENSES},
    {"activations", TUI_VIEW_ACTIVATIONS, TUI_MODAL_NONE, -1, false, false,
     TUI_FX_FETCH_ACTIVATIONS},
    {"downloads", TUI_VIEW_DOWNLOADS, TUI_MODAL_NONE, -1, false, false, TUI_FX_FETCH_DOWNLOADS},
    {"view-all-licenses", TUI_VIEW_LICENSES, TUI_MODAL_NONE, -1, false, false,
     TUI_FX_FETCH_LICENSES},
    {"manage-activations", TUI_VIEW_ACTIVATIONS, TUI_MODAL_NONE, -1, false, false,
     TUI_FX_FETCH_ACTIVATIONS},
    {"open-downloads", TUI_VIEW_DOWNLOADS, TUI_MODAL_NONE, -1, false, false,
     TUI_FX_FETCH_DOWNLOADS},
    /* Actions of other views do nothing here. */
    {"filter", TUI_VIEW_DASHBOARD, TUI_MODAL_NONE, 0, false, false, -1},
    {"status-filter", TUI_VIEW_DASHBOARD, TUI_MODAL_NONE, 0, false, false, -1},
    {"sort", TUI_VIEW_DASHBOARD, TUI_MODAL_NONE, 0, false, false, -1},
    {"reverse-sort", TUI_VIEW_DASHBOARD, TUI_MODAL_NONE, 0, false, false, -1},
    {"mark", TUI_VIEW_DASHBOARD, TUI_MODAL_NONE, 0, false, false, -1},
    {"mark-all", TUI_VIEW_DASHBOARD, TUI_MODAL_NONE, 0, false, false, -1},
    {"clear-filters", TUI_VIEW_DASHBOARD, TUI_MODAL_NONE, 0, false, false, -1},
    {"reveal-key", TUI_VIEW_DASHBOARD, TUI_MODAL_NONE, 0, false, false, -1},
    {"license-activations", TUI_VIEW_DASHBOARD, TUI_MODAL_NONE, 0, false, false, -1},
    {"next-renewal-option", TUI_VIEW_DASHBOARD, TUI_MODAL_NONE, 0, false, false, -1},
    {"qr-code", TUI_VIEW_DASHBOARD, TUI_MODAL_NONE, 0, false, false, -1},
    {"copy-url", TUI_VIEW_DASHBOARD, TUI_MODAL_NONE, 0, false, false, -1},
    {"copy-key", TUI_VIEW_DASHBOARD, TUI_MODAL_NONE, 0, false, false, -1},
    {"activate-offline", TUI_VIEW_DASHBOARD, TUI_MODAL_NONE, 0, false, false, -1},
    {"license-file-qr", TUI_VIEW_DASHBOARD, TUI_MODAL_NONE, 0, false, false, -1},
    {"deactivate", TUI_VIEW_DASHBOARD, TUI_MODAL_NONE, 0, false, false, -1},
    {"channel-filter", TUI_VIEW_DASHBOARD, TUI_MODAL_NONE, 0, false, false, -1},
    {"platform-filter", TUI_VIEW_DASHBOARD, TUI_MODAL_NONE, 0, false, false, -1},
    {"download", TUI_VIEW_DASHBOARD, TUI_MODAL_NONE, 0, false, false, -1},
};
#define DASHBOARD_CASE_COUNT ((int)(sizeof dashboard_cases / sizeof dashboard_cases[0]))

START_TEST(every_action_of_the_table_has_a_dashboard_case)
{
    ck_assert_int_eq(DASHBOARD_CASE_COUNT, TUI_ACTION_COUNT);
    for (int i = 0; i < DASHBOARD_CASE_COUNT; i++)
        ck_assert_msg(tui_action_by_name(dashboard_cases[i].action) != TUI_ACTION_NONE, "%s",
                      dashboard_cases[i].action);
}
END_TEST

START_TEST(each_action_on_the_dashboard_does_what_it_says)
{
    const dashboard_case *c = &dashboard_cases[_i];
    setup_main();
    deliver_dashboard(10);
    ck_assert_int_eq(st.dashboard_selected, 0);
    memset(&fx, 0, sizeof fx);
    due |= tui_run_action(&st, tui_action_by_name(c->action), &fx);
    ck_assert_msg(st.view == c->view, "%s: view %d", c->action, st.view);
    ck_assert_msg(st.modal == c->modal, "%s: modal %d", c->action, st.modal);
    ck_assert_msg(st.quit == c->quit, "%s: quit", c->action);
    ck_assert_msg(st.focus_sidebar == c->sidebar, "%s: sidebar", c->action);
    if (c->selected >= 0)
        ck_assert_msg(st.dashboard_selected == c->selected, "%s: selected %d", c->action,
                      st.dashboard_selected);
    if (c->effect < 0)
        ck_assert_msg(fx.count == 0, "%s: %d effects", c->action, fx.count);
    else
        ck_assert_msg(find((tui_effect_kind)c->effect) != NULL, "%s: effect", c->action);
    teardown();
}
END_TEST

int main(void)
{
    Suite *s = suite_create("tui_update");
    TCase *login = tcase_create("login");
    tcase_add_test(login, without_a_session_the_login_screen_comes_first);
    tcase_add_test(login, a_stored_session_goes_straight_to_the_dashboard);
    tcase_add_test(login, the_email_is_prefilled_and_the_password_field_focused);
    tcase_add_test(login, enter_sends_the_login_with_what_was_typed);
    tcase_add_test(login, letters_typed_on_the_login_screen_are_not_actions);
    tcase_add_test(login, an_empty_password_is_not_sent);
    tcase_add_test(login, a_successful_login_opens_the_dashboard_and_forgets_the_password);
    tcase_add_test(login, otp_required_asks_for_the_one_time_code);
    tcase_add_test(login, wrong_credentials_are_said_in_words);
    tcase_add_test(login, without_a_keyring_the_file_store_is_offered_and_remembered);
    tcase_add_test(login, esc_on_the_login_screen_quits);
    suite_add_tcase(s, login);
    TCase *dash = tcase_create("dashboard");
    tcase_add_test(dash, the_dashboard_result_is_shown_and_snapshotted);
    tcase_add_test(dash, server_text_of_lists_and_the_dashboard_is_sanitised_as_it_arrives);
    tcase_add_test(dash, a_stale_result_is_ignored);
    tcase_add_test(dash, refresh_fetches_the_view_afresh);
    tcase_add_test(dash, enter_on_total_licenses_opens_every_license);
    tcase_add_test(dash, enter_on_active_licenses_filters_by_status);
    tcase_add_test(dash, enter_on_expiring_soon_filters_by_the_window);
    tcase_add_test(dash, enter_on_activations_in_use_opens_the_activations);
    tcase_add_test(dash, quick_action_keys_open_their_views);
    tcase_add_test(dash, quick_actions_open_with_enter_and_with_one_click);
    tcase_add_test(dash, enter_on_a_recent_license_opens_its_detail);
    tcase_add_test(dash, the_selection_stops_at_the_last_recent_row);
    tcase_add_test(dash, a_refused_session_goes_back_to_the_login_screen);
    tcase_add_test(dash, an_unreachable_server_shows_the_offline_snapshot);
    tcase_add_test(dash, a_portal_that_cannot_answer_shows_the_offline_snapshot_too);
    tcase_add_test(dash, expiring_kpi_highlight_data_comes_from_the_window);
    tcase_add_test(dash, every_action_of_the_table_has_a_dashboard_case);
    tcase_add_loop_test(dash, each_action_on_the_dashboard_does_what_it_says, 0,
                        DASHBOARD_CASE_COUNT);
    suite_add_tcase(s, dash);
    TCase *shell = tcase_create("shell");
    tcase_add_test(shell, back_walks_the_back_stack);
    tcase_add_test(shell, esc_cancels_a_running_request_first);
    tcase_add_test(shell, keys_keep_working_while_a_request_runs);
    tcase_add_test(shell, tab_moves_between_sidebar_and_view);
    tcase_add_test(shell, number_keys_jump_to_views);
    tcase_add_test(shell, help_opens_and_closes);
    tcase_add_test(shell, slash_in_help_narrows_the_actions_and_esc_clears_the_search);
    tcase_add_test(shell, q_quits);
    tcase_add_test(shell, quitting_during_a_download_asks_first);
    tcase_add_test(shell, a_finished_download_says_where_it_went);
    tcase_add_test(shell, the_prompt_runs_an_action_by_name);
    tcase_add_test(shell, a_rebound_key_drives_the_action);
    tcase_add_test(shell, too_small_ignores_every_key_but_quit);
    suite_add_tcase(s, shell);
    TCase *lists = tcase_create("lists");
    tcase_add_test(lists, deactivating_asks_first_then_removes_the_row_and_decrements_the_kpi);
    tcase_add_test(lists, a_refused_deactivation_changes_nothing);
    tcase_add_test(lists, marked_rows_are_deactivated_after_one_question_and_failures_stay_marked);
    tcase_add_test(lists, read_only_refuses_every_change);
    tcase_add_test(lists, star_marks_every_loaded_row_and_again_none);
    tcase_add_test(lists, the_license_list_asks_for_the_next_page_as_the_cursor_moves);
    tcase_add_test(lists, end_asks_for_the_last_page_in_the_reversed_sort_and_home_for_the_first);
    tcase_add_test(lists, a_page_for_rows_off_screen_repaints_only_the_bars);
    tcase_add_test(lists, a_page_for_rows_on_screen_or_before_a_paint_repaints_everything);
    tcase_add_test(lists, end_in_status_order_reads_the_reversed_status_order);
    tcase_add_test(lists, status_and_sort_cycles_refetch_with_the_new_filter);
    tcase_add_test(lists, the_filter_asks_as_you_type_once_typing_pauses_and_esc_clears_it);
    tcase_add_test(lists, ctrl_l_repaints_everything_and_ctrl_z_suspends);
    tcase_add_test(lists, every_list_sorts_by_the_apis_keys_and_reverses);
    tcase_add_test(lists, a_license_detail_opens_the_activations_of_that_license);
    tcase_add_test(lists, download_filters_cycle_and_refetch);
    tcase_add_test(lists, a_detail_scrolls_to_its_last_line_and_no_further);
    tcase_add_test(lists, a_download_detail_counts_its_wrapped_notes);
    tcase_add_test(lists, wrapping_keeps_words_whole_unless_one_is_too_long);
    tcase_add_test(lists, renewal_urls_are_copied_and_shown_as_qr_codes);
    tcase_add_test(lists, the_key_is_copied_only_once_revealed);
    tcase_add_test(lists,
                   activating_offline_asks_for_the_request_and_sends_the_license_file_beside_it);
    tcase_add_test(lists, the_prompt_line_runs_activate_offline_too);
    tcase_add_test(lists, an_offline_activation_counts_at_once_and_says_where_the_file_went);
    tcase_add_test(lists, an_activation_whose_file_could_not_be_written_says_so_and_still_counts);
    tcase_add_loop_test(lists, a_refused_offline_activation_is_one_clear_message_kept_in_the_log, 0,
                        (int)(sizeof offline_refusals / sizeof offline_refusals[0]));
    tcase_add_test(lists, read_only_refuses_offline_activation);
    tcase_add_test(lists, the_license_file_qr_code_needs_an_activation_first);
    tcase_add_test(lists, the_activations_list_shown_when_the_answer_comes_is_asked_for_afresh);
    suite_add_tcase(s, lists);

    TCase *place = tcase_create("place");
    tcase_add_test(place, back_returns_to_the_row_and_scroll_left);
    tcase_add_test(place, refresh_keeps_the_selected_row_by_id_when_rows_move);
    tcase_add_test(place, a_row_gone_after_refresh_leaves_the_selection_at_its_index);
    tcase_add_test(place, another_filter_starts_the_list_at_the_top);
    tcase_add_test(place, back_restores_the_filter_and_place_of_a_list_left);
    tcase_add_test(place, refresh_far_down_asks_for_the_selected_page_by_its_cursor);
    suite_add_tcase(s, place);

    TCase *messages = tcase_create("messages");
    tcase_add_test(messages, every_message_is_kept_whole_with_its_time_the_oldest_going_first);
    tcase_add_test(messages,
                   the_title_says_offline_since_the_first_failure_and_refreshed_only_on_answers);
    suite_add_tcase(s, messages);

    TCase *commands = tcase_create("commands");
    tcase_add_test(commands, commands_take_arguments);
    tcase_add_test(commands, m_switches_mouse_reporting);
    tcase_add_test(commands, a_download_asks_where_with_the_default_filled_in);
    tcase_add_test(commands, the_default_folder_is_the_profiles_then_xdgs_then_the_current_one);
    tcase_add_test(commands, tab_completes_and_up_recalls_the_history);
    suite_add_tcase(s, commands);
    return lp_run_suite(s);
}
