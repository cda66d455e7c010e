/* Signed license files: the envelope around a payload, signed with the current key. */
#ifndef LP_SERVER_LICENSE_FILE_H
#define LP_SERVER_LICENSE_FILE_H

#include <cjson/cJSON.h>

#include "server/signing_key.h"

/* {"format": "licportal-license-file", "version": 1, "alg": "ed25519",
 * "key_id", "payload", "signature"}: `payload` printed without spaces,
 * base64url without padding, and the Ed25519 signature of those exact bytes.
 * NULL when out of memory. */
cJSON *lpd_license_file_sign(const cJSON *payload, const struct lpd_signing_key *key);

#endif
