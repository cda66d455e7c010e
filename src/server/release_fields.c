/* Checks of release field values shared by `release add` and the downloads API. */
#include "server/release_fields.h"

#include <string.h>

const char *const lpd_release_channels[] = {"stable", "beta", NULL};
const char *const lpd_release_platforms[] = {"linux", "windows", "macos", "any", NULL};
const char *const lpd_release_archs[] = {"x86_64", "aarch64", "any", NULL};

bool lpd_release_value_allowed(const char *value, const char *const *allowed)
{
    if (value == NULL)
        return false;
    for (; *allowed != NULL; allowed++) {
        if (strcmp(value, *allowed) == 0)
            return true;
    }
    return false;
}

bool lpd_release_folder_name_valid(const char *name)
{
    size_t len = name != NULL ? strlen(name) : 0;
    if (len == 0 || len > LP_RELEASE_VERSION_MAX || name[0] == '.')
        return false;
    for (size_t i = 0; i < len; i++) {
        char c = name[i];
        bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (!alnum && strchr("._+~-", c) == NULL)
            return false;
    }
    return true;
}

bool lpd_release_filename_valid(const char *filename)
{
    size_t len = filename != NULL ? strlen(filename) : 0;
    if (len == 0 || len > LP_RELEASE_FILENAME_MAX || filename[0] == '.')
        return false;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)filename[i];
        if (c < 0x20 || c > 0x7e || c == '/' || c == '\\' || c == '"')
            return false;
    }
    return true;
}
