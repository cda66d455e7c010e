/* Chooses the credential store (keyring, file, memory, environment) and routes calls to it. */
#include "licportal/credstore.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/store/credentials.h"
#include "lib/store/credentials_json.h"
#include "lib/store/file_store.h"
#ifdef LP_HAVE_KEYRING
#include "lib/store/keyring.h"
#endif

#define TOKEN_VARIABLE "LICPORTAL_TOKEN"

struct lp_credstore {
    lp_store_kind kind;    /* KEYRING, FILE or NONE: the store actually used */
    bool from_environment; /* LICPORTAL_TOKEN supplies the session */
    char *server;
    char *email;     /* NULL: the first session of the server */
    char *file_path; /* FILE only */
    char *description;
    lp_credentials memory; /* NONE, and the environment's session */
    bool has_memory;
};

static const char fallback_text[] =
    "No usable Secret Service (none answered within 2 s, or its keyring is locked): "
    "the session is kept for this run only "
    "(to keep it in a 0600 file, log in with --credential-store file; it is remembered "
    "in the profile).";

static char *credentials_path(void)
{
    char *dir = lp_xdg_dir("state");
    if (dir == NULL) {
        return NULL;
    }
    size_t len = strlen(dir) + sizeof "/credentials";
    char *path = malloc(len);
    if (path != NULL) {
        snprintf(path, len, "%s/credentials", dir);
    }
    free(dir);
    return path;
}

static bool describe(lp_credstore *store)
{
    const char *text = "memory (this run only)";
    char buf[4096];
    if (store->from_environment) {
        text = "environment (" TOKEN_VARIABLE ")";
    } else if (store->kind == LP_STORE_KEYRING) {
        text = "Secret Service keyring";
    } else if (store->kind == LP_STORE_FILE) {
        snprintf(buf, sizeof buf, "file %s", store->file_path);
        text = buf;
    }
    store->description = strdup(text);
    return store->description != NULL;
}

/* Only a personal access token may come from the environment: a refresh
 * token there rotates on its first use, so the next run would present a spent
 * token and the server would revoke the whole session it came from. */
static lp_status open_environment(lp_credstore *store, const char *token, lp_error *err)
{
    if (strncmp(token, LP_PERSONAL_TOKEN_PREFIX, strlen(LP_PERSONAL_TOKEN_PREFIX)) != 0) {
        return lp_error_set(err, LP_ERR_AUTH,
                            TOKEN_VARIABLE
                            " must hold a personal access token (" LP_PERSONAL_TOKEN_PREFIX
                            "...), not a session's token, which one run would spend; create one "
                            "with `licportal token create --name NAME`");
    }
    lp_credentials creds = {
        .server = store->server,
        .email = store->email != NULL ? store->email : "",
        .access_token = (char *)token,
        .access_expires_at = LP_TIME_NONE,
    };
    store->from_environment = true;
    store->kind = LP_STORE_NONE;
    if (!lp_credentials_copy(&creds, &store->memory)) {
        return lp_error_set(err, LP_ERR_NOMEM, "out of memory");
    }
    store->has_memory = true;
    return LP_OK;
}

static lp_status choose_kind(lp_credstore *store, lp_store_kind requested,
                             const char **fallback_note, lp_error *err)
{
    switch (requested) {
    case LP_STORE_NONE:
        store->kind = LP_STORE_NONE;
        return LP_OK;
    case LP_STORE_FILE:
        store->kind = LP_STORE_FILE;
        store->file_path = credentials_path();
        if (store->file_path == NULL) {
            return lp_error_set(err, LP_ERR_STORE,
                                "cannot find a state folder: set HOME or XDG_STATE_HOME");
        }
        return LP_OK;
    case LP_STORE_KEYRING:
#ifdef LP_HAVE_KEYRING
    {
        lp_error probe;
        lp_error_clear(&probe);
        if (!lp_keyring_available(&probe)) {
            return lp_error_set(err, LP_ERR_STORE,
                                "%s; use --credential-store file or none instead", probe.message);
        }
        store->kind = LP_STORE_KEYRING;
        return LP_OK;
    }
#else
        return lp_error_set(err, LP_ERR_STORE,
                            "this licportal was built without keyring support; use "
                            "--credential-store file or none");
#endif
    case LP_STORE_AUTO:
#ifdef LP_HAVE_KEYRING
        if (lp_keyring_available(NULL)) {
            store->kind = LP_STORE_KEYRING;
            return LP_OK;
        }
#endif
        store->kind = LP_STORE_NONE;
        if (fallback_note != NULL) {
            *fallback_note = fallback_text;
        }
        return LP_OK;
    }
    return lp_error_set(err, LP_ERR_USAGE, "unknown credential store");
}

lp_credstore *lp_credstore_open(lp_store_kind requested, const char *server, const char *email,
                                const char **fallback_note, lp_error *err)
{
    if (fallback_note != NULL) {
        *fallback_note = NULL;
    }
    if (server == NULL) {
        lp_error_set(err, LP_ERR_USAGE, "no server given");
        return NULL;
    }
    lp_credstore *store = calloc(1, sizeof *store);
    if (store == NULL || (store->server = strdup(server)) == NULL ||
        (email != NULL && (store->email = strdup(email)) == NULL)) {
        lp_error_set(err, LP_ERR_NOMEM, "out of memory");
        lp_credstore_free(store);
        return NULL;
    }
    store->memory.access_expires_at = LP_TIME_NONE;
    const char *token = getenv(TOKEN_VARIABLE);
    lp_status status = token != NULL && token[0] != '\0'
                           ? open_environment(store, token, err)
                           : choose_kind(store, requested, fallback_note, err);
    if (status == LP_OK && !describe(store)) {
        status = lp_error_set(err, LP_ERR_NOMEM, "out of memory");
    }
    if (status != LP_OK) {
        lp_credstore_free(store);
        return NULL;
    }
    return store;
}

void lp_credstore_free(lp_credstore *store)
{
    if (store == NULL) {
        return;
    }
    lp_credentials_clear(&store->memory);
    free(store->server);
    free(store->email);
    free(store->file_path);
    free(store->description);
    free(store);
}

lp_store_kind lp_credstore_kind(const lp_credstore *store)
{
    return store->kind;
}

bool lp_credstore_from_environment(const lp_credstore *store)
{
    return store->from_environment;
}

const char *lp_credstore_describe(const lp_credstore *store)
{
    return store->description;
}

lp_status lp_credstore_load(lp_credstore *store, lp_credentials *out, lp_error *err)
{
    memset(out, 0, sizeof *out);
    out->access_expires_at = LP_TIME_NONE;
    if (store->has_memory) {
        if (!lp_credentials_copy(&store->memory, out)) {
            return lp_error_set(err, LP_ERR_NOMEM, "out of memory");
        }
        return LP_OK;
    }
    switch (store->kind) {
    case LP_STORE_FILE:
        return lp_file_store_load(store->file_path, store->server, store->email, out, err);
#ifdef LP_HAVE_KEYRING
    case LP_STORE_KEYRING:
        return lp_keyring_load(store->server, store->email, out, err);
#endif
    default:
        return lp_error_set(err, LP_ERR_AUTH, "not logged in to %s", store->server);
    }
}

/* Later loads and clears concern the session just saved. */
static lp_status adopt_email(lp_credstore *store, const char *email, lp_error *err)
{
    if (email == NULL || email[0] == '\0' ||
        (store->email != NULL && strcmp(store->email, email) == 0)) {
        return LP_OK;
    }
    char *copy = strdup(email);
    if (copy == NULL) {
        return lp_error_set(err, LP_ERR_NOMEM, "out of memory");
    }
    free(store->email);
    store->email = copy;
    return LP_OK;
}

lp_status lp_credstore_save(lp_credstore *store, const lp_credentials *creds, lp_error *err)
{
    if (creds == NULL || creds->refresh_token == NULL) {
        return lp_error_set(err, LP_ERR_USAGE, "a session needs a refresh token");
    }
    lp_credentials copy;
    if (!lp_credentials_copy(creds, &copy)) {
        return lp_error_set(err, LP_ERR_NOMEM, "out of memory");
    }
    if (copy.server == NULL) {
        copy.server = strdup(store->server);
        if (copy.server == NULL) {
            lp_credentials_clear(&copy);
            return lp_error_set(err, LP_ERR_NOMEM, "out of memory");
        }
    }
    lp_status status = adopt_email(store, copy.email, err);
    if (status == LP_OK && !store->from_environment) {
        if (store->kind == LP_STORE_FILE) {
            status = lp_file_store_save(store->file_path, &copy, err);
#ifdef LP_HAVE_KEYRING
        } else if (store->kind == LP_STORE_KEYRING) {
            status = lp_keyring_save(&copy, err);
#endif
        }
    }
    if (status != LP_OK) {
        lp_credentials_clear(&copy);
        return status;
    }
    if (store->from_environment || store->kind == LP_STORE_NONE) {
        lp_credentials_clear(&store->memory);
        store->memory = copy;
        store->has_memory = true;
    } else {
        lp_credentials_clear(&copy);
    }
    return LP_OK;
}

lp_status lp_credstore_clear(lp_credstore *store, lp_error *err)
{
    lp_credentials_clear(&store->memory);
    store->has_memory = false;
    if (store->from_environment) {
        return LP_OK;
    }
    switch (store->kind) {
    case LP_STORE_FILE:
        return lp_file_store_remove(store->file_path, store->server, store->email, err);
#ifdef LP_HAVE_KEYRING
    case LP_STORE_KEYRING:
        return lp_keyring_remove(store->server, store->email, err);
#endif
    default:
        return LP_OK;
    }
}
