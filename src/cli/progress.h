/* The download progress line: bar, percent, speed and time left. */
#ifndef LICPORTAL_CLI_PROGRESS_H
#define LICPORTAL_CLI_PROGRESS_H

#include <stddef.h>

#include "licportal/download.h"

/* One line of at most `columns` columns (no newline): "[#####     ]  45%  3.2 MiB/s  ETA 12 s". */
void cli_progress_format(const lp_download_progress *progress, size_t columns, char *out,
                         size_t size);

#endif
