/* A release file under the files directory: found in place or copied in, with its size and SHA-256. */
#ifndef LP_SERVER_RELEASE_FILE_H
#define LP_SERVER_RELEASE_FILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define LP_RELEASE_PATH_MAX 1024

struct lpd_release_file {
    char relative[LP_RELEASE_PATH_MAX]; /* path under the files directory, as the database keeps it */
    uint64_t size;
    char sha256_hex[65];
    bool copied; /* the file was copied in, so a failed registration removes it again */
};

/* When `source` (after resolving symbolic links) lies inside `files_dir`,
 * writes its path relative to `files_dir` and returns true. */
bool lpd_release_file_inside(const char *files_dir, const char *source, char *relative, size_t relative_size);

/* Brings `source` under `files_dir`. A file already inside is only hashed;
 * any other is copied to `dest_relative` (folders created as needed, an
 * existing file never replaced) and hashed on the way. False with a message
 * in `err` when the source is missing, unreadable or not a regular file, or
 * the copy cannot be written. */
bool lpd_release_file_place(const char *files_dir, const char *source, const char *dest_relative,
                            struct lpd_release_file *out, char *err, size_t err_size);

/* Removes the copy lpd_release_file_place made; a file found in place stays. */
void lpd_release_file_discard(const char *files_dir, const struct lpd_release_file *file);

#endif
