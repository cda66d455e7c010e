/* Public object ids: a kind prefix and the row number ("lic_42"), opaque to clients. */
#ifndef LP_SERVER_OBJECT_ID_H
#define LP_SERVER_OBJECT_ID_H

#include <stdbool.h>
#include <stdint.h>

#define LP_ID_LEN 32

#define LP_ID_USER "usr"
#define LP_ID_LICENSE "lic"
#define LP_ID_ACTIVATION "act"
#define LP_ID_RELEASE "rel"
#define LP_ID_RENEWAL "ren"
#define LP_ID_PERSONAL_TOKEN "pat"

/* Writes "PREFIX_N" into `out`. */
void lpd_object_id_format(const char *prefix, int64_t row, char out[LP_ID_LEN]);

/* Parses "PREFIX_N" with N a positive decimal without leading zeros. */
bool lpd_object_id_parse(const char *prefix, const char *text, int64_t *row);

#endif
