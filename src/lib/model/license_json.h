/* LicenseSummary from a JSON node, shared by license pages and the dashboard. */
#ifndef LICPORTAL_LIB_MODEL_LICENSE_JSON_H
#define LICPORTAL_LIB_MODEL_LICENSE_JSON_H

#include <cjson/cJSON.h>

#include "licportal/error.h"
#include "licportal/model.h"

/* Leaves *out zeroed on failure. */
lp_status lp_json_license_summary(const cJSON *node, const char *path, lp_license_summary *out,
                                  lp_error *err);

/* The two readers lp_parse_license_page tries in turn, apart so that tests
 * can hold them to agree: the one-pass reader (false, *out zeroed, when it
 * gives up) and the tree reader. */
bool lp_pull_license_page(const char *json, size_t len, lp_license_page *out);
lp_status lp_read_license_page_tree(const char *json, size_t len, lp_license_page *out,
                                    lp_error *err);

#endif
