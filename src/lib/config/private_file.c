/* Files only the user may read: 0700 directories, bounded reads, atomic 0600 replacement. */
#include "licportal/private_file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "licportal/buffer.h"

lp_status lp_private_mkdirs(const char *path, lp_error *err)
{
    char *copy = strdup(path);
    if (!copy)
        return lp_error_set(err, LP_ERR_NOMEM, "out of memory");
    lp_status status = LP_OK;
    for (char *p = copy + 1;; p++) {
        if (*p != '/' && *p != '\0')
            continue;
        char saved = *p;
        *p = '\0';
        if (mkdir(copy, 0700) != 0 && errno != EEXIST) {
            status = lp_error_set(err, LP_ERR_IO, "cannot create directory %s: %s", copy,
                                  strerror(errno));
            break;
        }
        *p = saved;
        if (saved == '\0')
            break;
    }
    free(copy);
    return status;
}

lp_status lp_private_open_regular(const char *path, int extra_flags, int *fd_out, lp_error *err)
{
    *fd_out = -1;
    /* Non-blocking: opening a FIFO for reading would wait for a writer. */
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | extra_flags);
    if (fd < 0) {
        if (errno == ENOENT)
            return LP_OK;
        return lp_error_set(err, LP_ERR_IO, "cannot read %s: %s", path, strerror(errno));
    }
    struct stat st;
    if (fstat(fd, &st) != 0) {
        int saved = errno;
        close(fd);
        return lp_error_set(err, LP_ERR_IO, "cannot examine %s: %s", path, strerror(saved));
    }
    if (!S_ISREG(st.st_mode)) {
        close(fd);
        return lp_error_set(err, LP_ERR_IO,
                            "%s is not a regular file (a FIFO, device or directory?): remove it",
                            path);
    }
    if (fcntl(fd, F_SETFL, 0) != 0) {
        int saved = errno;
        close(fd);
        return lp_error_set(err, LP_ERR_IO, "cannot read %s: %s", path, strerror(saved));
    }
    *fd_out = fd;
    return LP_OK;
}

lp_status lp_private_read(const char *path, size_t max_bytes, char **data, size_t *len,
                          lp_error *err)
{
    *data = NULL;
    *len = 0;
    int fd;
    lp_status opened = lp_private_open_regular(path, 0, &fd, err);
    if (opened != LP_OK || fd < 0)
        return opened;
    lp_buffer text;
    lp_buffer_init(&text, max_bytes);
    lp_status status = LP_OK;
    char chunk[4096];
    for (;;) {
        ssize_t got = read(fd, chunk, sizeof chunk);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            status = lp_error_set(err, LP_ERR_IO, "cannot read %s: %s", path, strerror(errno));
        else if (got > 0 && !lp_buffer_add(&text, chunk, (size_t)got))
            status = text.too_big ? lp_error_set(err, LP_ERR_IO, "%s: larger than %zu bytes", path,
                                                 max_bytes)
                                  : lp_error_set(err, LP_ERR_NOMEM, "out of memory");
        if (got <= 0 || status != LP_OK)
            break;
    }
    close(fd);
    size_t got_len = text.len;
    *data = status == LP_OK ? lp_buffer_take(&text) : NULL;
    lp_buffer_free(&text, false);
    if (status == LP_OK && !*data)
        status = lp_error_set(err, LP_ERR_NOMEM, "out of memory");
    *len = *data ? got_len : 0;
    return status;
}

static bool write_all(int fd, const char *data, size_t len)
{
    while (len > 0) {
        ssize_t put = write(fd, data, len);
        if (put < 0 && errno == EINTR)
            continue;
        if (put <= 0)
            return false;
        data += put;
        len -= (size_t)put;
    }
    return true;
}

/* Makes the rename itself durable. */
static void sync_parent_directory(const char *path)
{
    const char *slash = strrchr(path, '/');
    char *dir = slash ? strndup(path, slash == path ? 1 : (size_t)(slash - path)) : strdup(".");
    if (!dir)
        return;
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
    free(dir);
}

lp_status lp_private_write_atomic(const char *path, const char *data, size_t len, lp_error *err)
{
    size_t path_len = strlen(path);
    char *temp = malloc(path_len + sizeof ".XXXXXX");
    if (!temp)
        return lp_error_set(err, LP_ERR_NOMEM, "out of memory");
    memcpy(temp, path, path_len);
    memcpy(temp + path_len, ".XXXXXX", sizeof ".XXXXXX");
    int fd = mkostemp(temp, O_CLOEXEC);
    if (fd < 0) {
        lp_status status = lp_error_set(err, LP_ERR_IO, "cannot create a file next to %s: %s", path,
                                        strerror(errno));
        free(temp);
        return status;
    }
    const char *failed = NULL;
    if (fchmod(fd, 0600) != 0)
        failed = "set the mode of";
    else if (!write_all(fd, data, len))
        failed = "write";
    else if (fsync(fd) != 0)
        failed = "flush";
    int saved_errno = errno;
    if (close(fd) != 0 && !failed) {
        failed = "write";
        saved_errno = errno;
    }
    if (!failed && rename(temp, path) != 0) {
        failed = "replace";
        saved_errno = errno;
    }
    if (failed) {
        unlink(temp);
        free(temp);
        return lp_error_set(err, LP_ERR_IO, "cannot %s %s: %s", failed, path,
                            strerror(saved_errno));
    }
    free(temp);
    sync_parent_directory(path);
    return LP_OK;
}
