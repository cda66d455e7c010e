/* The XDG base directories (config, state, cache) of licportal. */
#include "licportal/config.h"

#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char *home_directory(void)
{
    const char *home = getenv("HOME");
    if (home && home[0] == '/')
        return strdup(home);
    struct passwd pw, *found = NULL;
    char buf[4096];
    if (getpwuid_r(getuid(), &pw, buf, sizeof buf, &found) == 0 && found && pw.pw_dir &&
        pw.pw_dir[0] == '/')
        return strdup(pw.pw_dir);
    return NULL;
}

static char *join(const char *base, const char *middle)
{
    size_t len = strlen(base) + strlen(middle) + sizeof "/licportal" + 1;
    char *out = malloc(len);
    if (out)
        snprintf(out, len, "%s%s/licportal", base, middle);
    return out;
}

char *lp_xdg_dir(const char *kind)
{
    const char *variable, *fallback;
    if (!kind)
        return NULL;
    if (strcmp(kind, "config") == 0) {
        variable = "XDG_CONFIG_HOME";
        fallback = "/.config";
    } else if (strcmp(kind, "state") == 0) {
        variable = "XDG_STATE_HOME";
        fallback = "/.local/state";
    } else if (strcmp(kind, "cache") == 0) {
        variable = "XDG_CACHE_HOME";
        fallback = "/.cache";
    } else {
        return NULL;
    }
    /* The specification says relative paths in these variables are invalid and ignored. */
    const char *value = getenv(variable);
    if (value && value[0] == '/')
        return join(value, "");
    char *home = home_directory();
    if (!home)
        return NULL;
    char *out = join(home, fallback);
    free(home);
    return out;
}
