/* The transitions: update(state, event) changes the state and asks for effects. */
#ifndef LICPORTAL_TUI_UPDATE_H
#define LICPORTAL_TUI_UPDATE_H

#include "tui/app_state.h"
#include "tui/effect.h"
#include "tui/event.h"
#include "tui/reaction.h"

/* What to do when the UI starts: fetch the dashboard when a session exists. */
void tui_start(tui_state *state, tui_effects *fx);

/* Applies `event`; appends what the loop must do to `fx` and says what
 * changed on screen (state->quit is set, and QUIT returned, to leave). */
tui_reaction tui_update(tui_state *state, const tui_event *event, tui_effects *fx);

/* Runs one action as if its key had been pressed (the `:` prompt too); an
 * action of another view's scope does nothing. */
tui_reaction tui_run_action(tui_state *state, tui_action action, tui_effects *fx);

/* The renewal option the detail view has selected, or NULL. */
const lp_renewal_option *tui_selected_renewal(const tui_state *state);

#endif
