/* The Secret Service store: libsecret calls run in a worker thread and are abandoned after 2 s. */
#include "lib/store/keyring.h"

#include <libsecret/secret.h>
#include <stdio.h>
#include <string.h>

#include "lib/store/credentials_json.h"

/* The project's own schema: attributes server and email, the session JSON in the secret. */
static const SecretSchema session_schema = {
    "org.licportal.Session",
    SECRET_SCHEMA_NONE,
    {
        {"server", SECRET_SCHEMA_ATTRIBUTE_STRING},
        {"email", SECRET_SCHEMA_ATTRIBUTE_STRING},
        {NULL, 0},
    },
    0, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
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
    gint refs;
    GMutex lock;
    GCond cond;
    bool done;
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

static void job_unref(keyring_job *job)
{
    if (!g_atomic_int_dec_and_test(&job->refs)) {
        return;
    }
    g_object_unref(job->cancellable);
    g_free(job->server);
    g_free(job->email);
    g_free(job->label);
    if (job->secret_in != NULL) {
        explicit_bzero(job->secret_in, strlen(job->secret_in));
        g_free(job->secret_in);
    }
    if (job->secret_out != NULL) {
        explicit_bzero(job->secret_out, strlen(job->secret_out));
        g_free(job->secret_out);
    }
    g_mutex_clear(&job->lock);
    g_cond_clear(&job->cond);
    g_free(job);
}

static void note_error(keyring_job *job, GError *error)
{
    job->failed = true;
    snprintf(job->message, sizeof job->message, "%s",
             error != NULL ? error->message : "unknown Secret Service failure");
    g_clear_error(&error);
}

/* A service that answers is not enough: storing needs an unlocked default
 * collection, and unlocking would mean a prompt no one may see. */
static void run_probe(keyring_job *job)
{
    GError *error = NULL;
    SecretService *service = secret_service_get_sync(SECRET_SERVICE_OPEN_SESSION,
                                                     job->cancellable, &error);
    if (service == NULL) {
        note_error(job, error);
        return;
    }
    SecretCollection *collection = secret_collection_for_alias_sync(
        service, SECRET_COLLECTION_DEFAULT, SECRET_COLLECTION_NONE, job->cancellable, &error);
    if (collection == NULL) {
        if (error != NULL) {
            note_error(job, error);
        } else {
            job->failed = true;
            snprintf(job->message, sizeof job->message, "the keyring has no default collection");
        }
    } else {
        if (secret_collection_get_locked(collection)) {
            job->failed = true;
            snprintf(job->message, sizeof job->message,
                     "the default keyring is locked (unlock it first)");
        }
        g_object_unref(collection);
    }
    g_object_unref(service);
}

static void run_load(keyring_job *job)
{
    GError *error = NULL;
    GHashTable *attributes = g_hash_table_new(g_str_hash, g_str_equal);
    g_hash_table_insert(attributes, "server", job->server);
    if (job->email != NULL) {
        g_hash_table_insert(attributes, "email", job->email);
    }
    GList *items = secret_password_searchv_sync(&session_schema, attributes,
                                                SECRET_SEARCH_LOAD_SECRETS, job->cancellable,
                                                &error);
    g_hash_table_unref(attributes);
    if (error != NULL) {
        note_error(job, error);
        return;
    }
    for (GList *l = items; l != NULL && !job->found; l = l->next) {
        SecretValue *value = secret_retrievable_retrieve_secret_sync(
            SECRET_RETRIEVABLE(l->data), job->cancellable, NULL);
        if (value == NULL) {
            continue;
        }
        const char *text = secret_value_get_text(value);
        if (text != NULL) {
            job->secret_out = g_strdup(text);
            job->found = true;
        }
        secret_value_unref(value);
    }
    g_list_free_full(items, g_object_unref);
}

static void run_save(keyring_job *job)
{
    GError *error = NULL;
    if (!secret_password_store_sync(&session_schema, SECRET_COLLECTION_DEFAULT, job->label,
                                    job->secret_in, job->cancellable, &error, "server",
                                    job->server, "email", job->email, NULL)) {
        note_error(job, error);
    }
}

static void run_remove(keyring_job *job)
{
    GError *error = NULL;
    GHashTable *attributes = g_hash_table_new(g_str_hash, g_str_equal);
    g_hash_table_insert(attributes, "server", job->server);
    if (job->email != NULL) {
        g_hash_table_insert(attributes, "email", job->email);
    }
    /* clear removes one matching item per call: repeat until none is left. */
    for (int round = 0; round < 64; round++) {
        gboolean removed = secret_password_clearv_sync(&session_schema, attributes,
                                                       job->cancellable, &error);
        if (error != NULL) {
            note_error(job, error);
            break;
        }
        if (!removed) {
            break;
        }
    }
    g_hash_table_unref(attributes);
}

static gpointer worker(gpointer data)
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
    g_mutex_lock(&job->lock);
    job->done = true;
    g_cond_signal(&job->cond);
    g_mutex_unlock(&job->lock);
    job_unref(job);
    return NULL;
}

static keyring_job *job_new(keyring_op op, const char *server, const char *email)
{
    keyring_job *job = g_new0(keyring_job, 1);
    job->refs = 1;
    g_mutex_init(&job->lock);
    g_cond_init(&job->cond);
    job->cancellable = g_cancellable_new();
    job->op = op;
    job->server = g_strdup(server);
    job->email = g_strdup(email);
    return job;
}

/* Runs the job in a worker and waits at most LP_KEYRING_TIMEOUT_MS. On time-out the
 * call is cancelled and left behind: it finishes (or not) on its own. */
static lp_status run_bounded(keyring_job *job, lp_error *err)
{
    g_atomic_int_inc(&job->refs);
    GError *error = NULL;
    GThread *thread = g_thread_try_new("licportal-keyring", worker, job, &error);
    if (thread == NULL) {
        job_unref(job);
        lp_status status = lp_error_set(err, LP_ERR_STORE, "cannot start the keyring call: %s",
                                        error->message);
        g_clear_error(&error);
        return status;
    }
    g_thread_unref(thread);
    gint64 deadline = g_get_monotonic_time() + (gint64)LP_KEYRING_TIMEOUT_MS * 1000;
    g_mutex_lock(&job->lock);
    while (!job->done) {
        if (!g_cond_wait_until(&job->cond, &job->lock, deadline)) {
            break;
        }
    }
    bool done = job->done;
    g_mutex_unlock(&job->lock);
    if (!done) {
        g_cancellable_cancel(job->cancellable);
        return lp_error_set(err, LP_ERR_STORE,
                            "the Secret Service did not answer within %d s",
                            LP_KEYRING_TIMEOUT_MS / 1000);
    }
    if (job->failed) {
        return lp_error_set(err, LP_ERR_STORE, "Secret Service: %s", job->message);
    }
    return LP_OK;
}

bool lp_keyring_available(lp_error *err)
{
    keyring_job *job = job_new(OP_PROBE, NULL, NULL);
    lp_status status = run_bounded(job, err);
    job_unref(job);
    return status == LP_OK;
}

lp_status lp_keyring_load(const char *server, const char *email, lp_credentials *out,
                          lp_error *err)
{
    memset(out, 0, sizeof *out);
    out->access_expires_at = LP_TIME_NONE;
    keyring_job *job = job_new(OP_LOAD, server, email);
    lp_status status = run_bounded(job, err);
    if (status == LP_OK) {
        status = job->found ? lp_credentials_from_json(job->secret_out, out, err)
                            : lp_error_set(err, LP_ERR_AUTH, "no session stored for %s", server);
    }
    job_unref(job);
    return status;
}

lp_status lp_keyring_save(const lp_credentials *creds, lp_error *err)
{
    if (creds == NULL || creds->server == NULL || creds->refresh_token == NULL) {
        return lp_error_set(err, LP_ERR_USAGE, "a session needs a server and a refresh token");
    }
    char *json = lp_credentials_to_json(creds);
    if (json == NULL) {
        return lp_error_set(err, LP_ERR_NOMEM, "out of memory");
    }
    const char *email = creds->email != NULL ? creds->email : "";
    keyring_job *job = job_new(OP_SAVE, creds->server, email);
    job->secret_in = g_strdup(json);
    job->label = g_strdup_printf("licportal session %s on %s", email, creds->server);
    explicit_bzero(json, strlen(json));
    cJSON_free(json);
    lp_status status = run_bounded(job, err);
    job_unref(job);
    return status;
}

lp_status lp_keyring_remove(const char *server, const char *email, lp_error *err)
{
    keyring_job *job = job_new(OP_REMOVE, server, email);
    lp_status status = run_bounded(job, err);
    job_unref(job);
    return status;
}
