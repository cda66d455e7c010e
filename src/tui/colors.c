/* The colour-role table with its 256-colour, 8-colour and monochrome schemes. */
#include "tui/colors.h"

#include <curses.h>

#define NONE (-1)

typedef struct role_style {
    short fg, bg;
    int attrs;
} role_style;

/* [scheme][role]; -1 is the terminal's own colour, so its theme shows through. */
/* A table, laid out by hand. */
/* clang-format off */
static const role_style schemes[3][TUI_ROLE_COUNT] = {
    [TUI_SCHEME_256] = {
        [TUI_ROLE_NORMAL] = {NONE, NONE, A_NORMAL},
        [TUI_ROLE_TITLE] = {231, 24, A_BOLD},
        [TUI_ROLE_SIDEBAR] = {252, 236, A_NORMAL},
        [TUI_ROLE_SIDEBAR_CURRENT] = {231, 31, A_BOLD},
        [TUI_ROLE_STATUS_BAR] = {252, 236, A_NORMAL},
        [TUI_ROLE_KEY_HINT] = {214, 236, A_BOLD},
        [TUI_ROLE_SELECTED] = {231, 31, A_BOLD},
        [TUI_ROLE_SELECTED_UNFOCUSED] = {231, 240, A_NORMAL},
        [TUI_ROLE_HEADER] = {110, NONE, A_BOLD | A_UNDERLINE},
        [TUI_ROLE_SECTION] = {110, NONE, A_BOLD},
        [TUI_ROLE_BORDER] = {243, NONE, A_NORMAL},
        [TUI_ROLE_KPI_LABEL] = {250, NONE, A_NORMAL},
        [TUI_ROLE_KPI_VALUE] = {231, NONE, A_BOLD},
        [TUI_ROLE_KPI_ALERT] = {208, NONE, A_BOLD},
        [TUI_ROLE_BUTTON] = {231, 238, A_NORMAL},
        [TUI_ROLE_ERROR] = {203, NONE, A_BOLD},
        [TUI_ROLE_OFFLINE] = {16, 214, A_BOLD},
        [TUI_ROLE_DIM] = {245, NONE, A_NORMAL},
        [TUI_ROLE_FIELD] = {252, 237, A_NORMAL},
        [TUI_ROLE_FIELD_FOCUS] = {231, 24, A_BOLD},
        [TUI_ROLE_LICENSE_ACTIVE] = {114, NONE, A_NORMAL},
        [TUI_ROLE_LICENSE_EXPIRED] = {203, NONE, A_NORMAL},
        [TUI_ROLE_LICENSE_OTHER] = {180, NONE, A_NORMAL},
        [TUI_ROLE_PROGRESS] = {231, 28, A_BOLD},
        [TUI_ROLE_EXPIRY_SOON] = {221, NONE, A_NORMAL},
        [TUI_ROLE_EXPIRY_URGENT] = {208, NONE, A_BOLD},
        [TUI_ROLE_EXPIRY_LAPSED] = {203, NONE, A_NORMAL},
    },
    [TUI_SCHEME_8] = {
        [TUI_ROLE_NORMAL] = {NONE, NONE, A_NORMAL},
        [TUI_ROLE_TITLE] = {COLOR_WHITE, COLOR_BLUE, A_BOLD},
        [TUI_ROLE_SIDEBAR] = {NONE, NONE, A_NORMAL},
        [TUI_ROLE_SIDEBAR_CURRENT] = {COLOR_BLACK, COLOR_CYAN, A_NORMAL},
        [TUI_ROLE_STATUS_BAR] = {COLOR_WHITE, COLOR_BLUE, A_NORMAL},
        [TUI_ROLE_KEY_HINT] = {COLOR_YELLOW, COLOR_BLUE, A_BOLD},
        [TUI_ROLE_SELECTED] = {COLOR_BLACK, COLOR_CYAN, A_NORMAL},
        [TUI_ROLE_SELECTED_UNFOCUSED] = {NONE, NONE, A_REVERSE},
        [TUI_ROLE_HEADER] = {COLOR_CYAN, NONE, A_BOLD},
        [TUI_ROLE_SECTION] = {COLOR_CYAN, NONE, A_BOLD},
        [TUI_ROLE_BORDER] = {COLOR_BLUE, NONE, A_NORMAL},
        [TUI_ROLE_KPI_LABEL] = {NONE, NONE, A_NORMAL},
        [TUI_ROLE_KPI_VALUE] = {NONE, NONE, A_BOLD},
        [TUI_ROLE_KPI_ALERT] = {COLOR_YELLOW, NONE, A_BOLD},
        [TUI_ROLE_BUTTON] = {NONE, NONE, A_BOLD},
        [TUI_ROLE_ERROR] = {COLOR_RED, NONE, A_BOLD},
        [TUI_ROLE_OFFLINE] = {COLOR_BLACK, COLOR_YELLOW, A_NORMAL},
        [TUI_ROLE_DIM] = {NONE, NONE, A_DIM},
        [TUI_ROLE_FIELD] = {NONE, NONE, A_UNDERLINE},
        [TUI_ROLE_FIELD_FOCUS] = {COLOR_BLACK, COLOR_CYAN, A_NORMAL},
        [TUI_ROLE_LICENSE_ACTIVE] = {COLOR_GREEN, NONE, A_NORMAL},
        [TUI_ROLE_LICENSE_EXPIRED] = {COLOR_RED, NONE, A_NORMAL},
        [TUI_ROLE_LICENSE_OTHER] = {COLOR_YELLOW, NONE, A_NORMAL},
        [TUI_ROLE_PROGRESS] = {COLOR_BLACK, COLOR_GREEN, A_NORMAL},
        [TUI_ROLE_EXPIRY_SOON] = {COLOR_YELLOW, NONE, A_NORMAL},
        [TUI_ROLE_EXPIRY_URGENT] = {COLOR_YELLOW, NONE, A_BOLD},
        [TUI_ROLE_EXPIRY_LAPSED] = {COLOR_RED, NONE, A_NORMAL},
    },
    /* Attributes only: readable on any terminal and with NO_COLOR. */
    [TUI_SCHEME_MONO] = {
        [TUI_ROLE_NORMAL] = {NONE, NONE, A_NORMAL},
        [TUI_ROLE_TITLE] = {NONE, NONE, A_REVERSE},
        [TUI_ROLE_SIDEBAR] = {NONE, NONE, A_NORMAL},
        [TUI_ROLE_SIDEBAR_CURRENT] = {NONE, NONE, A_REVERSE},
        [TUI_ROLE_STATUS_BAR] = {NONE, NONE, A_REVERSE},
        [TUI_ROLE_KEY_HINT] = {NONE, NONE, A_REVERSE | A_BOLD},
        [TUI_ROLE_SELECTED] = {NONE, NONE, A_REVERSE},
        [TUI_ROLE_SELECTED_UNFOCUSED] = {NONE, NONE, A_UNDERLINE},
        [TUI_ROLE_HEADER] = {NONE, NONE, A_BOLD | A_UNDERLINE},
        [TUI_ROLE_SECTION] = {NONE, NONE, A_BOLD},
        [TUI_ROLE_BORDER] = {NONE, NONE, A_NORMAL},
        [TUI_ROLE_KPI_LABEL] = {NONE, NONE, A_NORMAL},
        [TUI_ROLE_KPI_VALUE] = {NONE, NONE, A_BOLD},
        [TUI_ROLE_KPI_ALERT] = {NONE, NONE, A_BOLD | A_UNDERLINE},
        [TUI_ROLE_BUTTON] = {NONE, NONE, A_BOLD},
        [TUI_ROLE_ERROR] = {NONE, NONE, A_BOLD},
        [TUI_ROLE_OFFLINE] = {NONE, NONE, A_REVERSE | A_BOLD},
        [TUI_ROLE_DIM] = {NONE, NONE, A_NORMAL},
        [TUI_ROLE_FIELD] = {NONE, NONE, A_UNDERLINE},
        [TUI_ROLE_FIELD_FOCUS] = {NONE, NONE, A_REVERSE},
        [TUI_ROLE_LICENSE_ACTIVE] = {NONE, NONE, A_NORMAL},
        [TUI_ROLE_LICENSE_EXPIRED] = {NONE, NONE, A_BOLD},
        [TUI_ROLE_LICENSE_OTHER] = {NONE, NONE, A_NORMAL},
        [TUI_ROLE_PROGRESS] = {NONE, NONE, A_REVERSE},
        [TUI_ROLE_EXPIRY_SOON] = {NONE, NONE, A_NORMAL},
        [TUI_ROLE_EXPIRY_URGENT] = {NONE, NONE, A_BOLD},
        [TUI_ROLE_EXPIRY_LAPSED] = {NONE, NONE, A_BOLD},
    },
};
/* clang-format on */

static tui_scheme_id active = TUI_SCHEME_MONO;

tui_scheme_id tui_colors_init(bool no_color)
{
    active = TUI_SCHEME_MONO;
    if (no_color || !has_colors() || start_color() != OK)
        return active;
    use_default_colors();
    active = COLORS >= 256 && COLOR_PAIRS > TUI_ROLE_COUNT ? TUI_SCHEME_256
             : COLORS >= 8 && COLOR_PAIRS > TUI_ROLE_COUNT ? TUI_SCHEME_8
                                                           : TUI_SCHEME_MONO;
    if (active == TUI_SCHEME_MONO)
        return active;
    for (int role = 0; role < TUI_ROLE_COUNT; role++)
        init_pair((short)(role + 1), schemes[active][role].fg, schemes[active][role].bg);
    return active;
}

int tui_attr(tui_role role)
{
    if (role < 0 || role >= TUI_ROLE_COUNT)
        return A_NORMAL;
    int attrs = schemes[active][role].attrs;
    if (active != TUI_SCHEME_MONO)
        attrs |= (int)COLOR_PAIR(role + 1);
    return attrs;
}
