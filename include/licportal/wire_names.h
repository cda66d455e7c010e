/* The names the Portal API fixes on the wire (license statuses, sort keys,
 * channels, platforms, token scopes),
 * written once and shared by the client library and the reference server.
 * Programs on the library meet them through licportal/model.h. */
#ifndef LICPORTAL_WIRE_NAMES_H
#define LICPORTAL_WIRE_NAMES_H

#include <stdbool.h>
#include <stddef.h>

typedef enum lp_license_status {
    LP_LICENSE_ACTIVE,
    LP_LICENSE_EXPIRED,
    LP_LICENSE_SUSPENDED,
    LP_LICENSE_REVOKED,
    LP_LICENSE_PENDING,
} lp_license_status;
#define LP_LICENSE_STATUS_COUNT 5

/* A list of wire names, in the order the contract lists them; `names` also
 * ends with a NULL after the `count` names. */
typedef struct lp_wire_names {
    const char *const *names;
    size_t count;
} lp_wire_names;

/* "active", "expired", ... indexed by lp_license_status. */
extern const lp_wire_names lp_license_statuses;
/* The `sort` values of GET /licenses, /activations and /downloads; each key
 * comes with its reverse ("-key"). The first is the server's default only
 * where the contract says so (see the API document). */
extern const lp_wire_names lp_license_sort_keys;
extern const lp_wire_names lp_activation_sort_keys;
extern const lp_wire_names lp_download_sort_keys;

/* Download channels and platforms (filters and Download fields), and the
 * scopes of personal access tokens. */
extern const lp_wire_names lp_download_channels;
extern const lp_wire_names lp_download_platforms;
extern const lp_wire_names lp_token_scopes;

/* The index of `name` in `list`, or -1 (also for NULL). */
int lp_wire_index(const lp_wire_names *list, const char *name);

/* Writes "a, b or c" into `out` (truncated to `size`); returns `out`. */
char *lp_wire_list_text(const lp_wire_names *list, char *out, size_t size);

/* The wire name of `status` ("unknown" outside the enumeration), and back. */
const char *lp_license_status_name(lp_license_status status);
bool lp_license_status_from_name(const char *name, lp_license_status *out);

#endif
