/* The table of views: adding a view is its own file plus one row here. */
#include "tui/view_ops.h"

#include <stddef.h>

static const tui_view_ops *const views[TUI_VIEW_COUNT] = {
    [TUI_VIEW_DASHBOARD] = &tui_dashboard_ops,
    [TUI_VIEW_LICENSES] = &tui_licenses_ops,
    [TUI_VIEW_ACTIVATIONS] = &tui_activations_ops,
    [TUI_VIEW_DOWNLOADS] = &tui_downloads_ops,
    [TUI_VIEW_LICENSE_DETAIL] = &tui_license_detail_ops,
    [TUI_VIEW_DOWNLOAD_DETAIL] = &tui_download_detail_ops,
};

const tui_view_ops *tui_view_ops_of(tui_view_id view)
{
    if ((int)view < 0 || view >= TUI_VIEW_COUNT)
        return views[TUI_VIEW_DASHBOARD];
    return views[view];
}

const tui_view_ops *tui_view_ops_for_call(lp_call_kind kind)
{
    for (int v = 0; v < TUI_VIEW_COUNT; v++)
        for (int i = 0; i < views[v]->call_count; i++)
            if (views[v]->calls[i] == kind)
                return views[v];
    return NULL;
}

const tui_view_ops *tui_view_ops_for_scope(tui_scope scope)
{
    for (int v = 0; v < TUI_VIEW_COUNT; v++)
        if (views[v]->scope == scope)
            return views[v];
    return NULL;
}
