/* Offline activation's two files: the machine request read in, the signed license file written out. */
#ifndef LICPORTAL_TUI_OFFLINE_FILES_H
#define LICPORTAL_TUI_OFFLINE_FILES_H

#include <stddef.h>

#include "licportal/error.h"

/* Reads the machine request at `request_path` (a JSON object, at most
 * 64 KiB) into a malloc'd buffer, after checking that the license file
 * would go elsewhere and that `license_path` does not exist yet, so that no
 * seat is taken for a file that could not be written. On failure, says why
 * in one line in `err`. */
lp_status tui_offline_read_request(const char *request_path, const char *license_path,
                                   char **request, size_t *len, lp_error *err);

/* Writes `license_file` to `license_path` (mode 0600, atomically), refusing
 * to replace a file that appeared there meanwhile. */
lp_status tui_offline_write_license(const char *license_path, const char *license_file,
                                    lp_error *err);

#endif
