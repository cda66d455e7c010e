/* The threaded SHA-256 gives the digest of exactly the bytes fed, in order. */
#include "lib/session/sha256_pipe.h"
#include "../../suite_runner.h"

#include <openssl/evp.h>
#include <stdlib.h>
#include <string.h>

static void one_shot(const unsigned char *data, size_t len, unsigned char out[32])
{
    unsigned int n = 0;
    ck_assert_int_eq(EVP_Digest(data, len, out, &n, EVP_sha256(), NULL), 1);
    ck_assert_uint_eq(n, 32);
}

static unsigned char *pattern(size_t len)
{
    unsigned char *data = malloc(len);
    ck_assert_ptr_nonnull(data);
    uint32_t x = 2463534242u;
    for (size_t i = 0; i < len; i++) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        data[i] = (unsigned char)x;
    }
    return data;
}

START_TEST(odd_pieces_across_many_blocks_hash_like_one_piece)
{
    size_t len = 3 * LP_SHA256_PIPE_BLOCK + 12345;
    unsigned char *data = pattern(len);
    unsigned char want[32], got[32];
    one_shot(data, len, want);
    lp_sha256_pipe *pipe = lp_sha256_pipe_new();
    ck_assert_ptr_nonnull(pipe);
    size_t piece = 1, done = 0;
    while (done < len) {
        size_t n = piece < len - done ? piece : len - done;
        lp_sha256_pipe_update(pipe, data + done, n);
        done += n;
        piece = piece * 3 + 7; /* pieces that straddle block ends */
        if (piece > 400000)
            piece = 5;
    }
    ck_assert(lp_sha256_pipe_final(pipe, got));
    ck_assert_mem_eq(got, want, 32);
    lp_sha256_pipe_free(pipe);
    free(data);
}
END_TEST

START_TEST(filling_the_block_in_place_hashes_the_same)
{
    size_t len = 2 * LP_SHA256_PIPE_BLOCK; /* ends exactly on a block */
    unsigned char *data = pattern(len);
    unsigned char want[32], got[32];
    one_shot(data, len, want);
    lp_sha256_pipe *pipe = lp_sha256_pipe_new();
    ck_assert_ptr_nonnull(pipe);
    size_t done = 0;
    while (done < len) {
        size_t filled;
        char *block = lp_sha256_pipe_block(pipe, &filled);
        size_t n = LP_SHA256_PIPE_BLOCK - filled < 70000 ? LP_SHA256_PIPE_BLOCK - filled : 70000;
        memcpy(block + filled, data + done, n);
        lp_sha256_pipe_filled(pipe, n);
        done += n;
    }
    ck_assert(lp_sha256_pipe_final(pipe, got));
    ck_assert_mem_eq(got, want, 32);
    lp_sha256_pipe_free(pipe);
    free(data);
}
END_TEST

START_TEST(restart_and_final_start_over)
{
    unsigned char empty[32], abc[32], got[32];
    one_shot((const unsigned char *)"", 0, empty);
    one_shot((const unsigned char *)"abc", 3, abc);
    lp_sha256_pipe *pipe = lp_sha256_pipe_new();
    ck_assert_ptr_nonnull(pipe);
    ck_assert(lp_sha256_pipe_final(pipe, got));
    ck_assert_mem_eq(got, empty, 32);
    unsigned char *junk = pattern(LP_SHA256_PIPE_BLOCK + 10);
    lp_sha256_pipe_update(pipe, junk, LP_SHA256_PIPE_BLOCK + 10);
    ck_assert(lp_sha256_pipe_restart(pipe));
    lp_sha256_pipe_update(pipe, "abc", 3);
    ck_assert(lp_sha256_pipe_final(pipe, got));
    ck_assert_mem_eq(got, abc, 32);
    lp_sha256_pipe_update(pipe, "abc", 3);
    ck_assert(lp_sha256_pipe_final(pipe, got));
    ck_assert_mem_eq(got, abc, 32);
    lp_sha256_pipe_free(pipe);
    lp_sha256_pipe_free(NULL);
    free(junk);
}
END_TEST

START_TEST(freeing_while_a_block_is_hashed_joins_cleanly)
{
    unsigned char *data = pattern(2 * LP_SHA256_PIPE_BLOCK);
    lp_sha256_pipe *pipe = lp_sha256_pipe_new();
    ck_assert_ptr_nonnull(pipe);
    lp_sha256_pipe_update(pipe, data, 2 * LP_SHA256_PIPE_BLOCK);
    lp_sha256_pipe_free(pipe);
    free(data);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("sha256_pipe");
    TCase *tc = tcase_create("sha256_pipe");
    tcase_add_test(tc, odd_pieces_across_many_blocks_hash_like_one_piece);
    tcase_add_test(tc, filling_the_block_in_place_hashes_the_same);
    tcase_add_test(tc, restart_and_final_start_over);
    tcase_add_test(tc, freeing_while_a_block_is_hashed_joins_cleanly);
    suite_add_tcase(s, tc);
    return lp_run_suite(s);
}
