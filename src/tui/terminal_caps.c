/* What the terminal can do: asked before the interface starts, and of terminfo once it is loaded. */
#include "tui/terminal_caps.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>

bool tui_terminal_is_dumb(void)
{
    const char *term = getenv("TERM");
    return !term || !term[0] || strcmp(term, "dumb") == 0;
}

bool tui_terminal_can_address_cursor(void)
{
    const char *cup = tigetstr("cup");
    return cup != NULL && cup != (const char *)-1;
}
