/* One record per view: what it is called, where its keys apply, how it fetches, moves, opens and acts. */
#ifndef LICPORTAL_TUI_VIEW_OPS_H
#define LICPORTAL_TUI_VIEW_OPS_H

#include <stdbool.h>

#include "tui/app_state.h"
#include "tui/effect.h"
#include "tui/event.h"
#include "tui/reaction.h"

/* A key of the status bar's hints: the action and the word beside its key. */
typedef struct tui_hint {
    tui_action action;
    const char *label;
} tui_hint;

/* What a list view tells the shared list steps. */
typedef struct tui_list_kind {
    tui_view_id view;
    tui_effect_kind fetch;
    tui_pager *(*pager)(tui_state *state);
    /* Puts the view's query into a fetch effect (the sort read backwards when `from_end`). */
    void (*fill)(tui_state *state, bool from_end, tui_effect *e);
    /* Moves a page's items out of `result`. */
    void (*take)(lp_result *result, void **items, size_t *count, const char **next, long *total);
    /* The list's text filter and the index of its order in `sorts`. */
    tui_list_order *(*order)(tui_state *state);
    const char *const *sorts;
    const int *sort_count;
} tui_list_kind;

#define TUI_MAX_HINTS 4 /* they end at the first without a label */

typedef struct tui_view_ops {
    tui_scope scope;
    const char *title;
    /* The sidebar entry lit while this view is shown (a detail lights its list). */
    tui_view_id sidebar_view;
    /* Left and Right move the selection (a grid) rather than the focus. */
    bool horizontal;
    /* The calls whose results this view takes. */
    lp_call_kind calls[3];
    int call_count;
    /* The list behind the view, or NULL for a view that is not a list. */
    tui_pager *(*pager)(tui_state *state);
    const tui_list_kind *list;
    /* The view's data afresh: on entry and on refresh. */
    tui_reaction (*fetch)(tui_state *state, tui_effects *fx);
    /* Moves the selection (or scroll) by `delta`; `to_end` jumps to the
     * first (delta < 0) or last row. */
    tui_reaction (*move)(tui_state *state, long delta, bool to_end, tui_effects *fx);
    /* Enter on the selected item. */
    tui_reaction (*open)(tui_state *state, tui_effects *fx);
    /* The actions of the view's own scope; only called with one of them. */
    tui_reaction (*act)(tui_state *state, tui_action action, tui_effects *fx);
    /* A click at (y, x) inside the main area. */
    tui_reaction (*click)(tui_state *state, int y, int x, tui_effects *fx);
    /* A finished call of one of `calls`. */
    tui_reaction (*result)(tui_state *state, const tui_event *ev, tui_effects *fx);
    /* The status bar's hints for the view, before the global ones. */
    tui_hint hints[TUI_MAX_HINTS];
} tui_view_ops;

/* The record of `view`; every view has one, with every operation set. */
const tui_view_ops *tui_view_ops_of(tui_view_id view);
/* The view that takes results of `kind`, or NULL. */
const tui_view_ops *tui_view_ops_for_call(lp_call_kind kind);
/* The view whose keys are `scope`, or NULL for the global scope. */
const tui_view_ops *tui_view_ops_for_scope(tui_scope scope);

extern const tui_view_ops tui_dashboard_ops;

/* A quick action's button text ("[2] View all licenses"), for drawing and clicks alike. */
void tui_dashboard_quick_text(const tui_state *state, int i, char *out, size_t size);
/* Where the dashboard's parts are, its quick actions fitted to their texts. */
tui_dashboard_geometry tui_dashboard_geometry_of(const tui_state *state, tui_rect main);
extern const tui_view_ops tui_licenses_ops;
extern const tui_view_ops tui_license_detail_ops;
extern const tui_view_ops tui_activations_ops;
extern const tui_view_ops tui_downloads_ops;
extern const tui_view_ops tui_download_detail_ops;

#endif
