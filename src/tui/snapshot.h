/* The last dashboard kept on disk for offline use: masked keys only, never a token. */
#ifndef LICPORTAL_TUI_SNAPSHOT_H
#define LICPORTAL_TUI_SNAPSHOT_H

#include <stddef.h>

#include "licportal/error.h"
#include "licportal/model.h"

/* CACHE_DIR/dashboard-HASH.json, one per server and account; malloc'd. */
char *tui_snapshot_path(const char *cache_dir, const char *server, const char *email);
/* Writes the dashboard JSON as received (it holds masked keys only) to a
 * temporary file renamed over the old one, without fsync: a snapshot cut
 * short by a crash reads back as an error, like a missing one. */
lp_status tui_snapshot_save(const char *path, const char *json, size_t len, lp_error *err);
lp_status tui_snapshot_load(const char *path, lp_dashboard *out, lp_error *err);

#endif
