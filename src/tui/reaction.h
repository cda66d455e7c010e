/* What a transition changed, as htop's handlers say it: the loop paints from these flags. */
#ifndef LICPORTAL_TUI_REACTION_H
#define LICPORTAL_TUI_REACTION_H

typedef unsigned tui_reaction;

enum {
    TUI_REACT_NONE = 0,
    TUI_REACT_REDRAW = 1u << 0,      /* the whole screen */
    TUI_REACT_REDRAW_BARS = 1u << 1, /* only the title and status bars */
    TUI_REACT_QUIT = 1u << 2,
    TUI_REACT_REPAINT = 1u << 3, /* the terminal may show anything: clear it and draw all */
    TUI_REACT_SUSPEND = 1u << 4, /* give the terminal back and stop until resumed */
};

#endif
