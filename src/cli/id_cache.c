/* Writes the id files the shell completions read: whole or not at all, never a secret. */
#include "cli/id_cache.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "licportal/sanitize.h"

/* Descriptions are for a completion menu: a product or device name, cut short. */
#define DESCRIPTION_MAX 80

struct cli_id_cache {
    char *name;
    FILE *lines; /* a memory stream over `text` */
    char *text;
    size_t len;
    size_t ids;
};

cli_id_cache *cli_id_cache_new(const char *name)
{
    cli_id_cache *cache = calloc(1, sizeof *cache);
    if (cache == NULL) {
        return NULL;
    }
    cache->name = strdup(name);
    cache->lines = open_memstream(&cache->text, &cache->len);
    if (cache->name == NULL || cache->lines == NULL) {
        cli_id_cache_free(cache);
        return NULL;
    }
    return cache;
}

void cli_id_cache_free(cli_id_cache *cache)
{
    if (cache == NULL) {
        return;
    }
    if (cache->lines != NULL) {
        fclose(cache->lines);
    }
    free(cache->text);
    free(cache->name);
    free(cache);
}

static bool usable_id(const char *raw, const char *safe)
{
    /* The sanitiser turns controls into spaces: any change means the id was not plain. */
    return safe[0] != '\0' && safe[0] != '#' && strcmp(raw, safe) == 0
           && strpbrk(safe, " \t\r\n") == NULL;
}

void cli_id_cache_add(cli_id_cache *cache, const char *id, const char *description)
{
    if (cache == NULL || id == NULL || cache->ids >= CLI_ID_CACHE_MAX) {
        return;
    }
    char safe_id[256];
    lp_sanitize_into(id, safe_id, sizeof safe_id);
    if (!usable_id(id, safe_id)) {
        return;
    }
    char safe_description[DESCRIPTION_MAX + 1] = "";
    if (description != NULL) {
        lp_sanitize_into(description, safe_description, sizeof safe_description);
    }
    if (safe_description[0] != '\0') {
        fprintf(cache->lines, "%s\t%s\n", safe_id, safe_description);
    } else {
        fprintf(cache->lines, "%s\n", safe_id);
    }
    cache->ids++;
}

/* mkdir -p; new directories are private to the user. */
static bool make_dirs(char *path)
{
    for (char *p = path + 1; *p != '\0'; p++) {
        if (*p != '/') {
            continue;
        }
        *p = '\0';
        bool ok = mkdir(path, 0700) == 0 || errno == EEXIST;
        *p = '/';
        if (!ok) {
            return false;
        }
    }
    return mkdir(path, 0700) == 0 || errno == EEXIST;
}

static bool cache_dir(char *out, size_t size)
{
    const char *xdg = getenv("XDG_CACHE_HOME");
    const char *home = getenv("HOME");
    int n;
    /* The XDG rules ignore a relative XDG_CACHE_HOME. */
    if (xdg != NULL && xdg[0] == '/') {
        n = snprintf(out, size, "%s", xdg);
    } else if (home != NULL && home[0] == '/') {
        n = snprintf(out, size, "%s/.cache", home);
    } else {
        return false;
    }
    if (n < 0 || (size_t)n >= size) {
        return false;
    }
    size_t used = (size_t)n;
    n = snprintf(out + used, size - used, "/licportal/ids");
    return n > 0 && used + (size_t)n < size;
}

static bool write_all(int fd, const char *text, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, text, len);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return false;
        }
        text += n;
        len -= (size_t)n;
    }
    return true;
}

bool cli_id_cache_write(const cli_id_cache *cache)
{
    char dir[4096];
    if (cache == NULL || fflush(cache->lines) != 0 || !cache_dir(dir, sizeof dir)
        || !make_dirs(dir)) {
        return false;
    }
    char target[4352], temp[4352];
    snprintf(target, sizeof target, "%s/%s", dir, cache->name);
    snprintf(temp, sizeof temp, "%s/.%s.XXXXXX", dir, cache->name);
    int fd = mkstemp(temp);
    if (fd < 0) {
        return false;
    }
    bool ok = fchmod(fd, 0600) == 0 && write_all(fd, cache->text, cache->len);
    ok = close(fd) == 0 && ok;
    ok = ok && rename(temp, target) == 0;
    if (!ok) {
        unlink(temp);
    }
    return ok;
}
