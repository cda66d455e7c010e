/* A license summary as table cells, shared by the dashboard and the license list. */
#ifndef LICPORTAL_CLI_LICENSE_ROW_H
#define LICPORTAL_CLI_LICENSE_ROW_H

#include "cli/table.h"
#include "licportal/model.h"

/* The license list: ID, KEY, PRODUCT, EDITION, STATUS, EXPIRES, SEATS. */
cli_table *cli_license_table_new(void);
bool cli_add_license_row(cli_table *table, const lp_license_summary *license);

/* The license as a record for scripts: cli_license_fields, raw values. */
#define CLI_LICENSE_FIELD_COUNT 10
extern const char *const cli_license_fields[CLI_LICENSE_FIELD_COUNT];
bool cli_add_license_record(cli_table *table, const lp_license_summary *license);

/* The dashboard's recent licenses: ID, KEY, PRODUCT, STATUS, ADDED. */
cli_table *cli_recent_table_new(void);
bool cli_add_recent_row(cli_table *table, const lp_license_summary *license);

#endif
