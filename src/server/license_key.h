/* Licence keys: how they are shown masked in lists. */
#ifndef LP_SERVER_LICENSE_KEY_H
#define LP_SERVER_LICENSE_KEY_H

#include <stddef.h>

/* Copies `key` into `out` with every letter and digit except the last four
 * replaced by 'X'; separators stay ("XXXX-XXXX-XXXX-7F3A"). A key that does
 * not fit comes out as all 'X'. */
void lp_license_key_mask(const char *key, char *out, size_t out_size);

#endif
