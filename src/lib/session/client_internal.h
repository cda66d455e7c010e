/* What the download job needs from the client beyond the public header. */
#ifndef LICPORTAL_SESSION_CLIENT_INTERNAL_H
#define LICPORTAL_SESSION_CLIENT_INTERNAL_H

#include "licportal/client.h"

/* The headers received so far by the call's transfer in flight (status and
 * Content-Range are known before the first body byte), or NULL. */
const lp_http_response *lp_call_live_response(const lp_call *call);

/* Cancels and frees a call the client still owns; a call already handed out
 * by next_done is left alone (its owner frees it). */
void lp_client_discard(lp_client *client, lp_call *call);

#endif
