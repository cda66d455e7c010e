/* What the library's own parts may do with a finished transfer beyond the public header. */
#ifndef LICPORTAL_TRANSPORT_TRANSFER_INTERNAL_H
#define LICPORTAL_TRANSPORT_TRANSFER_INTERNAL_H

#include "lib/transport/transport.h"

/* Moves the response (headers and body) out of a finished transfer, so the
 * transfer can be freed at once while its answer lives on. */
void lp_transfer_move_response(lp_transfer *transfer, lp_http_response *out);
void lp_http_response_clear(lp_http_response *response);

#endif
