/* What the terminal can do: asked before the interface starts, and of terminfo once it is loaded. */
#ifndef LICPORTAL_TUI_TERMINAL_CAPS_H
#define LICPORTAL_TUI_TERMINAL_CAPS_H

#include <stdbool.h>

/* TERM unset, empty or "dumb": known at once, before anything starts. */
bool tui_terminal_is_dumb(void);
/* Whether the terminal set up by newterm can move the cursor (cup); one
 * that cannot would show the interface as noise. */
bool tui_terminal_can_address_cursor(void);

#endif
