/* Dashboard KPI rules: what "active" and "expiring soon" mean at a given instant. */
#include "server/kpi.h"

struct lpd_time_window lpd_expiring_window(lp_time now, int days)
{
    struct lpd_time_window window = {.from = now, .to = now + (lp_time)days * LP_SECONDS_PER_DAY};
    return window;
}

bool lpd_kpi_counts_as_active(enum lp_license_status stored, lp_time expires_at, lp_time now)
{
    return lpd_license_status_effective(stored, expires_at, now) == LP_LICENSE_ACTIVE;
}

bool lpd_kpi_counts_as_expiring(enum lp_license_status stored, lp_time expires_at, lp_time now, int days)
{
    if (expires_at == LP_TIME_NONE || !lpd_kpi_counts_as_active(stored, expires_at, now))
        return false;
    struct lpd_time_window window = lpd_expiring_window(now, days);
    return expires_at >= window.from && expires_at <= window.to;
}

struct lpd_kpi_advance lpd_kpi_advance(lp_time from, lp_time to, int days)
{
    lp_time span = (lp_time)days * LP_SECONDS_PER_DAY;
    struct lpd_kpi_advance advance = {
        .lapsed_more = {.from = from, .to = to - 1},
        .left_window = {.from = from, .to = to - 1},
        .entered_window = {.from = from + span + 1, .to = to + span},
    };
    return advance;
}
