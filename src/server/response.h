/* Replies: JSON with ETag and 304 handling, the error envelope, empty replies. Each sets X-Request-Id. */
#ifndef LP_SERVER_RESPONSE_H
#define LP_SERVER_RESPONSE_H

#include <cjson/cJSON.h>
#include <microhttpd.h>

#include "licportal/wire_names.h"
#include "server/request.h"

/* Queues `response` (consumed) with `status`, adding X-Request-Id. */
enum MHD_Result lpd_reply(struct lpd_request *req, unsigned status, struct MHD_Response *response);

/* Sends `body` (consumed). A GET answered 200 carries a strong ETag, and an
 * If-None-Match naming it turns the reply into 304 without a body. */
enum MHD_Result lpd_reply_json(struct lpd_request *req, unsigned status, cJSON *body);

/* As lpd_reply_json, but the ETag ignores the top-level `volatile_member`
 * (for example "generated_at"): unchanged data revalidates to 304. */
enum MHD_Result lpd_reply_json_stable(struct lpd_request *req, unsigned status, cJSON *body,
                                      const char *volatile_member);

/* {"error": {"code", "message", "request_id"}}. */
enum MHD_Result lpd_reply_error(struct lpd_request *req, unsigned status, const char *code, const char *message);

/* 429 rate_limited with Retry-After. */
enum MHD_Result lpd_reply_rate_limited(struct lpd_request *req, long retry_after);

/* 204 without a body. */
enum MHD_Result lpd_reply_no_content(struct lpd_request *req);

/* 500 internal_error, for failures the client cannot fix. */
enum MHD_Result lpd_reply_internal(struct lpd_request *req);

#endif
