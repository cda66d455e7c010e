/* Bearer-token authentication of API requests. */
#ifndef LP_SERVER_AUTH_GUARD_H
#define LP_SERVER_AUTH_GUARD_H

#include <stdbool.h>

#include "server/request.h"

/* Sets req->user_id from the Authorization header. On failure replies 401
 * (token_expired or unauthenticated) and returns false. */
bool lp_authenticate(struct lp_request *req);

#endif
