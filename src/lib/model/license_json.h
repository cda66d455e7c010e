/* LicenseSummary from a JSON node, shared by license pages and the dashboard. */
#ifndef LICPORTAL_LIB_MODEL_LICENSE_JSON_H
#define LICPORTAL_LIB_MODEL_LICENSE_JSON_H

#include <cjson/cJSON.h>

#include "licportal/error.h"
#include "licportal/model.h"

/* Leaves *out zeroed on failure. */
lp_status lp_json_license_summary(const cJSON *node, const char *path, lp_license_summary *out,
                                  lp_error *err);

#endif
