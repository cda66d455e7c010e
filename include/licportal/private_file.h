/* Files only the user may read: directories made 0700, whole-file reads, atomic 0600 writes.
 * The library keeps its configuration and file store so; the CLI reads and
 * writes license files, machine requests, signing keys and its id cache with it. */
#ifndef LICPORTAL_PRIVATE_FILE_H
#define LICPORTAL_PRIVATE_FILE_H

#include <stdbool.h>
#include <stddef.h>

#include "licportal/error.h"

/* Creates `path` and its missing parents with mode 0700 (existing ones are left alone). */
lp_status lp_private_mkdirs(const char *path, lp_error *err);

/* Opens `path` for reading (O_RDONLY | O_CLOEXEC | extra_flags, such as
 * O_NOFOLLOW) without ever waiting: non-blocking, then fstat, and anything
 * but a regular file (a FIFO, a device, a directory) is refused with
 * LP_ERR_IO before a byte is read. A missing file gives LP_OK with *fd -1. */
lp_status lp_private_open_regular(const char *path, int extra_flags, int *fd, lp_error *err);

/* Reads a whole regular file (see lp_private_open_regular) of at most
 * `max_bytes` into a malloc'd, NUL-terminated buffer. A missing file gives
 * LP_OK with *data NULL. */
lp_status lp_private_read(const char *path, size_t max_bytes, char **data, size_t *len,
                          lp_error *err);

/* Replaces `path` with `len` bytes: a temporary file in the same directory
 * (mode 0600 before any byte is written), fsync, rename over `path`, then
 * fsync of the directory, so that a crash leaves the old or the new file. */
lp_status lp_private_write_atomic(const char *path, const char *data, size_t len, lp_error *err);

#endif
