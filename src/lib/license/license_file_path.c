/* The default name of a license file: the machine request's, with the extension ".license". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "licportal/license_file.h"

#define LICENSE_SUFFIX ".license"

char *lp_license_file_path_beside(const char *request_path)
{
    if (!request_path)
        return NULL;
    const char *base = strrchr(request_path, '/');
    base = base ? base + 1 : request_path;
    const char *dot = strrchr(base, '.');
    /* A leading dot names a hidden file, not an extension. */
    size_t stem = dot && dot != base ? (size_t)(dot - request_path) : strlen(request_path);
    size_t size = stem + sizeof LICENSE_SUFFIX;
    char *out = malloc(size);
    if (out)
        snprintf(out, size, "%.*s%s", (int)stem, request_path, LICENSE_SUFFIX);
    return out;
}
