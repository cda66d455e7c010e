/* Saving and reading the offline dashboard snapshot under the XDG cache directory. */
#include "tui/snapshot.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "licportal/model.h"

#define SNAPSHOT_MAX (1024 * 1024)

char *tui_snapshot_path(const char *cache_dir, const char *server, const char *email)
{
    /* FNV-1a keeps account names out of file names. */
    uint64_t hash = 1469598103934665603ULL;
    const char *parts[] = {server ? server : "", "\n", email ? email : ""};
    for (int p = 0; p < 3; p++)
        for (const unsigned char *c = (const unsigned char *)parts[p]; *c; c++)
            hash = (hash ^ *c) * 1099511628211ULL;
    size_t size = strlen(cache_dir) + 64;
    char *path = malloc(size);
    if (path)
        snprintf(path, size, "%s/dashboard-%016llx.json", cache_dir, (unsigned long long)hash);
    return path;
}

static lp_status make_parent(const char *path, lp_error *err)
{
    char dir[4096];
    snprintf(dir, sizeof dir, "%s", path);
    char *slash = strrchr(dir, '/');
    if (!slash)
        return LP_OK;
    *slash = '\0';
    for (char *p = dir + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        if (mkdir(dir, 0700) != 0 && errno != EEXIST)
            return lp_error_set(err, LP_ERR_IO, "cannot create %s: %s", dir, strerror(errno));
        *p = '/';
    }
    if (mkdir(dir, 0700) != 0 && errno != EEXIST)
        return lp_error_set(err, LP_ERR_IO, "cannot create %s: %s", dir, strerror(errno));
    return LP_OK;
}

lp_status tui_snapshot_save(const char *path, const char *json, size_t len, lp_error *err)
{
    if (!path || !json)
        return lp_error_set(err, LP_ERR_USAGE, "nothing to save");
    lp_status st = make_parent(path, err);
    if (st != LP_OK)
        return st;
    char tmp[4200];
    snprintf(tmp, sizeof tmp, "%s.tmp.%ld", path, (long)getpid());
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0)
        return lp_error_set(err, LP_ERR_IO, "cannot write %s: %s", tmp, strerror(errno));
    size_t done = 0;
    while (done < len) {
        ssize_t n = write(fd, json + done, len - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            int e = errno;
            close(fd);
            unlink(tmp);
            return lp_error_set(err, LP_ERR_IO, "cannot write %s: %s", tmp, strerror(e));
        }
        done += (size_t)n;
    }
    /* No fsync: the snapshot is a cache. A crash right after the rename can
     * at worst leave it empty or cut, which tui_snapshot_load refuses like a
     * missing one; an fsync cost more than a millisecond on every start. */
    if (close(fd) != 0) {
        unlink(tmp);
        return lp_error_set(err, LP_ERR_IO, "cannot write %s: %s", tmp, strerror(errno));
    }
    if (rename(tmp, path) != 0) {
        int e = errno;
        unlink(tmp);
        return lp_error_set(err, LP_ERR_IO, "cannot rename to %s: %s", path, strerror(e));
    }
    return LP_OK;
}

lp_status tui_snapshot_load(const char *path, lp_dashboard *out, lp_error *err)
{
    FILE *f = path ? fopen(path, "rb") : NULL;
    if (!f)
        return lp_error_set(err, LP_ERR_IO, "no snapshot at %s", path ? path : "(none)");
    char *buf = malloc(SNAPSHOT_MAX);
    if (!buf) {
        fclose(f);
        return lp_error_set(err, LP_ERR_NOMEM, "out of memory");
    }
    size_t len = fread(buf, 1, SNAPSHOT_MAX, f);
    fclose(f);
    lp_status st = lp_parse_dashboard(buf, len, out, err);
    free(buf);
    return st;
}
