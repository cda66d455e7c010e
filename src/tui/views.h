/* The views: each draws one part of the state; none changes it. */
#ifndef LICPORTAL_TUI_VIEWS_H
#define LICPORTAL_TUI_VIEWS_H

#include "tui/app_state.h"
#include "tui/colors.h"
#include "tui/layout.h"

/* The whole screen for the state: frame, view, overlays. */
void tui_draw(const tui_state *state);
/* The title and status bars alone, over a screen otherwise as last drawn;
 * the whole screen when an overlay or the login screen is up. */
void tui_draw_bars(const tui_state *state);

void screen_login_draw(const tui_state *state);
void view_dashboard_draw(const tui_state *state, tui_rect main);
void view_licenses_draw(const tui_state *state, tui_rect main);
void view_license_detail_draw(const tui_state *state, tui_rect main);
void view_activations_draw(const tui_state *state, tui_rect main);
void view_downloads_draw(const tui_state *state, tui_rect main);
void view_download_detail_draw(const tui_state *state, tui_rect main);
void view_help_draw(const tui_state *state);
void view_qr_draw(const tui_state *state);
void view_log_draw(const tui_state *state);

/* "Loading" or an error line at the top of a view. */
void view_banner(const tui_state *state, tui_rect banner, const char *title);
/* A detail view's banner; where its `lines` do not fit, it says which show. */
void view_detail_banner(const tui_state *state, tui_rect banner, const char *title, int lines,
                        int scroll);
/* The first key bound to `action`, for hints ("l"). */
void view_key_of(const tui_state *state, tui_action action, char *out, size_t size);
tui_role view_status_role(lp_license_status status);

#endif
