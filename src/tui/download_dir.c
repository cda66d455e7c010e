/* Where the save prompt offers to put a download. */
#include "tui/download_dir.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static bool is_dir(const char *path)
{
    struct stat st;
    return path && path[0] && stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

void tui_download_dir(const char *configured, char *out, size_t size)
{
    if (configured && configured[0]) {
        snprintf(out, size, "%s", configured);
        return;
    }
    const char *xdg = getenv("XDG_DOWNLOAD_DIR");
    if (is_dir(xdg)) {
        snprintf(out, size, "%s", xdg);
        return;
    }
    const char *home = getenv("HOME");
    char downloads[1024];
    snprintf(downloads, sizeof downloads, "%s/Downloads", home ? home : "");
    if (home && home[0] && is_dir(downloads)) {
        snprintf(out, size, "%s", downloads);
        return;
    }
    snprintf(out, size, "%s", "");
}

void tui_download_path(const char *dir, const char *filename, char *out, size_t size)
{
    const char *name = filename ? filename : "";
    const char *slash = strrchr(name, '/');
    if (slash)
        name = slash + 1;
    size_t len = dir ? strlen(dir) : 0;
    if (len == 0)
        snprintf(out, size, "%s", name);
    else
        snprintf(out, size, "%s%s%s", dir, dir[len - 1] == '/' ? "" : "/", name);
}
