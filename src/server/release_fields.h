/* What a release's fields may hold: the contract's channels, platforms and architectures, and names safe on disk. */
#ifndef LP_SERVER_RELEASE_FIELDS_H
#define LP_SERVER_RELEASE_FIELDS_H

#include <stdbool.h>

#define LP_RELEASE_VERSION_MAX 64
#define LP_RELEASE_FILENAME_MAX 200

/* NULL-terminated lists of the values portal-api.md allows. */
extern const char *const lpd_release_channels[];
extern const char *const lpd_release_platforms[];
extern const char *const lpd_release_archs[];

/* True when `value` is one of the NULL-terminated `allowed` values. */
bool lpd_release_value_allowed(const char *value, const char *const *allowed);

/* Product ids and versions name the folders a copied release file goes
 * into, so they are limited to letters, digits and . _ + ~ -, at most
 * LP_RELEASE_VERSION_MAX characters, and may not start with a dot. */
bool lpd_release_folder_name_valid(const char *name);

/* A file name is sent back in a quoted Content-Disposition and becomes a
 * file name on disk: printable ASCII without / \ " and no leading dot. */
bool lpd_release_filename_valid(const char *filename);

#endif
