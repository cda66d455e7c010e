/* License status as stored and as reported: an active license past its expiry reads as expired.
 * The status names themselves are the contract's (licportal/wire_names.h). */
#ifndef LP_SERVER_LICENSE_STATUS_H
#define LP_SERVER_LICENSE_STATUS_H

#include "licportal/timestamp.h"
#include "licportal/wire_names.h"

/* The status a client sees at `now`: an active license whose expires_at lies
 * before `now` is expired; at exactly expires_at it is still active. */
enum lp_license_status lpd_license_status_effective(enum lp_license_status stored, lp_time expires_at, lp_time now);

#endif
