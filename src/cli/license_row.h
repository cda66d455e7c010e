/* A licence summary as table cells, shared by the dashboard and the licence list. */
#ifndef LICPORTAL_CLI_LICENSE_ROW_H
#define LICPORTAL_CLI_LICENSE_ROW_H

#include "cli/table.h"
#include "licportal/model.h"

enum { CLI_LICENSE_COLUMNS = 8 };
extern const char *const cli_license_headers[CLI_LICENSE_COLUMNS];

bool cli_add_license_row(cli_table *table, const lp_license_summary *license);

#endif
