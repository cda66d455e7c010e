/* One Activation object, for the answers that hold one (pages, offline activations). */
#ifndef LICPORTAL_LIB_MODEL_ACTIVATION_JSON_H
#define LICPORTAL_LIB_MODEL_ACTIVATION_JSON_H

#include <cjson/cJSON.h>

#include "licportal/error.h"
#include "licportal/model.h"

/* Maps `node` (at `path`) onto *out; on failure *out is cleared. */
lp_status lp_json_read_activation(const cJSON *node, const char *path, lp_activation *out,
                                  lp_error *err);

#endif
