/* GET /signing-keys: the public keys that verify offline license files, retired ones included. */
#include "server/api_handlers.h"
#include "server/response.h"
#include "server/signing_key.h"

enum MHD_Result lp_api_signing_keys(struct lp_request *req)
{
    cJSON *body = lp_signing_keys_json(req->db);
    return body != NULL ? lp_reply_json(req, MHD_HTTP_OK, body) : lp_reply_internal(req);
}
