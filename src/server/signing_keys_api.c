/* GET /signing-keys: the public keys that verify offline license files, retired ones included. */
#include "server/api_handlers.h"
#include "server/response.h"
#include "server/signing_key.h"

enum MHD_Result lpd_api_signing_keys(struct lpd_request *req)
{
    cJSON *body = lpd_signing_keys_json(req->db);
    return body != NULL ? lpd_reply_json(req, MHD_HTTP_OK, body) : lpd_reply_internal(req);
}
