/* What each list shows of its items: the cells of a row, built once per fetched page. */
#ifndef LICPORTAL_TUI_LIST_ROWS_H
#define LICPORTAL_TUI_LIST_ROWS_H

#include "licportal/model.h"
#include "tui/clean_row.h"

tui_role tui_license_status_role(lp_license_status status);

/* Each takes the list's item type (as the pager's row builder). */
void tui_license_row(const void *item, tui_clean_row *row);
void tui_activation_row(const void *item, tui_clean_row *row);
void tui_download_row(const void *item, tui_clean_row *row);
/* The dashboard's recent licenses: key, product, status, added. */
void tui_recent_license_row(const lp_license_summary *license, tui_clean_row *row);

#endif
