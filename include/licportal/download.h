/* A file download: .part file, resume with Range, sha256 check, then rename.
 * Used by `licportal download` and the terminal UI's downloads view. */
#ifndef LICPORTAL_DOWNLOAD_H
#define LICPORTAL_DOWNLOAD_H

#include <stdbool.h>
#include <stdint.h>

#include "licportal/client.h"

typedef struct lp_download_job lp_download_job;

typedef struct lp_download_progress {
    int64_t received;        /* bytes in the .part file so far */
    int64_t total;           /* expected size (the Download's size_bytes) */
    double bytes_per_second; /* smoothed over the last seconds */
    int64_t eta_seconds;     /* -1 when unknown */
} lp_download_progress;

/* Where a download goes: `output` NULL means the current directory; an
 * existing directory means "inside it"; anything else is the file name. Only
 * the base name of the server's filename is ever used, and a name that is
 * empty, ".", "..", hidden, or not printable as it is (controls, BiDi
 * controls, zero-width and other invisible characters, invalid UTF-8; see
 * lp_text_is_printable) is refused, so that what is shown is what is on disk. Returns a malloc'd path
 * or NULL with *err set. */
char *lp_download_target_path(const char *output, const char *server_filename, lp_error *err);

/* Starts (or resumes, when TARGET.part exists) the download of `meta`. An
 * existing TARGET is refused with LP_ERR_EXISTS unless `force`; `force` also
 * drops an existing TARGET.part and starts afresh. A TARGET.part that is a
 * symbolic link, not a regular file, another user's or hard-linked is
 * refused (LP_ERR_IO), never followed. The job's
 * call is returned by lp_client_next_done like any other; hand it to
 * lp_download_job_finish. */
lp_download_job *lp_download_job_start(lp_client *client, const lp_download *meta,
                                       const char *output, bool force, lp_error *err);
/* Whether the file `meta` would be saved as (see lp_download_target_path)
 * exists already with the expected size and sha256, so nothing needs to be
 * fetched. Sets *up_to_date; *target (malloc'd) names the file. A file that
 * is missing, of another size or digest, or no regular file is not up to
 * date (LP_OK); only an unusable name or a read error fail. */
lp_status lp_download_up_to_date(const lp_download *meta, const char *output, bool *up_to_date,
                                 char **target, lp_error *err);
/* Whether `call` is this job's transfer. */
bool lp_download_job_owns(const lp_download_job *job, const lp_call *call);
lp_download_progress lp_download_job_progress(const lp_download_job *job);
const char *lp_download_job_target(const lp_download_job *job);
/* Verifies the sha256 of the whole .part file and renames it to the target.
 * A mismatch removes the .part file (the next attempt starts afresh), writes
 * no target and returns LP_ERR_CHECKSUM with both digests in the message.
 * A body longer than the announced size, or a Content-Length that disagrees
 * with it, fails with LP_ERR_PROTOCOL; nothing past the size is written.
 * Frees `call`. */
lp_status lp_download_job_finish(lp_download_job *job, lp_call *call, lp_error *err);
/* Cancels a running transfer (the .part file stays for a later resume). */
void lp_download_job_free(lp_download_job *job);

#endif
