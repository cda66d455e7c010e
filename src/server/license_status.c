/* The expiry rule applied to a license's status at request time. */
#include "server/license_status.h"

enum lp_license_status lpd_license_status_effective(enum lp_license_status stored, lp_time expires_at, lp_time now)
{
    if (stored == LP_LICENSE_ACTIVE && expires_at != LP_TIME_NONE && expires_at < now)
        return LP_LICENSE_EXPIRED;
    return stored;
}
