/* Placing a release file under the files directory and computing its SHA-256 in the same pass. */
#include "server/release_file.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define BLOCK_SIZE (1024 * 1024)

bool lpd_release_file_inside(const char *files_dir, const char *source, char *relative, size_t relative_size)
{
    char dir[PATH_MAX], file[PATH_MAX];
    if (realpath(files_dir, dir) == NULL || realpath(source, file) == NULL)
        return false;
    size_t dir_len = strlen(dir);
    /* "/" is the one resolved folder that already ends in a slash. */
    size_t prefix = dir_len == 1 ? 1 : dir_len + 1;
    if (strncmp(file, dir, dir_len) != 0 || file[prefix - 1] != '/' || file[prefix] == '\0')
        return false;
    int n = snprintf(relative, relative_size, "%s", file + prefix);
    return n > 0 && (size_t)n < relative_size;
}

static bool make_parents(char *path, char *err, size_t err_size)
{
    for (char *slash = strchr(path + 1, '/'); slash != NULL; slash = strchr(slash + 1, '/')) {
        *slash = '\0';
        bool made = mkdir(path, 0755) == 0 || errno == EEXIST;
        if (!made)
            snprintf(err, err_size, "cannot create %s: %s", path, strerror(errno));
        *slash = '/';
        if (!made)
            return false;
    }
    return true;
}

/* Reads `in` to its end, hashing every block and writing it to `out` when
 * that is not -1. */
static bool hash_stream(int in, int out, const char *source, const char *target, struct lpd_release_file *file,
                        char *err, size_t err_size)
{
    unsigned char *block = malloc(BLOCK_SIZE);
    if (block == NULL) {
        snprintf(err, err_size, "out of memory");
        return false;
    }
    crypto_hash_sha256_state hash;
    crypto_hash_sha256_init(&hash);
    file->size = 0;
    bool ok = true;
    for (;;) {
        ssize_t n = read(in, block, BLOCK_SIZE);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            snprintf(err, err_size, "cannot read %s: %s", source, strerror(errno));
            ok = false;
            break;
        }
        if (n == 0)
            break;
        crypto_hash_sha256_update(&hash, block, (unsigned long long)n);
        file->size += (uint64_t)n;
        for (ssize_t done = 0; out >= 0 && done < n;) {
            ssize_t w = write(out, block + done, (size_t)(n - done));
            if (w < 0 && errno == EINTR)
                continue;
            if (w < 0) {
                snprintf(err, err_size, "cannot write %s: %s", target, strerror(errno));
                ok = false;
                break;
            }
            done += w;
        }
        if (!ok)
            break;
    }
    free(block);
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_final(&hash, digest);
    sodium_bin2hex(file->sha256_hex, sizeof file->sha256_hex, digest, sizeof digest);
    return ok;
}

static bool copy_in(int in, const char *source, const char *files_dir, const char *dest_relative,
                    struct lpd_release_file *file, char *err, size_t err_size)
{
    char dest[PATH_MAX], temp[PATH_MAX + 16];
    int n = snprintf(dest, sizeof dest, "%s/%s", files_dir, dest_relative);
    if (n < 0 || (size_t)n >= sizeof dest || strlen(dest_relative) >= sizeof file->relative) {
        snprintf(err, err_size, "the path %s/%s is too long", files_dir, dest_relative);
        return false;
    }
    if (!make_parents(dest, err, err_size))
        return false;
    /* The copy appears under its name only when complete, and link() never
     * replaces a file that is already there. */
    const char *slash = strrchr(dest, '/');
    snprintf(temp, sizeof temp, "%.*s/.%s.XXXXXX", (int)(slash - dest), dest, slash + 1);
    int out = mkstemp(temp);
    if (out < 0) {
        snprintf(err, err_size, "cannot create a file in %.*s: %s", (int)(slash - dest), dest, strerror(errno));
        return false;
    }
    bool ok = hash_stream(in, out, source, dest, file, err, err_size);
    if (ok && (fchmod(out, 0644) != 0 || fsync(out) != 0)) {
        snprintf(err, err_size, "cannot write %s: %s", dest, strerror(errno));
        ok = false;
    }
    if (close(out) != 0 && ok) {
        snprintf(err, err_size, "cannot write %s: %s", dest, strerror(errno));
        ok = false;
    }
    if (ok && link(temp, dest) != 0) {
        if (errno == EEXIST)
            snprintf(err, err_size, "%s already exists (choose another --filename or --version)", dest);
        else
            snprintf(err, err_size, "cannot create %s: %s", dest, strerror(errno));
        ok = false;
    }
    unlink(temp);
    if (ok) {
        snprintf(file->relative, sizeof file->relative, "%s", dest_relative);
        file->copied = true;
    }
    return ok;
}

bool lpd_release_file_place(const char *files_dir, const char *source, const char *dest_relative,
                            struct lpd_release_file *out, char *err, size_t err_size)
{
    memset(out, 0, sizeof *out);
    int in = open(source, O_RDONLY | O_CLOEXEC);
    if (in < 0) {
        if (errno == ENOENT)
            snprintf(err, err_size, "%s does not exist", source);
        else
            snprintf(err, err_size, "cannot read %s: %s", source, strerror(errno));
        return false;
    }
    struct stat info;
    if (fstat(in, &info) != 0 || !S_ISREG(info.st_mode)) {
        snprintf(err, err_size, "%s is not a regular file", source);
        close(in);
        return false;
    }
    bool ok;
    if (lpd_release_file_inside(files_dir, source, out->relative, sizeof out->relative))
        ok = hash_stream(in, -1, source, NULL, out, err, err_size);
    else
        ok = copy_in(in, source, files_dir, dest_relative, out, err, err_size);
    close(in);
    return ok;
}

void lpd_release_file_discard(const char *files_dir, const struct lpd_release_file *file)
{
    if (file == NULL || !file->copied)
        return;
    char path[PATH_MAX];
    int n = snprintf(path, sizeof path, "%s/%s", files_dir, file->relative);
    if (n > 0 && (size_t)n < sizeof path)
        unlink(path);
}
