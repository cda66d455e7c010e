/* argon2id password storage. */
#include "server/password.h"

#include <pthread.h>
#include <sodium.h>
#include <string.h>

static char decoy_hash[LP_PASSWORD_HASH_LEN];
static pthread_once_t decoy_once = PTHREAD_ONCE_INIT;

static void make_decoy(void)
{
    if (!lpd_password_hash("decoy password that no account has", decoy_hash))
        decoy_hash[0] = '\0';
}

bool lpd_password_hash(const char *password, char out[LP_PASSWORD_HASH_LEN])
{
    if (sodium_init() < 0)
        return false;
    _Static_assert(LP_PASSWORD_HASH_LEN >= crypto_pwhash_STRBYTES, "hash buffer too small");
    return crypto_pwhash_str(out, password, strlen(password), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                             crypto_pwhash_MEMLIMIT_INTERACTIVE) == 0;
}

bool lpd_password_verify(const char *hash, const char *password)
{
    if (password == NULL)
        return false;
    if (hash == NULL || *hash == '\0') {
        pthread_once(&decoy_once, make_decoy);
        volatile int ignored = decoy_hash[0] != '\0' ? crypto_pwhash_str_verify(decoy_hash, password, strlen(password))
                                                     : -1;
        (void)ignored;
        return false;
    }
    return crypto_pwhash_str_verify(hash, password, strlen(password)) == 0;
}
