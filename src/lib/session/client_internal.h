/* What the library's own parts (the download job) and its tests need from the client beyond the public header. */
#ifndef LICPORTAL_SESSION_CLIENT_INTERNAL_H
#define LICPORTAL_SESSION_CLIENT_INTERNAL_H

#include "lib/store/credentials.h"
#include "lib/transport/transport.h"
#include "licportal/client.h"

/* The headers received so far by the call's transfer in flight (status and
 * Content-Range are known before the first body byte), or NULL. */
const lp_http_response *lp_call_live_response(const lp_call *call);

/* The final HTTP answer (status and headers) of a call whose value
 * lp_call_result gives, valid until lp_call_free; else NULL. */
const lp_http_response *lp_call_final_response(const lp_call *call);

/* The session with its tokens, or NULL when none is held. Only the
 * library's tests look at tokens; programs get lp_client_session_info. */
const lp_credentials *lp_client_credentials(const lp_client *client);

/* Cancels and frees a call the client still owns; a call already handed out
 * by next_done is left alone (its owner frees it). */
void lp_client_discard(lp_client *client, lp_call *call);

#endif
