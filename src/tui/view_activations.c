/* Activations across licenses: devices and domains, deactivated after a confirmation. */
#include <stdio.h>

#include "licportal/format.h"
#include "tui/list_rows.h"
#include "tui/list_view.h"
#include "tui/views.h"

void view_activations_draw(const tui_state *state, tui_rect main)
{
    char banner[400];
    int n = snprintf(banner, sizeof banner, "Activations");
    if (state->activations.total >= 0)
        n += snprintf(banner + n, sizeof banner - (size_t)n, " (%ld)%s", state->activations.total,
                      state->activations_license[0] ? " of one license" : "");
    const tui_list_order *o = &state->activations_order;
    n += snprintf(banner + n, sizeof banner - (size_t)n, "  sort: %s",
                  tui_activation_sorts[o->sort]);
    if (o->q[0])
        snprintf(banner + n, sizeof banner - (size_t)n, "  filter: \"%s\"", o->q);
    list_view_draw(state, main, banner, &state->activations, tui_activation_columns,
                   TUI_ACTIVATION_COLUMNS);
}
