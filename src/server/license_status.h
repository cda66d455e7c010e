/* Licence status as stored and as reported: an active licence past its expiry reads as expired. */
#ifndef LP_SERVER_LICENSE_STATUS_H
#define LP_SERVER_LICENSE_STATUS_H

#include <stdbool.h>

#include "licportal/timestamp.h"

enum lp_license_status {
    LP_LICENSE_ACTIVE,
    LP_LICENSE_EXPIRED,
    LP_LICENSE_SUSPENDED,
    LP_LICENSE_REVOKED,
    LP_LICENSE_PENDING,
};

/* The wire name ("active", ...). */
const char *lp_license_status_name(enum lp_license_status status);

/* Parses a wire name; false for anything else. */
bool lp_license_status_parse(const char *name, enum lp_license_status *out);

/* The status a client sees at `now`: an active licence whose expires_at lies
 * before `now` is expired; at exactly expires_at it is still active. */
enum lp_license_status lp_license_status_effective(enum lp_license_status stored, lp_time expires_at, lp_time now);

#endif
