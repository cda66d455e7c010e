/* SHA-256 on a second thread, fed block by block so hashing overlaps receiving. */
#ifndef LICPORTAL_SESSION_SHA256_PIPE_H
#define LICPORTAL_SESSION_SHA256_PIPE_H

#include <stdbool.h>
#include <stddef.h>

typedef struct lp_sha256_pipe lp_sha256_pipe;

/* Bytes per block; two blocks alternate between the filler and the hasher. */
#define LP_SHA256_PIPE_BLOCK (1024u * 1024u)

/* NULL when out of memory or no thread can be started. */
lp_sha256_pipe *lp_sha256_pipe_new(void);
void lp_sha256_pipe_free(lp_sha256_pipe *pipe);

/* The block being filled: its start and how many bytes of it are filled.
 * Its size is LP_SHA256_PIPE_BLOCK. The filler writes after `*filled`. */
char *lp_sha256_pipe_block(lp_sha256_pipe *pipe, size_t *filled);
/* Counts `n` more bytes of the block as filled; a full block goes to the
 * hashing thread (after waiting for the other block to be hashed). */
void lp_sha256_pipe_filled(lp_sha256_pipe *pipe, size_t n);
/* Copies `len` bytes in, block by block. */
void lp_sha256_pipe_update(lp_sha256_pipe *pipe, const void *data, size_t len);
/* Forgets everything fed so far. */
bool lp_sha256_pipe_restart(lp_sha256_pipe *pipe);
/* The digest of everything fed since the last restart; the pipe then
 * starts over. False when the digest cannot be computed. */
bool lp_sha256_pipe_final(lp_sha256_pipe *pipe, unsigned char digest[32]);

#endif
