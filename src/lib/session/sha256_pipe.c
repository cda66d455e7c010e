/* SHA-256 on a second thread, fed block by block so hashing overlaps receiving. */
#include "lib/session/sha256_pipe.h"

#include <openssl/evp.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

struct lp_sha256_pipe {
    pthread_t thread;
    pthread_mutex_t lock;
    pthread_cond_t changed;
    EVP_MD_CTX *md; /* touched by the thread only while `hashing` */
    char *blocks[2];
    int current; /* the block being filled */
    size_t filled;
    bool hashing; /* the other block is being hashed */
    size_t hash_len;
    bool stopping;
    bool digest_ok;
};

static void *hash_blocks(void *arg)
{
    lp_sha256_pipe *pipe = arg;
    pthread_mutex_lock(&pipe->lock);
    for (;;) {
        while (!pipe->hashing && !pipe->stopping)
            pthread_cond_wait(&pipe->changed, &pipe->lock);
        if (!pipe->hashing)
            break;
        const char *block = pipe->blocks[pipe->current ^ 1];
        size_t len = pipe->hash_len;
        pthread_mutex_unlock(&pipe->lock);
        int ok = EVP_DigestUpdate(pipe->md, block, len);
        pthread_mutex_lock(&pipe->lock);
        if (ok != 1)
            pipe->digest_ok = false;
        pipe->hashing = false;
        pthread_cond_broadcast(&pipe->changed);
    }
    pthread_mutex_unlock(&pipe->lock);
    return NULL;
}

static void wait_idle(lp_sha256_pipe *pipe)
{
    pthread_mutex_lock(&pipe->lock);
    while (pipe->hashing)
        pthread_cond_wait(&pipe->changed, &pipe->lock);
    pthread_mutex_unlock(&pipe->lock);
}

/* The filled part of the current block goes to the thread; the other block,
 * once hashed, becomes the one to fill. */
static void hand_over(lp_sha256_pipe *pipe)
{
    pthread_mutex_lock(&pipe->lock);
    while (pipe->hashing)
        pthread_cond_wait(&pipe->changed, &pipe->lock);
    pipe->hash_len = pipe->filled;
    pipe->current ^= 1;
    pipe->filled = 0;
    pipe->hashing = true;
    pthread_cond_broadcast(&pipe->changed);
    pthread_mutex_unlock(&pipe->lock);
}

lp_sha256_pipe *lp_sha256_pipe_new(void)
{
    lp_sha256_pipe *pipe = calloc(1, sizeof *pipe);
    if (!pipe)
        return NULL;
    pipe->md = EVP_MD_CTX_new();
    pipe->blocks[0] = malloc(LP_SHA256_PIPE_BLOCK);
    pipe->blocks[1] = malloc(LP_SHA256_PIPE_BLOCK);
    pipe->digest_ok = pipe->md && EVP_DigestInit_ex(pipe->md, EVP_sha256(), NULL) == 1;
    if (!pipe->digest_ok || !pipe->blocks[0] || !pipe->blocks[1])
        goto fail;
    if (pthread_mutex_init(&pipe->lock, NULL) != 0)
        goto fail;
    if (pthread_cond_init(&pipe->changed, NULL) != 0) {
        pthread_mutex_destroy(&pipe->lock);
        goto fail;
    }
    if (pthread_create(&pipe->thread, NULL, hash_blocks, pipe) != 0) {
        pthread_cond_destroy(&pipe->changed);
        pthread_mutex_destroy(&pipe->lock);
        goto fail;
    }
    return pipe;
fail:
    EVP_MD_CTX_free(pipe->md);
    free(pipe->blocks[0]);
    free(pipe->blocks[1]);
    free(pipe);
    return NULL;
}

void lp_sha256_pipe_free(lp_sha256_pipe *pipe)
{
    if (!pipe)
        return;
    pthread_mutex_lock(&pipe->lock);
    pipe->stopping = true;
    pthread_cond_broadcast(&pipe->changed);
    pthread_mutex_unlock(&pipe->lock);
    pthread_join(pipe->thread, NULL);
    pthread_cond_destroy(&pipe->changed);
    pthread_mutex_destroy(&pipe->lock);
    EVP_MD_CTX_free(pipe->md);
    free(pipe->blocks[0]);
    free(pipe->blocks[1]);
    free(pipe);
}

char *lp_sha256_pipe_block(lp_sha256_pipe *pipe, size_t *filled)
{
    *filled = pipe->filled;
    return pipe->blocks[pipe->current];
}

void lp_sha256_pipe_filled(lp_sha256_pipe *pipe, size_t n)
{
    pipe->filled += n;
    if (pipe->filled >= LP_SHA256_PIPE_BLOCK)
        hand_over(pipe);
}

void lp_sha256_pipe_update(lp_sha256_pipe *pipe, const void *data, size_t len)
{
    const char *from = data;
    while (len > 0) {
        size_t filled;
        char *block = lp_sha256_pipe_block(pipe, &filled);
        size_t take = LP_SHA256_PIPE_BLOCK - filled;
        if (take > len)
            take = len;
        memcpy(block + filled, from, take);
        from += take;
        len -= take;
        lp_sha256_pipe_filled(pipe, take);
    }
}

bool lp_sha256_pipe_restart(lp_sha256_pipe *pipe)
{
    wait_idle(pipe);
    pipe->filled = 0;
    pipe->digest_ok = EVP_DigestInit_ex(pipe->md, EVP_sha256(), NULL) == 1;
    return pipe->digest_ok;
}

bool lp_sha256_pipe_final(lp_sha256_pipe *pipe, unsigned char digest[32])
{
    if (pipe->filled > 0)
        hand_over(pipe);
    wait_idle(pipe);
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    bool ok = pipe->digest_ok && EVP_DigestFinal_ex(pipe->md, out, &len) == 1 && len == 32;
    if (ok)
        memcpy(digest, out, 32);
    return lp_sha256_pipe_restart(pipe) && ok;
}
