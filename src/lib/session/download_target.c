/* Where a downloaded file goes: only the base name of the server's filename, never a path trick. */
#include "licportal/download.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "licportal/text.h"

/* Why the base name cannot be a file name, or NULL when it can. A name must
 * print as it is: with a control, a BiDi override or an invisible character
 * ("\u202eexe.txt" shows as "txt.exe") what the user reads would not be
 * what is on disk. */
static const char *unusable_because(const char *name)
{
    if (!*name || name[0] == '.') /* "", ".", "..", and hidden files */
        return "empty or hidden";
    if (!lp_text_is_printable(name))
        return "it holds control, BiDi or invisible characters, or invalid UTF-8";
    return NULL;
}

static char *join(const char *dir, const char *name)
{
    size_t dlen = strlen(dir);
    bool slash = dlen > 0 && dir[dlen - 1] == '/';
    size_t n = dlen + 1 + strlen(name) + 1;
    char *path = malloc(n);
    if (path)
        snprintf(path, n, "%s%s%s", dir, slash ? "" : "/", name);
    return path;
}

char *lp_download_target_path(const char *output, const char *server_filename, lp_error *err)
{
    if (!server_filename) {
        lp_error_set(err, LP_ERR_PROTOCOL,
                     "the server's answer broke the API contract: no filename");
        return NULL;
    }
    /* Windows-style separators count too: a release for Windows may be
     * named by a server that thinks in backslashes. */
    const char *base = server_filename;
    for (const char *p = server_filename; *p; p++)
        if (*p == '/' || *p == '\\')
            base = p + 1;
    const char *unusable = unusable_because(base);

    struct stat st;
    bool output_is_dir = output && *output && stat(output, &st) == 0 && S_ISDIR(st.st_mode);
    if (output && *output && !output_is_dir) {
        size_t len = strlen(output);
        if (output[len - 1] == '/') {
            lp_error_set(err, LP_ERR_USAGE, "%s is not an existing directory", output);
            return NULL;
        }
        char *path = strdup(output);
        if (!path)
            lp_error_set(err, LP_ERR_NOMEM, "out of memory");
        return path;
    }
    if (unusable) {
        lp_error_set(
            err, LP_ERR_PROTOCOL,
            "the server's answer broke the API contract: unusable file name (%s); give -o PATH",
            unusable);
        return NULL;
    }
    char *path = output_is_dir ? join(output, base) : strdup(base);
    if (!path)
        lp_error_set(err, LP_ERR_NOMEM, "out of memory");
    return path;
}
