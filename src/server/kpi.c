/* Dashboard KPI rules: what "active" and "expiring soon" mean at a given instant. */
#include "server/kpi.h"

struct lp_time_window lp_expiring_window(lp_time now, int days)
{
    struct lp_time_window window = {.from = now, .to = now + (lp_time)days * LP_SECONDS_PER_DAY};
    return window;
}

bool lp_kpi_counts_as_active(enum lp_license_status stored, lp_time expires_at, lp_time now)
{
    return lp_license_status_effective(stored, expires_at, now) == LP_LICENSE_ACTIVE;
}

bool lp_kpi_counts_as_expiring(enum lp_license_status stored, lp_time expires_at, lp_time now, int days)
{
    if (expires_at == LP_TIME_NONE || !lp_kpi_counts_as_active(stored, expires_at, now))
        return false;
    struct lp_time_window window = lp_expiring_window(now, days);
    return expires_at >= window.from && expires_at <= window.to;
}

struct lp_kpi_advance lp_kpi_advance(lp_time from, lp_time to, int days)
{
    lp_time span = (lp_time)days * LP_SECONDS_PER_DAY;
    struct lp_kpi_advance advance = {
        .lapsed_more = {.from = from, .to = to - 1},
        .left_window = {.from = from, .to = to - 1},
        .entered_window = {.from = from + span + 1, .to = to + span},
    };
    return advance;
}
