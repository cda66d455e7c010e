/* The Secret Service store: libsecret calls run in a worker thread and are abandoned after 2 s. */
#include "lib/store/keyring.h"

#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lib/store/credentials_json.h"
#include "lib/store/secret_library.h"

/* The project's own schema: attributes server and email, the session JSON in the secret. */
static const SecretSchema session_schema = {
    "org.licportal.Session",
    SECRET_SCHEMA_NONE,
    {
        {"server", SECRET_SCHEMA_ATTRIBUTE_STRING},
        {"email", SECRET_SCHEMA_ATTRIBUTE_STRING},
        {NULL, 0},
    },
    0,
    NULL,
    NULL,
    NULL,
    NULL,
    NULL,
    NULL,
    NULL,
};

typedef enum keyring_op {
    OP_PROBE,
    OP_LOAD,
    OP_SAVE,
    OP_REMOVE,
} keyring_op;

/* Shared by the caller and the worker; whoever drops the last reference frees it,
 * so a worker that outlives its caller's patience still has valid memory. */
typedef struct keyring_job {
    atomic_int refs;
    pthread_mutex_t lock;
    pthread_cond_t cond;
    bool done;
    const lp_secret_library *lib;
    GCancellable *cancellable;
    keyring_op op;
    char *server;
    char *email;
    char *label;
    char *secret_in;
    char *secret_out;
    bool found;
    bool failed;
    char message[256];
} keyring_job;

static void free_secret(char *secret)
{
    if (secret != NULL) {
        explicit_bzero(secret, strlen(secret));
        free(secret);
    }
}

static void job_unref(keyring_job *job)
{
    if (atomic_fetch_sub(&job->refs, 1) != 1) {
        return;
    }
    if (job->cancellable != NULL) {
        job->lib->object_unref(job->cancellable);
    }
    free(job->server);
    free(job->email);
    free(job->label);
    free_secret(job->secret_in);
    free_secret(job->secret_out);
    pthread_mutex_destroy(&job->lock);
    pthread_cond_destroy(&job->cond);
    free(job);
}

static void note_error(keyring_job *job, GError *error)
{
    job->failed = true;
    snprintf(job->message, sizeof job->message, "%s",
             error != NULL ? error->message : "unknown Secret Service failure");
    if (error != NULL) {
        job->lib->error_free(error);
    }
}

/* A service that answers is not enough: storing needs an unlocked default
 * collection, and unlocking would mean a prompt no one may see. */
static void run_probe(keyring_job *job)
{
    const lp_secret_library *lib = job->lib;
    GError *error = NULL;
    SecretService *service = lib->service_get_sync(SECRET_SERVICE_OPEN_SESSION, job->cancellable,
                                                   &error);
    if (service == NULL) {
        note_error(job, error);
        return;
    }
    SecretCollection *collection = lib->collection_for_alias_sync(service,
                                                                  SECRET_COLLECTION_DEFAULT,
                                                                  SECRET_COLLECTION_NONE,
                                                                  job->cancellable, &error);
    if (collection == NULL) {
        if (error != NULL) {
            note_error(job, error);
        } else {
            job->failed = true;
            snprintf(job->message, sizeof job->message, "the keyring has no default collection");
        }
    } else {
        if (lib->collection_get_locked(collection)) {
            job->failed = true;
            snprintf(job->message, sizeof job->message,
                     "the default keyring is locked (unlock it first)");
        }
        lib->object_unref(collection);
    }
    lib->object_unref(service);
}

/* The attributes that select this job's items: the server, and the email when given. */
static GHashTable *job_attributes(keyring_job *job)
{
    const lp_secret_library *lib = job->lib;
    GHashTable *attributes = lib->hash_table_new(lib->str_hash, lib->str_equal);
    lib->hash_table_insert(attributes, "server", job->server);
    if (job->email != NULL) {
        lib->hash_table_insert(attributes, "email", job->email);
    }
    return attributes;
}

static void run_load(keyring_job *job)
{
    const lp_secret_library *lib = job->lib;
    GError *error = NULL;
    GHashTable *attributes = job_attributes(job);
    GList *items = lib->password_searchv_sync(&session_schema, attributes,
                                              SECRET_SEARCH_LOAD_SECRETS, job->cancellable, &error);
    lib->hash_table_unref(attributes);
    if (error != NULL) {
        note_error(job, error);
        return;
    }
    for (GList *l = items; l != NULL && !job->found; l = l->next) {
        /* The items of a password search are SecretRetrievable by contract. */
        SecretValue *value = lib->retrievable_retrieve_secret_sync((SecretRetrievable *)l->data,
                                                                   job->cancellable, NULL);
        if (value == NULL) {
            continue;
        }
        const char *text = lib->value_get_text(value);
        if (text != NULL) {
            job->secret_out = strdup(text);
            job->found = job->secret_out != NULL;
            if (!job->found) {
                job->failed = true;
                snprintf(job->message, sizeof job->message, "out of memory");
            }
        }
        lib->value_unref(value);
        if (job->failed) {
            break;
        }
    }
    lib->list_free_full(items, lib->object_unref);
}

static void run_save(keyring_job *job)
{
    GError *error = NULL;
    if (!job->lib->password_store_sync(&session_schema, SECRET_COLLECTION_DEFAULT, job->label,
                                       job->secret_in, job->cancellable, &error, "server",
                                       job->server, "email", job->email, (char *)NULL)) {
        note_error(job, error);
    }
}

static void run_remove(keyring_job *job)
{
    const lp_secret_library *lib = job->lib;
    GError *error = NULL;
    GHashTable *attributes = job_attributes(job);
    /* clear removes one matching item per call: repeat until none is left. */
    for (int round = 0; round < 64; round++) {
        gboolean removed = lib->password_clearv_sync(&session_schema, attributes, job->cancellable,
                                                     &error);
        if (error != NULL) {
            note_error(job, error);
            break;
        }
        if (!removed) {
            break;
        }
    }
    lib->hash_table_unref(attributes);
}

static void *worker(void *data)
{
    keyring_job *job = data;
    switch (job->op) {
    case OP_PROBE:
        run_probe(job);
        break;
    case OP_LOAD:
        run_load(job);
        break;
    case OP_SAVE:
        run_save(job);
        break;
    case OP_REMOVE:
        run_remove(job);
        break;
    }
    pthread_mutex_lock(&job->lock);
    job->done = true;
    pthread_cond_signal(&job->cond);
    pthread_mutex_unlock(&job->lock);
    job_unref(job);
    return NULL;
}

static char *copy_or_null(const char *text, bool *ok)
{
    if (text == NULL) {
        return NULL;
    }
    char *copy = strdup(text);
    *ok = *ok && copy != NULL;
    return copy;
}

/* Fails with `err` set when libsecret cannot be loaded or memory runs out. */
static lp_status job_new(keyring_op op, const char *server, const char *email, keyring_job **out,
                         lp_error *err)
{
    *out = NULL;
    const lp_secret_library *lib = lp_secret_library_get(err);
    if (lib == NULL) {
        return LP_ERR_STORE;
    }
    keyring_job *job = calloc(1, sizeof *job);
    if (job == NULL) {
        return lp_error_set(err, LP_ERR_NOMEM, "out of memory");
    }
    atomic_init(&job->refs, 1);
    pthread_mutex_init(&job->lock, NULL);
    /* The deadline must not move when the wall clock is set. */
    pthread_condattr_t attr;
    pthread_condattr_init(&attr);
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    pthread_cond_init(&job->cond, &attr);
    pthread_condattr_destroy(&attr);
    job->lib = lib;
    job->op = op;
    bool ok = true;
    job->server = copy_or_null(server, &ok);
    job->email = copy_or_null(email, &ok);
    job->cancellable = lib->cancellable_new();
    if (!ok || job->cancellable == NULL) {
        job_unref(job);
        return lp_error_set(err, LP_ERR_NOMEM, "out of memory");
    }
    *out = job;
    return LP_OK;
}

/* Runs the job in a worker and waits at most LP_KEYRING_TIMEOUT_MS. On time-out the
 * call is cancelled and left behind: it finishes (or not) on its own. */
static lp_status run_bounded(keyring_job *job, lp_error *err)
{
    atomic_fetch_add(&job->refs, 1);
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    pthread_t thread;
    int failure = pthread_create(&thread, &attr, worker, job);
    pthread_attr_destroy(&attr);
    if (failure != 0) {
        job_unref(job);
        return lp_error_set(err, LP_ERR_STORE, "cannot start the keyring call: %s",
                            strerror(failure));
    }
    struct timespec deadline;
    clock_gettime(CLOCK_MONOTONIC, &deadline);
    deadline.tv_sec += LP_KEYRING_TIMEOUT_MS / 1000;
    deadline.tv_nsec += (long)(LP_KEYRING_TIMEOUT_MS % 1000) * 1000000L;
    if (deadline.tv_nsec >= 1000000000L) {
        deadline.tv_sec++;
        deadline.tv_nsec -= 1000000000L;
    }
    pthread_mutex_lock(&job->lock);
    while (!job->done) {
        if (pthread_cond_timedwait(&job->cond, &job->lock, &deadline) == ETIMEDOUT) {
            break;
        }
    }
    bool done = job->done;
    pthread_mutex_unlock(&job->lock);
    if (!done) {
        job->lib->cancellable_cancel(job->cancellable);
        return lp_error_set(err, LP_ERR_STORE, "the Secret Service did not answer within %d s",
                            LP_KEYRING_TIMEOUT_MS / 1000);
    }
    if (job->failed) {
        return lp_error_set(err, LP_ERR_STORE, "Secret Service: %s", job->message);
    }
    return LP_OK;
}

bool lp_keyring_available(lp_error *err)
{
    keyring_job *job;
    lp_status status = job_new(OP_PROBE, NULL, NULL, &job, err);
    if (status == LP_OK) {
        status = run_bounded(job, err);
        job_unref(job);
    }
    return status == LP_OK;
}

lp_status lp_keyring_load(const char *server, const char *email, lp_credentials *out, lp_error *err)
{
    memset(out, 0, sizeof *out);
    out->access_expires_at = LP_TIME_NONE;
    keyring_job *job;
    lp_status status = job_new(OP_LOAD, server, email, &job, err);
    if (status != LP_OK) {
        return status;
    }
    status = run_bounded(job, err);
    if (status == LP_OK) {
        status = job->found ? lp_credentials_from_json(job->secret_out, out, err)
                            : lp_error_set(err, LP_ERR_AUTH, "no session stored for %s", server);
    }
    job_unref(job);
    return status;
}

static char *session_label(const char *email, const char *server)
{
    int len = snprintf(NULL, 0, "licportal session %s on %s", email, server);
    char *label = len >= 0 ? malloc((size_t)len + 1) : NULL;
    if (label != NULL) {
        snprintf(label, (size_t)len + 1, "licportal session %s on %s", email, server);
    }
    return label;
}

/* The session JSON in memory of this file's own allocator, wiped when freed. */
static char *session_secret(const lp_credentials *creds)
{
    char *json = lp_credentials_to_json(creds);
    if (json == NULL) {
        return NULL;
    }
    char *secret = strdup(json);
    explicit_bzero(json, strlen(json));
    cJSON_free(json);
    return secret;
}

lp_status lp_keyring_save(const lp_credentials *creds, lp_error *err)
{
    if (creds == NULL || creds->server == NULL || creds->refresh_token == NULL) {
        return lp_error_set(err, LP_ERR_USAGE, "a session needs a server and a refresh token");
    }
    const char *email = creds->email != NULL ? creds->email : "";
    keyring_job *job;
    lp_status status = job_new(OP_SAVE, creds->server, email, &job, err);
    if (status != LP_OK) {
        return status;
    }
    job->secret_in = session_secret(creds);
    job->label = session_label(email, creds->server);
    status = job->secret_in != NULL && job->label != NULL
                 ? run_bounded(job, err)
                 : lp_error_set(err, LP_ERR_NOMEM, "out of memory");
    job_unref(job);
    return status;
}

lp_status lp_keyring_remove(const char *server, const char *email, lp_error *err)
{
    keyring_job *job;
    lp_status status = job_new(OP_REMOVE, server, email, &job, err);
    if (status == LP_OK) {
        status = run_bounded(job, err);
        job_unref(job);
    }
    return status;
}
