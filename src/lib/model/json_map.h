/* Strict mapping of API response bodies (JSON text) onto the model: the
 * client (src/lib/session/) decodes every answer with these parsers. The
 * dashboard's parser is public (licportal/model.h): the terminal UI reads a
 * saved dashboard back with it. */
#ifndef LICPORTAL_MODEL_JSON_MAP_H
#define LICPORTAL_MODEL_JSON_MAP_H

#include <stddef.h>

#include "licportal/error.h"
#include "licportal/license_file.h"
#include "licportal/model.h"

/* Bodies larger than this, or nested deeper than LP_JSON_MAX_DEPTH, are refused. */
#define LP_JSON_MAX_BYTES (16u * 1024u * 1024u)
#define LP_JSON_MAX_DEPTH 64

/* Every parser reads `len` bytes of JSON text (no NUL needed). On success it
 * fills *out and returns LP_OK. On any violation of the contract (not JSON,
 * wrong type, missing required field, negative count, out-of-range number,
 * bad time stamp, unknown enumeration value, invalid UTF-8) it returns
 * LP_ERR_PROTOCOL with a message naming the field ("items[3].expires_at: not
 * an RFC 3339 time stamp") and leaves *out zeroed. Unknown extra fields are
 * ignored: the contract allows additions. lp_parse_dashboard is one of them. */
lp_status lp_parse_license_page(const char *json, size_t len, lp_license_page *out, lp_error *err);
lp_status lp_parse_license_detail(const char *json, size_t len, lp_license_detail *out,
                                  lp_error *err);
lp_status lp_parse_activation_page(const char *json, size_t len, lp_activation_page *out,
                                   lp_error *err);
lp_status lp_parse_download_page(const char *json, size_t len, lp_download_page *out,
                                 lp_error *err);
lp_status lp_parse_download(const char *json, size_t len, lp_download *out, lp_error *err);
lp_status lp_parse_user(const char *json, size_t len, lp_user *out, lp_error *err);
lp_status lp_parse_tokens(const char *json, size_t len, lp_tokens *out, lp_error *err);
lp_status lp_parse_personal_token(const char *json, size_t len, lp_personal_token *out,
                                  lp_error *err);
lp_status lp_parse_personal_token_page(const char *json, size_t len, lp_personal_token_page *out,
                                       lp_error *err);
lp_status lp_parse_product_page(const char *json, size_t len, lp_product_page *out, lp_error *err);
/* {"key": "..."} from POST /licenses/{id}/reveal; *key_out is malloc'd. */
lp_status lp_parse_revealed_key(const char *json, size_t len, char **key_out, lp_error *err);
/* {"activation", "license_file"} from POST /licenses/{id}/offline-activations. */
lp_status lp_parse_offline_activation(const char *json, size_t len, lp_offline_activation *out,
                                      lp_error *err);

/* An error body {"error": {"code", "message", "request_id"}}: fills err->code,
 * err->request_id and err->message (message prefixed by nothing; raw server
 * text is sanitised here since it will be shown). Returns false when the
 * body is not such an object (err untouched then). */
bool lp_parse_error_body(const char *json, size_t len, lp_error *err);

#endif
