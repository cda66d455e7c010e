/* What each list shows of its items: the cells of a row, built once per fetched page. */
#ifndef LICPORTAL_TUI_LIST_ROWS_H
#define LICPORTAL_TUI_LIST_ROWS_H

#include "licportal/model.h"
#include "tui/clean_row.h"
#include "tui/columns.h"

/* Each list's columns, in the order drawn, with their priorities. */
extern const tui_column tui_license_columns[];
extern const tui_column tui_activation_columns[];
extern const tui_column tui_download_columns[];
enum { TUI_LICENSE_COLUMNS = 7, TUI_ACTIVATION_COLUMNS = 6, TUI_DOWNLOAD_COLUMNS = 7 };
/* Where Expires is among the license columns. */
enum { TUI_LICENSE_EXPIRES_COLUMN = 4 };

/* A masked key by its last group: "…7F3A" (the full mask is the detail's). */
void tui_key_tail(const char *masked, char *out, size_t size);
/* An expiry relative to `now`: "in 9 d", "3 d ago", "today", "in 5 mo",
 * "in 2 y"; "" for none. */
void tui_relative_expiry(lp_time expires, lp_time now, char *out, size_t size);
/* The colour of an expiry by its urgency: within 30 days, within 7, lapsed. */
tui_role tui_expiry_role(lp_time expires, lp_time now);
/* Seats in use of the maximum: "2/3", "2/∞". */
void tui_seats(int64_t used, int64_t max, char *out, size_t size);

tui_role tui_license_status_role(lp_license_status status);

/* Each takes the list's item type (as the pager's row builder). */
void tui_license_row(const void *item, tui_clean_row *row);
void tui_activation_row(const void *item, tui_clean_row *row);
void tui_download_row(const void *item, tui_clean_row *row);
/* Each list's item id, and its words for a confirmation (the group: the
 * license an activation belongs to). */
const char *tui_license_id(const void *item);
const char *tui_activation_id(const void *item);
const char *tui_download_id(const void *item);
void tui_license_describe(const void *item, char *label, size_t label_size, char *group,
                          size_t group_size);
void tui_activation_describe(const void *item, char *label, size_t label_size, char *group,
                             size_t group_size);
void tui_download_describe(const void *item, char *label, size_t label_size, char *group,
                           size_t group_size);

/* The dashboard's recent licenses: key, product, status, added. */
void tui_recent_license_row(const lp_license_summary *license, tui_clean_row *row);

#endif
