/* Maps method and path to a handler, authenticating first where the route needs it. */
#ifndef LP_SERVER_ROUTER_H
#define LP_SERVER_ROUTER_H

#include "server/request.h"

/* Answers `req`: 404 not_found for unknown paths, 405 for a known path with
 * another method, otherwise the route's handler. */
enum MHD_Result lpd_route(struct lpd_request *req);

#endif
