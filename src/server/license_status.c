/* Licence status names and the expiry rule applied at request time. */
#include "server/license_status.h"

#include <string.h>

static const char *const status_names[] = {
    [LP_LICENSE_ACTIVE] = "active",
    [LP_LICENSE_EXPIRED] = "expired",
    [LP_LICENSE_SUSPENDED] = "suspended",
    [LP_LICENSE_REVOKED] = "revoked",
    [LP_LICENSE_PENDING] = "pending",
};

const char *lp_license_status_name(enum lp_license_status status)
{
    if ((unsigned)status >= sizeof status_names / sizeof status_names[0])
        return "pending";
    return status_names[status];
}

bool lp_license_status_parse(const char *name, enum lp_license_status *out)
{
    if (name == NULL)
        return false;
    for (unsigned i = 0; i < sizeof status_names / sizeof status_names[0]; i++) {
        if (strcmp(name, status_names[i]) == 0) {
            *out = (enum lp_license_status)i;
            return true;
        }
    }
    return false;
}

enum lp_license_status lp_license_status_effective(enum lp_license_status stored, lp_time expires_at, lp_time now)
{
    if (stored == LP_LICENSE_ACTIVE && expires_at != LP_TIME_NONE && expires_at < now)
        return LP_LICENSE_EXPIRED;
    return stored;
}
