/* A file download: .part file, resume with Range, sha256 check, then rename. */
#include "licportal/download.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "lib/session/client_internal.h"
#include "lib/session/sha256_pipe.h"

/* Speed samples closer together than this are noise. */
#define SPEED_SAMPLE_S 0.5
/* Weight of the newest sample in the smoothed speed. */
#define SPEED_WEIGHT 0.3
/* Received bytes reach the disk in writes of this size rather than one per
 * TLS record; it divides the hashing block, so a block ends on a write. */
#define WRITE_BLOCK (256u * 1024u)
/* A slow download still reaches the disk this often, so an interrupted run
 * keeps nearly all it received for the next one to resume. */
#define WRITE_DELAY_S 0.1

struct lp_download_job {
    lp_client *client;
    lp_call *call;
    char *download_id;
    char *target;
    char *part;
    int fd;
    /* Received bytes are copied into the hashing block, written from it and
     * then hashed on the pipe's thread, off the receive path. */
    lp_sha256_pipe *hash;
    size_t written; /* bytes of the current block already on disk */
    double last_write;
    char expected[65];
    int64_t total;
    int64_t from;     /* where the request asked to start */
    int64_t received; /* bytes in the .part file, or on their way to it */
    bool body_started;
    bool write_failed;
    lp_error write_err;

    double sample_time;
    int64_t sample_bytes;
    double speed;
    bool has_speed;
};

static double monotonic_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static bool is_hex_digest(const char *text)
{
    if (strlen(text) != 64)
        return false;
    for (const char *p = text; *p; p++)
        if (!((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f') || (*p >= 'A' && *p <= 'F')))
            return false;
    return true;
}

static bool restart_digest(lp_download_job *job)
{
    job->written = 0;
    return lp_sha256_pipe_restart(job->hash);
}

static lp_status write_all(lp_download_job *job, const char *data, size_t len, lp_error *err)
{
    size_t done = 0;
    while (done < len) {
        ssize_t n = write(job->fd, data + done, len - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return lp_error_set(err, LP_ERR_IO, "cannot write %s: %s", job->part, strerror(errno));
        done += (size_t)n;
    }
    return LP_OK;
}

/* Writes what was received but is not yet on disk. */
static lp_status flush_block(lp_download_job *job, lp_error *err)
{
    size_t filled;
    const char *block = lp_sha256_pipe_block(job->hash, &filled);
    if (filled <= job->written)
        return LP_OK;
    lp_status st = write_all(job, block + job->written, filled - job->written, err);
    if (st == LP_OK)
        job->written = filled;
    return st;
}

/* Feeds the first `size` bytes of `fd` into the pipe; false when fewer could be read. */
static bool hash_fd(lp_sha256_pipe *hash, int fd, int64_t size)
{
    int64_t done = 0;
    while (done < size) {
        size_t filled;
        char *block = lp_sha256_pipe_block(hash, &filled);
        size_t room = LP_SHA256_PIPE_BLOCK - filled;
        if ((int64_t)room > size - done)
            room = (size_t)(size - done);
        ssize_t n = pread(fd, block + filled, room, done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        lp_sha256_pipe_filled(hash, (size_t)n);
        done += n;
    }
    return done == size;
}

/* On resume the digest must cover what is already on disk. */
static lp_status hash_existing(lp_download_job *job, int64_t size, lp_error *err)
{
    bool complete = hash_fd(job->hash, job->fd, size);
    /* What was read back is on disk already. */
    lp_sha256_pipe_block(job->hash, &job->written);
    if (!complete)
        return lp_error_set(err, LP_ERR_IO, "cannot read %s: it changed while being read",
                            job->part);
    return LP_OK;
}

/* Opens the .part file without following a link planted there, and only when
 * it is a regular file of this user with no other name: anything else may be
 * someone's file to truncate or append to. `fresh` removes what is there
 * first (the name only: a link is removed, never what it points to). */
static lp_status open_part(lp_download_job *job, bool fresh, int64_t *size, lp_error *err)
{
    if (fresh && unlink(job->part) != 0 && errno != ENOENT)
        return lp_error_set(err, LP_ERR_IO, "cannot remove %s: %s", job->part, strerror(errno));
    int flags = O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK |
                (fresh ? O_EXCL : 0);
    job->fd = open(job->part, flags, 0644);
    if (job->fd < 0 && errno == ELOOP)
        return lp_error_set(
            err, LP_ERR_IO,
            "%s is a symbolic link, not a partial download: remove it or use --force", job->part);
    if (job->fd < 0)
        return lp_error_set(err, LP_ERR_IO, "cannot open %s: %s", job->part, strerror(errno));
    struct stat st;
    if (fstat(job->fd, &st) != 0)
        return lp_error_set(err, LP_ERR_IO, "cannot read %s: %s", job->part, strerror(errno));
    const char *wrong = !S_ISREG(st.st_mode)     ? "is not a regular file"
                        : st.st_uid != geteuid() ? "belongs to another user"
                        : st.st_nlink > 1        ? "has other names (hard links)"
                                                 : NULL;
    if (wrong)
        return lp_error_set(err, LP_ERR_IO,
                            "%s %s, so it is no partial download: remove it or use --force",
                            job->part, wrong);
    if (fcntl(job->fd, F_SETFL, O_APPEND) != 0)
        return lp_error_set(err, LP_ERR_IO, "cannot use %s: %s", job->part, strerror(errno));
    *size = st.st_size;
    return LP_OK;
}

static lp_status truncate_part(lp_download_job *job, lp_error *err)
{
    if (ftruncate(job->fd, 0) != 0)
        return lp_error_set(err, LP_ERR_IO, "cannot truncate %s: %s", job->part, strerror(errno));
    if (!restart_digest(job))
        return lp_error_set(err, LP_ERR_NOMEM, "sha256 is not available");
    job->received = 0;
    job->from = 0;
    job->sample_bytes = 0;
    return LP_OK;
}

static void note_progress(lp_download_job *job)
{
    double now = monotonic_seconds();
    double dt = now - job->sample_time;
    if (dt < SPEED_SAMPLE_S)
        return;
    double sample = (double)(job->received - job->sample_bytes) / dt;
    if (sample < 0)
        sample = 0;
    job->speed = job->has_speed ? SPEED_WEIGHT * sample + (1 - SPEED_WEIGHT) * job->speed : sample;
    job->has_speed = true;
    job->sample_time = now;
    job->sample_bytes = job->received;
}

/* A Content-Length that disagrees with the announced size is refused
 * before a byte of it is stored. */
static bool length_agrees(lp_download_job *job, const lp_http_response *live)
{
    if (job->total < 0 || live->content_length < 0)
        return true;
    int64_t expected = live->status == 206 ? job->total - job->from : job->total;
    if (live->content_length == expected)
        return true;
    lp_error_set(
        &job->write_err, LP_ERR_PROTOCOL,
        "the server's answer broke the API contract: Content-Length %lld disagrees with the "
        "announced size of %lld bytes",
        (long long)live->content_length, (long long)job->total);
    return false;
}

/* Checks, before the first byte is written, that the answer continues the
 * .part file: a 200 to a Range request means the whole file comes again. */
static bool begin_body(lp_download_job *job)
{
    job->body_started = true;
    const lp_http_response *live = lp_call_live_response(job->call);
    if (!live)
        return true;
    if (job->from > 0 && live->status == 200 && truncate_part(job, &job->write_err) != LP_OK)
        return false;
    char expect[48];
    snprintf(expect, sizeof expect, "bytes %lld-", (long long)job->from);
    if (job->from > 0 && live->status == 206 &&
        (!live->content_range || strncmp(live->content_range, expect, strlen(expect)) != 0)) {
        lp_error_set(
            &job->write_err, LP_ERR_PROTOCOL,
            "the server's answer broke the API contract: resumed at the wrong offset (%.100s)",
            live->content_range ? live->content_range : "no Content-Range");
        return false;
    }
    return length_agrees(job, live);
}

/* Nothing past the announced size reaches the disk, whatever the server sends. */
static bool within_size(lp_download_job *job, size_t len)
{
    if (job->total < 0 || (int64_t)len <= job->total - job->received)
        return true;
    lp_error_set(&job->write_err, LP_ERR_PROTOCOL,
                 "the server's answer broke the API contract: more than the announced %lld bytes",
                 (long long)job->total);
    return false;
}

static bool sink(void *user, const char *data, size_t len)
{
    lp_download_job *job = user;
    if ((!job->body_started && !begin_body(job)) || !within_size(job, len)) {
        job->write_failed = true;
        return false;
    }
    size_t received = len;
    while (len > 0) {
        size_t filled;
        char *block = lp_sha256_pipe_block(job->hash, &filled);
        size_t take = LP_SHA256_PIPE_BLOCK - filled;
        if (take > len)
            take = len;
        memcpy(block + filled, data, take);
        data += take;
        len -= take;
        size_t now_filled = filled + take;
        size_t pending = now_filled - job->written;
        bool due = pending >= WRITE_BLOCK || now_filled == LP_SHA256_PIPE_BLOCK;
        if (!due && pending > 0) {
            double now = monotonic_seconds();
            due = now - job->last_write >= WRITE_DELAY_S;
        }
        if (due) {
            job->last_write = monotonic_seconds();
            if (write_all(job, block + job->written, now_filled - job->written, &job->write_err) !=
                LP_OK) {
                job->write_failed = true;
                return false;
            }
            job->written = now_filled;
        }
        if (now_filled == LP_SHA256_PIPE_BLOCK)
            job->written = 0; /* the next block starts empty */
        lp_sha256_pipe_filled(job->hash, take);
    }
    job->received += (int64_t)received;
    note_progress(job);
    return true;
}

void lp_download_job_free(lp_download_job *job)
{
    if (!job)
        return;
    if (job->call)
        lp_client_discard(job->client, job->call); /* the sink must not outlive the job */
    if (job->fd >= 0) {
        /* A cancelled download keeps what it received, for a resume. */
        if (!job->write_failed) {
            lp_error ignored;
            flush_block(job, &ignored);
        }
        close(job->fd);
    }
    lp_sha256_pipe_free(job->hash);
    free(job->download_id);
    free(job->target);
    free(job->part);
    free(job);
}

lp_download_job *lp_download_job_start(lp_client *client, const lp_download *meta,
                                       const char *output, bool force, lp_error *err)
{
    if (!client || !meta || !meta->id || !meta->filename) {
        lp_error_set(err, LP_ERR_USAGE, "no download given");
        return NULL;
    }
    if (!is_hex_digest(meta->sha256)) {
        lp_error_set(err, LP_ERR_PROTOCOL,
                     "the server's answer broke the API contract: sha256 is not 64 hex digits");
        return NULL;
    }
    lp_download_job *job = calloc(1, sizeof *job);
    if (!job) {
        lp_error_set(err, LP_ERR_NOMEM, "out of memory");
        return NULL;
    }
    job->fd = -1;
    job->client = client;
    job->total = meta->size_bytes;
    for (size_t i = 0; i < 64; i++)
        job->expected[i] = (char)((meta->sha256[i] >= 'A' && meta->sha256[i] <= 'F')
                                      ? meta->sha256[i] + 32
                                      : meta->sha256[i]);
    lp_error_clear(&job->write_err);
    job->download_id = strdup(meta->id);
    job->hash = lp_sha256_pipe_new();
    job->target = lp_download_target_path(output, meta->filename, err);
    if (!job->target)
        goto fail;
    if (!job->download_id || !job->hash) {
        lp_error_set(err, LP_ERR_NOMEM, "out of memory");
        goto fail;
    }
    struct stat st;
    if (stat(job->target, &st) == 0) {
        if (S_ISDIR(st.st_mode)) {
            lp_error_set(err, LP_ERR_EXISTS, "%s is a directory", job->target);
            goto fail;
        }
        if (!force) {
            lp_error_set(err, LP_ERR_EXISTS,
                         "%s already exists: remove it or choose another -o PATH", job->target);
            goto fail;
        }
    }
    size_t n = strlen(job->target) + sizeof ".part";
    job->part = malloc(n);
    if (!job->part) {
        lp_error_set(err, LP_ERR_NOMEM, "out of memory");
        goto fail;
    }
    snprintf(job->part, n, "%s.part", job->target);
    int64_t have = 0;
    if (open_part(job, force, &have, err) != LP_OK)
        goto fail;
    if (job->total >= 0 && have > job->total) {
        if (truncate_part(job, err) != LP_OK)
            goto fail;
        have = 0;
    }
    if (have > 0 && hash_existing(job, have, err) != LP_OK)
        goto fail;
    job->from = have;
    job->received = have;
    job->sample_bytes = have;
    job->sample_time = monotonic_seconds();
    job->call = lp_client_fetch_file(client, job->download_id, have, sink, job, err);
    if (!job->call)
        goto fail;
    return job;
fail:
    lp_download_job_free(job);
    return NULL;
}

bool lp_download_job_owns(const lp_download_job *job, const lp_call *call)
{
    return job && call && job->call == call;
}

lp_download_progress lp_download_job_progress(const lp_download_job *job)
{
    lp_download_progress p = {.eta_seconds = -1};
    if (!job)
        return p;
    p.received = job->received;
    p.total = job->total;
    p.bytes_per_second = job->has_speed ? job->speed : 0;
    if (job->has_speed && job->speed > 1 && job->total >= job->received)
        p.eta_seconds = (int64_t)((double)(job->total - job->received) / job->speed + 0.5);
    return p;
}

const char *lp_download_job_target(const lp_download_job *job)
{
    return job ? job->target : NULL;
}

/* The Repr-Digest header's sha-256 (RFC 9530), when present and well formed. */
static bool repr_digest_sha256(const char *header, unsigned char out[32])
{
    if (!header)
        return false;
    const char *p = strcasestr(header, "sha-256=:");
    if (!p)
        return false;
    p += strlen("sha-256=:");
    const char *end = strchr(p, ':');
    if (!end || end - p != 44)
        return false;
    unsigned char decoded[48];
    if (EVP_DecodeBlock(decoded, (const unsigned char *)p, 44) != 33 || p[43] != '=')
        return false;
    memcpy(out, decoded, 32);
    return true;
}

static void to_hex(const unsigned char *digest, size_t len, char *out)
{
    static const char hex[] = "0123456789abcdef";
    for (size_t i = 0; i < len; i++) {
        out[2 * i] = hex[digest[i] >> 4];
        out[2 * i + 1] = hex[digest[i] & 15];
    }
    out[2 * len] = '\0';
}

static void sync_directory_of(const char *path)
{
    char *copy = strdup(path);
    if (!copy)
        return;
    int dfd = open(dirname(copy), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        fsync(dfd);
        close(dfd);
    }
    free(copy);
}

/* A .part that fails its checksum is worth nothing: it goes, so that the
 * next attempt starts afresh instead of resuming the wrong bytes. */
static lp_status reject_part(lp_download_job *job, const char *expected_by, const char *expected,
                             const char *actual, lp_error *err)
{
    bool removed = unlink(job->part) == 0;
    return lp_error_set(err, LP_ERR_CHECKSUM, "checksum mismatch for %s: %s sha256 %s, got %s; %s",
                        job->target, expected_by, expected, actual,
                        removed ? "the partial file was removed, a retry starts afresh"
                                : "delete the .part file to download afresh");
}

static lp_status verify_and_rename(lp_download_job *job, const lp_http_response *http,
                                   lp_error *err)
{
    unsigned char digest[32];
    if (!lp_sha256_pipe_final(job->hash, digest))
        return lp_error_set(err, LP_ERR_NOMEM, "sha256 could not be computed");
    job->written = 0; /* the pipe starts over after its digest */
    char actual[65];
    to_hex(digest, 32, actual);
    if (strcmp(actual, job->expected) != 0)
        return reject_part(job, "expected", job->expected, actual, err);
    unsigned char announced[32];
    if (http && repr_digest_sha256(http->repr_digest, announced) &&
        memcmp(announced, digest, 32) != 0) {
        char announced_hex[65];
        to_hex(announced, 32, announced_hex);
        return reject_part(job, "the server's Repr-Digest says", announced_hex, actual, err);
    }
    if (fsync(job->fd) != 0)
        return lp_error_set(err, LP_ERR_IO, "cannot write %s: %s", job->part, strerror(errno));
    close(job->fd);
    job->fd = -1;
    if (rename(job->part, job->target) != 0)
        return lp_error_set(err, LP_ERR_IO, "cannot rename %s to %s: %s", job->part, job->target,
                            strerror(errno));
    sync_directory_of(job->target);
    return LP_OK;
}

lp_status lp_download_job_finish(lp_download_job *job, lp_call *call, lp_error *err)
{
    if (!job || !call || call != job->call)
        return lp_error_set(err, LP_ERR_USAGE, "this call is not the download's");
    job->call = NULL;
    lp_error call_err;
    lp_status st = lp_call_status(call, &call_err);
    const lp_http_response *http = lp_call_final_response(call);
    lp_error flush_err;
    if (!job->write_failed && flush_block(job, &flush_err) != LP_OK) {
        job->write_failed = true;
        job->write_err = flush_err;
    }
    if (job->write_failed) {
        st = job->write_err.status;
        if (err)
            *err = job->write_err;
    } else if (st == LP_OK) {
        if (http && http->status == 200 && job->from > 0 && !job->body_started)
            st = truncate_part(job, err); /* an empty file sent whole */
        if (st == LP_OK)
            st = verify_and_rename(job, http, err);
    } else if (call_err.http_status == 416 && job->from > 0) {
        /* Nothing past the end: the .part file may already be complete. */
        st = verify_and_rename(job, NULL, err);
    } else {
        if (err)
            *err = call_err;
    }
    note_progress(job);
    lp_call_free(call);
    return st;
}

/* The sha256 of the first `size` bytes of `fd`, as lower-case hex. */
static bool hex_digest_of(int fd, int64_t size, char out[65])
{
    lp_sha256_pipe *hash = lp_sha256_pipe_new();
    unsigned char digest[32];
    bool ok = hash && hash_fd(hash, fd, size) && lp_sha256_pipe_final(hash, digest);
    lp_sha256_pipe_free(hash);
    if (ok)
        to_hex(digest, 32, out);
    return ok;
}

lp_status lp_download_up_to_date(const lp_download *meta, const char *output, bool *up_to_date,
                                 char **target, lp_error *err)
{
    *up_to_date = false;
    *target = NULL;
    if (!meta || !meta->filename || !is_hex_digest(meta->sha256))
        return lp_error_set(err, LP_ERR_PROTOCOL,
                            "the server's answer broke the API contract: no file or sha256");
    *target = lp_download_target_path(output, meta->filename, err);
    if (!*target)
        return err ? err->status : LP_ERR_PROTOCOL;
    /* Non-blocking, so a FIFO planted under the name cannot hold the check. */
    int fd = open(*target, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0)
        return errno == ENOENT || errno == ENXIO
                   ? LP_OK
                   : lp_error_set(err, LP_ERR_IO, "cannot read %s: %s", *target, strerror(errno));
    struct stat st;
    lp_status status = LP_OK;
    if (fstat(fd, &st) != 0) {
        status = lp_error_set(err, LP_ERR_IO, "cannot read %s: %s", *target, strerror(errno));
    } else if (S_ISREG(st.st_mode) && st.st_size == meta->size_bytes) {
        char actual[65];
        if (!hex_digest_of(fd, st.st_size, actual))
            status = lp_error_set(err, LP_ERR_IO, "cannot read %s: it changed while being read",
                                  *target);
        else
            *up_to_date = strncasecmp(actual, meta->sha256, 64) == 0;
    }
    close(fd);
    return status;
}
