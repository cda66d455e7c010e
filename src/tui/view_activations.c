/* Activations across licences: devices and domains, deactivated after a confirmation. */
#include <stdio.h>

#include "licportal/format.h"
#include "tui/list_rows.h"
#include "tui/list_view.h"
#include "tui/views.h"

void view_activations_draw(const tui_state *state, tui_rect main)
{
    char banner[160];
    if (state->activations.total >= 0)
        snprintf(banner, sizeof banner, "Activations (%ld)%s", state->activations.total,
                 state->activations_license[0] ? " of one license" : "");
    else
        snprintf(banner, sizeof banner, "Activations");
    list_view_draw(state, main, banner, &state->activations, tui_activation_columns,
                   TUI_ACTIVATION_COLUMNS);
}
