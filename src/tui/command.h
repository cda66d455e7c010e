/* The `:` command line: action names and commands with an argument, Tab completion, history. */
#ifndef LICPORTAL_TUI_COMMAND_H
#define LICPORTAL_TUI_COMMAND_H

#include <stddef.h>

#include "tui/app_state.h"
#include "tui/effect.h"
#include "tui/reaction.h"

/* Runs `line`: "filter TEXT", "sort KEY", "status S", "open ID", "download ID", or an
 * action's name. */
tui_reaction tui_command_run(tui_state *state, const char *line, tui_effects *fx);

/* Completes `line` in place (size bytes) from what fits there: commands and
 * action names, then a sort key or status. Several candidates: their common
 * prefix, and their names joined into `others` for the status bar. */
void tui_command_complete(const tui_state *state, char *line, size_t size, char *others,
                          size_t others_size);

/* The history of lines run, newest last. */
void tui_command_remember(tui_state *state, const char *line);
/* The line `back` steps before the newest (1: the newest), or NULL. */
const char *tui_command_recall(const tui_state *state, int back);

#endif
