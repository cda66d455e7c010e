/* Dashboard KPI definitions, shared by the SQL that counts them and the tests that pin them. */
#ifndef LP_SERVER_KPI_H
#define LP_SERVER_KPI_H

#include <stdbool.h>

#include "server/license_status.h"

#define LP_KPI_EXPIRING_WINDOW_DAYS 30
#define LP_SECONDS_PER_DAY 86400

/* The closed interval [from, to] in which an expiry counts as "soon". */
struct lpd_time_window {
    lp_time from;
    lp_time to;
};

/* [now, now + days]; both ends are included. */
struct lpd_time_window lpd_expiring_window(lp_time now, int days);

/* Whether a license counts towards active_licenses at `now`. */
bool lpd_kpi_counts_as_active(enum lp_license_status stored, lp_time expires_at, lp_time now);

/* Whether a license counts towards expiring_soon: reported active and its
 * expiry inside the window. */
bool lpd_kpi_counts_as_expiring(enum lp_license_status stored, lp_time expires_at, lp_time now, int days);

/* How expiry counts taken at `from` turn into those at `to` (from <= to):
 * lapsed(to) = lapsed(from) + count(lapsed_more);
 * expiring(to) = expiring(from) - count(left_window) + count(entered_window).
 * Each range is closed and empty when its from > to, so advancing by a few
 * seconds touches a few seconds' worth of licenses, not all of them. */
struct lpd_kpi_advance {
    struct lpd_time_window lapsed_more;
    struct lpd_time_window left_window;
    struct lpd_time_window entered_window;
};

struct lpd_kpi_advance lpd_kpi_advance(lp_time from, lp_time to, int days);

#endif
