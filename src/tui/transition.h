/* Steps the views' transitions share: effects, messages, moving between views, paging a list. */
#ifndef LICPORTAL_TUI_TRANSITION_H
#define LICPORTAL_TUI_TRANSITION_H

#include <stdbool.h>
#include <stddef.h>

#include "licportal/wire_names.h"
#include "tui/app_state.h"
#include "tui/effect.h"
#include "tui/event.h"
#include "tui/reaction.h"
#include "tui/view_ops.h"

/* A new effect of `kind`, cleared, or NULL when the batch is full. */
tui_effect *tui_push_effect(tui_effects *fx, tui_effect_kind kind);
/* An effect whose result comes back as an event: counted for the spinner;
 * its sequence number is kept in *slot. */
tui_effect *tui_start_call(tui_state *state, tui_effects *fx, tui_effect_kind kind, int *slot);

tui_reaction tui_set_message(tui_state *state, bool error, const char *text);
/* Says that nothing is changed in read-only mode (--read-only or read_only = true). */
tui_reaction tui_refuse_read_only(tui_state *state);
/* A failed call in words on the status bar; a refused session goes to login. */
tui_reaction tui_call_failed(tui_state *state, const tui_event *ev);
void tui_copy_text(char *out, size_t size, const char *text);
/* A filter's next value: all ("") first, then each value the contract names, in its order. */
void tui_cycle_wire_value(char *current, size_t size, const lp_wire_names *values);

/* Shows `view` and fetches its data; `remember` lets Back return here. */
tui_reaction tui_enter_view(tui_state *state, tui_view_id view, bool remember, tui_effects *fx);
/* Back to the view left last, with its query and place. */
tui_reaction tui_go_back(tui_state *state, tui_effects *fx);
tui_reaction tui_open_licenses(tui_state *state, const char *status, int expiring_days,
                               tui_effects *fx);
tui_reaction tui_open_activations(tui_state *state, const char *license_id, tui_effects *fx);
tui_reaction tui_open_license_detail(tui_state *state, const char *license_id, tui_effects *fx);
tui_reaction tui_go_to_login(tui_state *state, const char *why);

/* The list's order now, read backwards when `from_end`; NULL when the API
 * has no reverse of it (End then walks the pages). */
const char *tui_list_sort(tui_state *state, const tui_list_kind *list, bool from_end);
/* The filter and order keys every list shares: `/` (live, debounced), `o`, `O`. */
tui_reaction tui_list_open_filter(tui_state *state);
tui_reaction tui_list_cycle_sort(tui_state *state, tui_effects *fx);
tui_reaction tui_list_reverse_sort(tui_state *state, tui_effects *fx);
/* Starts the download shown, to `path` (the save prompt's answer). */
tui_reaction tui_save_download(tui_state *state, const char *path, tui_effects *fx);
/* Activates the license shown offline for the machine request at
 * `request_path` (the prompt's answer); the license file goes beside it. */
tui_reaction tui_activate_offline(tui_state *state, const char *request_path, tui_effects *fx);
/* The confirmed deactivation: the selected row, or each marked one in turn. */
tui_reaction tui_confirm_deactivation(tui_state *state, tui_effects *fx);
/* Space: marks or unmarks the selected row and moves on; `*`: marks every
 * loaded row (all marked already: unmarks them). */
tui_reaction tui_list_mark(tui_state *state);
tui_reaction tui_list_mark_all(tui_state *state);
/* The `/` text typed: asked for now (Enter, or once typing pauses); Esc clears it. */
tui_reaction tui_list_apply_filter(tui_state *state, tui_effects *fx);
tui_reaction tui_list_clear_filter(tui_state *state, tui_effects *fx);
/* Asks for the list afresh: with the query it shows, its place (the
 * selected row, by id, and the scroll) is kept; with another, it starts at
 * the top. */
tui_reaction tui_list_reload(tui_state *state, const tui_list_kind *list, tui_effects *fx);
/* Asks for the page the selection needs next, if any. */
void tui_list_fetch_page(tui_state *state, const tui_list_kind *list, tui_effects *fx);
tui_reaction tui_list_move(tui_state *state, const tui_list_kind *list, long delta, bool to_end,
                           tui_effects *fx);
/* Takes a page of the list; REDRAW_BARS alone when no row on screen changed. */
tui_reaction tui_list_result(tui_state *state, const tui_list_kind *list, const tui_event *ev,
                             tui_effects *fx);
/* A click on a list's rows: selects the row; a second click opens it. */
tui_reaction tui_list_click(tui_state *state, int y, int x, tui_effects *fx);
/* For views that are not lists or take no clicks. */
tui_pager *tui_no_pager(tui_state *state);
tui_reaction tui_no_click(tui_state *state, int y, int x, tui_effects *fx);
/* The id of the selected row of the list shown, or "" when none is loaded. */
const char *tui_list_selected_id(tui_state *state);
/* Scrolling a detail view of `lines` lines (see detail_lines.h): never
 * before its first line nor past the point where its last one is at the
 * bottom. */
tui_reaction tui_detail_scroll(tui_state *state, long delta, bool to_end, int lines);

#endif
