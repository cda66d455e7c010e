/* What the terminal can do, asked of terminfo before the interface starts. */
#include "tui/terminal_caps.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>
#include <unistd.h>

bool tui_terminal_can_address_cursor(void)
{
    const char *term = getenv("TERM");
    int status = 0;
    if (!term || !term[0] || strcmp(term, "dumb") == 0 ||
        setupterm(term, STDOUT_FILENO, &status) != OK)
        return false;
    const char *cup = tigetstr("cup");
    bool ok = cup != NULL && cup != (const char *)-1;
    del_curterm(cur_term);
    return ok;
}
