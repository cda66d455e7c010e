/* Credentials as JSON text: one session, and the file store's list of sessions. */
#ifndef LICPORTAL_STORE_CREDENTIALS_JSON_H
#define LICPORTAL_STORE_CREDENTIALS_JSON_H

#include <cjson/cJSON.h>

#include "lib/store/credentials.h"

/* One session as a JSON object; NULL when out of memory. */
cJSON *lp_credentials_to_object(const lp_credentials *creds);
/* Fills *out from a session object; LP_ERR_STORE when a field is missing. */
lp_status lp_credentials_from_object(const cJSON *object, lp_credentials *out, lp_error *err);

/* One session as compact JSON text (malloc'd, for the keyring's secret). */
char *lp_credentials_to_json(const lp_credentials *creds);
lp_status lp_credentials_from_json(const char *json, lp_credentials *out, lp_error *err);

/* Deep copy; false when out of memory (then *out is cleared). */
bool lp_credentials_copy(const lp_credentials *from, lp_credentials *out);

#endif
