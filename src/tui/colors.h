/* Colour roles: every attribute on screen is looked up here by what it means. */
#ifndef LICPORTAL_TUI_COLORS_H
#define LICPORTAL_TUI_COLORS_H

#include <stdbool.h>

typedef enum tui_role {
    TUI_ROLE_NORMAL,
    TUI_ROLE_TITLE,
    TUI_ROLE_SIDEBAR,
    TUI_ROLE_SIDEBAR_CURRENT,
    TUI_ROLE_STATUS_BAR,
    TUI_ROLE_KEY_HINT,
    TUI_ROLE_SELECTED,
    TUI_ROLE_SELECTED_UNFOCUSED,
    TUI_ROLE_HEADER,
    TUI_ROLE_SECTION,
    TUI_ROLE_BORDER,
    TUI_ROLE_KPI_LABEL,
    TUI_ROLE_KPI_VALUE,
    TUI_ROLE_KPI_ALERT,
    TUI_ROLE_BUTTON,
    TUI_ROLE_ERROR,
    TUI_ROLE_OFFLINE,
    TUI_ROLE_DIM,
    TUI_ROLE_FIELD,
    TUI_ROLE_FIELD_FOCUS,
    TUI_ROLE_LICENSE_ACTIVE,
    TUI_ROLE_LICENSE_EXPIRED,
    TUI_ROLE_LICENSE_OTHER,
    TUI_ROLE_PROGRESS,
    TUI_ROLE_EXPIRY_SOON,   /* within 30 days */
    TUI_ROLE_EXPIRY_URGENT, /* within 7 days */
    TUI_ROLE_EXPIRY_LAPSED,
    TUI_ROLE_COUNT
} tui_role;

typedef enum tui_scheme_id {
    TUI_SCHEME_256,
    TUI_SCHEME_8,
    TUI_SCHEME_MONO,
} tui_scheme_id;

/* Picks the scheme from the terminal (after start_color) and the
 * no_color wish (NO_COLOR, --no-color), then sets up colour pairs. */
tui_scheme_id tui_colors_init(bool no_color);
/* The curses attributes of a role in the scheme in force. */
int tui_attr(tui_role role);

#endif
