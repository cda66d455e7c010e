/* The machine request of an offline activation: what the air-gapped machine says about itself. */
#ifndef LP_SERVER_MACHINE_REQUEST_H
#define LP_SERVER_MACHINE_REQUEST_H

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stddef.h>

#include "licportal/timestamp.h"

/* A request older than this is refused; one dated further ahead than the
 * allowed clock skew as well. */
#define LP_MACHINE_REQUEST_MAX_AGE (7L * 86400L)
#define LP_MACHINE_REQUEST_MAX_SKEW 86400L

#define LP_MACHINE_HOSTNAME_MAX 253
#define LP_MACHINE_PLATFORM_MAX 64

struct lpd_machine_request {
    char fingerprint[65];
    char hostname[LP_MACHINE_HOSTNAME_MAX + 1];
    char platform[LP_MACHINE_PLATFORM_MAX + 1];
    char nonce[33];
    lp_time created_at;
};

/* Checks `request` strictly: exactly the members version (1), fingerprint (64
 * lowercase hex), hostname (1..253 of A-Z a-z 0-9 . - _), platform (1..64 of
 * the same), nonce (32 lowercase hex) and created_at (RFC 3339, not older
 * than 7 days at `now`, not more than one day ahead). On failure `why` says
 * which member is wrong. */
bool lpd_machine_request_parse(const cJSON *request, lp_time now, struct lpd_machine_request *out, char *why,
                               size_t why_size);

#endif
