/* The audit trail: security-relevant actions, who did them, when and from where. */
#ifndef LP_SERVER_AUDIT_H
#define LP_SERVER_AUDIT_H

#include <stdint.h>

#include "server/request.h"

/* Records `action` on `object_id` (may be NULL) for `user_id` (0 when none).
 * A failure is reported on stderr but does not fail the request. */
void lpd_audit(struct lpd_request *req, int64_t user_id, const char *action, const char *object_id, const char *detail);

/* The answer to a request that changed `changed` rows (-1: the statement
 * failed): 500, 404 not_found with `not_found_message` when none, else the
 * audit record of `action` on the request's object id and 204. */
enum MHD_Result lpd_reply_after_change(struct lpd_request *req, int changed, const char *not_found_message,
                                       const char *action);

#endif
