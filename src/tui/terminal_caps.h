/* What the terminal can do, asked of terminfo before the interface starts. */
#ifndef LICPORTAL_TUI_TERMINAL_CAPS_H
#define LICPORTAL_TUI_TERMINAL_CAPS_H

#include <stdbool.h>

/* Whether $TERM can move the cursor (cup): a terminal that cannot, such as
 * TERM=dumb, would show the interface as noise. */
bool tui_terminal_can_address_cursor(void);

#endif
