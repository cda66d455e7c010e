/* Bearer-token authentication of API requests. */
#ifndef LP_SERVER_AUTH_GUARD_H
#define LP_SERVER_AUTH_GUARD_H

#include <stdbool.h>

#include "server/request.h"

/* Sets req->user_id from the Authorization header: a session's access token
 * or a personal access token ("lpt_..."). On failure replies 401
 * (token_expired or unauthenticated), or 403 insufficient_scope for a
 * read-only personal token on a call that writes, and returns false. */
bool lpd_authenticate(struct lpd_request *req);

#endif
