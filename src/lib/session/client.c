/* The Portal API v1 as asynchronous calls, with the session kept and refreshed. */
#include "licportal/client.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lib/model/json_map.h"
#include "lib/session/api_error.h"
#include "lib/session/api_url.h"
#include "lib/session/client_internal.h"
#include "lib/session/etag_cache.h"
#include "lib/session/session.h"
#include "lib/store/no_core_dumps.h"
#include "lib/transport/https_url.h"
#include "lib/transport/transfer_internal.h"

typedef enum call_phase {
    PHASE_WAITING_REFRESH, /* queued behind the refresh in flight */
    PHASE_SENDING,
    PHASE_DONE,
} call_phase;

struct lp_call {
    lp_client *client; /* NULL once handed to the caller */
    lp_call_kind kind;
    const char *method;
    char *url;
    char *json_body; /* may hold a password: wiped on free */
    bool needs_auth;
    bool cacheable;
    int64_t range_from;
    bool (*sink)(void *user, const char *data, size_t len);
    void *sink_user;

    call_phase phase;
    bool retried;
    char *sent_access_token;
    lp_transfer *transfer;
    char *cached_body; /* what a 304 means, copied when If-None-Match was sent */
    size_t cached_len;
    lp_http_response response; /* the final answer */
    bool has_response;

    lp_status status;
    lp_error err;
    lp_result result;
    bool has_result;
    int64_t wire_bytes;
    void *user;

    lp_call *prev, *next; /* the client's calls */
    lp_call *done_next;   /* the client's done queue */
};

struct lp_client {
    lp_transport *transport;
    char *server;
    char *api_base;
    lp_credstore *store;
    lp_credentials session;
    lp_session_info session_info; /* what lp_client_session_info shows of it */
    lp_etag_cache *cache;
    lp_call *calls;
    int call_count;
    lp_call *done_head, *done_tail;
    lp_transfer *refresh;
    char refresh_tag; /* its address marks the refresh transfer */
};

static void send_call(lp_call *call, bool token_just_refreshed);

static lp_time now_seconds(void)
{
    return (lp_time)time(NULL);
}

static char *dup_or_null(const char *text)
{
    return text ? strdup(text) : NULL;
}

static void wipe_free(char *secret)
{
    if (secret) {
        explicit_bzero(secret, strlen(secret));
        free(secret);
    }
}

/* ---- client ------------------------------------------------------------ */

lp_client *lp_client_new(const lp_client_options *options, lp_error *err)
{
    if (!options || !options->server)
        return lp_error_set(err, LP_ERR_USAGE, "no server given: use --server URL"), NULL;
    /* A client holds tokens (loaded, or received at login) until it is freed. */
    lp_no_core_dumps();
    char host[256];
    long port;
    if (lp_https_url_split(options->server, host, sizeof host, &port, err) != LP_OK)
        return NULL;
    lp_client *client = calloc(1, sizeof *client);
    if (!client)
        return lp_error_set(err, LP_ERR_NOMEM, "out of memory"), NULL;
    client->session.access_expires_at = LP_TIME_NONE;
    client->server = strdup(options->server);
    if (!client->server)
        goto nomem;
    size_t len = strlen(client->server);
    while (len > strlen("https://") && client->server[len - 1] == '/')
        client->server[--len] = '\0';
    client->api_base = malloc(len + sizeof "/api/v1");
    if (!client->api_base)
        goto nomem;
    snprintf(client->api_base, len + sizeof "/api/v1", "%s/api/v1", client->server);
    client->cache = lp_etag_cache_new(LP_ETAG_CACHE_ENTRIES, LP_ETAG_CACHE_BODY_MAX);
    if (!client->cache)
        goto nomem;
    lp_transport_options topts = {.cacert_file = options->cacert_file,
                                  .max_body_bytes = LP_JSON_MAX_BYTES,
                                  .sink_min_speed = options->download_min_speed,
                                  .sink_slow_s = options->download_slow_seconds};
    client->transport = lp_transport_new(&topts, err);
    if (!client->transport) {
        lp_client_free(client);
        return NULL;
    }
    client->store = options->store;
    if (client->store) {
        lp_error load_err;
        lp_error_clear(&load_err);
        lp_status st = lp_credstore_load(client->store, &client->session, &load_err);
        if (st == LP_ERR_AUTH) {
            lp_credentials_clear(&client->session);
            client->session.access_expires_at = LP_TIME_NONE;
        } else if (st != LP_OK) {
            if (err)
                *err = load_err;
            lp_client_free(client);
            return NULL;
        }
    }
    return client;
nomem:
    lp_client_free(client);
    lp_error_set(err, LP_ERR_NOMEM, "out of memory");
    return NULL;
}

static void unlink_call(lp_client *client, lp_call *call)
{
    if (call->prev)
        call->prev->next = call->next;
    else
        client->calls = call->next;
    if (call->next)
        call->next->prev = call->prev;
    call->prev = call->next = NULL;
    client->call_count--;
    if (call->phase == PHASE_DONE) {
        lp_call **link = &client->done_head;
        lp_call *before = NULL;
        while (*link && *link != call) {
            before = *link;
            link = &(*link)->done_next;
        }
        if (*link) {
            *link = call->done_next;
            if (client->done_tail == call)
                client->done_tail = before;
        }
    }
    call->done_next = NULL;
    call->client = NULL;
}

static void call_release(lp_call *call)
{
    lp_transfer_free(call->transfer);
    call->transfer = NULL;
    lp_result_clear(&call->result);
    lp_http_response_clear(&call->response);
    free(call->url);
    wipe_free(call->json_body);
    wipe_free(call->sent_access_token);
    free(call->cached_body);
    free(call);
}

void lp_client_free(lp_client *client)
{
    if (!client)
        return;
    while (client->calls) {
        lp_call *call = client->calls;
        unlink_call(client, call);
        call_release(call);
    }
    lp_transfer_free(client->refresh);
    lp_transport_free(client->transport);
    lp_etag_cache_free(client->cache);
    lp_session_drop_tokens(&client->session);
    lp_credentials_clear(&client->session);
    free(client->server);
    free(client->api_base);
    free(client);
}

bool lp_client_has_session(const lp_client *client)
{
    return client && (lp_session_can_refresh(&client->session) ||
                      (client->session.access_token && *client->session.access_token));
}

const lp_session_info *lp_client_session_info(lp_client *client)
{
    if (!lp_client_has_session(client))
        return NULL;
    client->session_info = (lp_session_info){
        .server = client->session.server ? client->session.server : client->server,
        .email = client->session.email,
        .user_name = client->session.user_name,
        .store = client->store ? lp_credstore_kind(client->store) : LP_STORE_NONE,
    };
    return &client->session_info;
}

const lp_credentials *lp_client_credentials(const lp_client *client)
{
    return lp_client_has_session(client) ? &client->session : NULL;
}

const char *lp_client_server(const lp_client *client)
{
    return client ? client->server : NULL;
}

static void save_session(lp_client *client, lp_error *err)
{
    if (!client->store)
        return;
    lp_credstore_save(client->store, &client->session, err);
}

/* ---- finishing --------------------------------------------------------- */

static void queue_done(lp_client *client, lp_call *call)
{
    call->phase = PHASE_DONE;
    call->done_next = NULL;
    if (client->done_tail)
        client->done_tail->done_next = call;
    else
        client->done_head = call;
    client->done_tail = call;
}

/* Logging out ends the session here whatever the server says: the point
 * is that this machine no longer holds it. */
static lp_status finish_logout(lp_client *client, lp_status status, lp_error *err)
{
    if (status == LP_ERR_CANCELLED)
        return status;
    lp_session_drop_tokens(&client->session);
    lp_credentials_clear(&client->session);
    client->session.access_expires_at = LP_TIME_NONE;
    lp_etag_cache_clear(client->cache);
    lp_error store_err;
    lp_error_clear(&store_err);
    lp_status cleared = client->store ? lp_credstore_clear(client->store, &store_err) : LP_OK;
    if (cleared != LP_OK) {
        lp_error_set(err, LP_ERR_STORE, "the stored session could not be removed: %.400s",
                     store_err.message);
        return LP_ERR_STORE;
    }
    /* A refused session is already dead on the server. */
    if (status == LP_OK || status == LP_ERR_AUTH) {
        lp_error_clear(err);
        return LP_OK;
    }
    char reason[sizeof err->message];
    snprintf(reason, sizeof reason, "%s", err->message);
    lp_error_set(err, status,
                 "logged out here (the stored session is removed), but the server could not revoke "
                 "it: %.400s",
                 reason);
    return status;
}

static void finish(lp_call *call, lp_status status, const lp_error *err)
{
    lp_client *client = call->client;
    lp_error_clear(&call->err);
    if (err && status != LP_OK)
        call->err = *err;
    call->err.status = status;
    if (call->kind == LP_CALL_LOGOUT)
        status = finish_logout(client, status, &call->err);
    call->status = status;
    call->err.status = status;
    if (status != LP_OK) {
        lp_result_clear(&call->result);
        call->has_result = false;
    }
    queue_done(client, call);
}

static void finish_with(lp_call *call, lp_status status, const char *message)
{
    lp_error e;
    lp_error_clear(&e);
    lp_error_set(&e, status, "%s", message);
    finish(call, status, &e);
}

/* ---- refresh ----------------------------------------------------------- */

static char *json_of_refresh_token(const char *refresh_token)
{
    cJSON *obj = cJSON_CreateObject();
    if (!obj || !cJSON_AddStringToObject(obj, "refresh_token", refresh_token)) {
        cJSON_Delete(obj);
        return NULL;
    }
    char *text = cJSON_PrintUnformatted(obj);
    cJSON_Delete(obj);
    return text;
}

static void settle_waiters(lp_client *client, lp_status outcome, const lp_error *err, int64_t wire)
{
    /* Finishing or sending changes the list: restart the scan each time. */
    for (;;) {
        lp_call *waiting = NULL;
        for (lp_call *c = client->calls; c; c = c->next)
            if (c->phase == PHASE_WAITING_REFRESH) {
                waiting = c;
                break;
            }
        if (!waiting)
            return;
        waiting->wire_bytes += wire;
        waiting->phase = PHASE_SENDING;
        if (outcome == LP_OK)
            send_call(waiting, true);
        else
            finish(waiting, outcome, err);
    }
}

static void start_refresh(lp_client *client)
{
    if (client->refresh)
        return;
    lp_error err;
    lp_error_clear(&err);
    char *body = json_of_refresh_token(client->session.refresh_token);
    char *url = NULL;
    if (body) {
        lp_url u;
        lp_url_init(&u, client->api_base);
        lp_url_path(&u, "/auth/refresh");
        url = lp_url_finish(&u, &err);
    }
    if (!body || !url) {
        wipe_free(body);
        free(url);
        lp_error_set(&err, LP_ERR_NOMEM, "out of memory");
        settle_waiters(client, LP_ERR_NOMEM, &err, 0);
        return;
    }
    lp_http_request req = {.method = "POST", .url = url, .json_body = body};
    client->refresh = lp_transport_start(client->transport, &req, &client->refresh_tag, &err);
    wipe_free(body);
    free(url);
    if (!client->refresh)
        settle_waiters(client, err.status, &err, 0);
}

static void refresh_done(lp_client *client, lp_transfer *transfer)
{
    client->refresh = NULL;
    int64_t wire = lp_transfer_wire_bytes(transfer);
    lp_error err;
    lp_error_clear(&err);
    lp_status st = lp_transfer_result(transfer, &err);
    const lp_http_response *r = lp_transfer_response(transfer);
    if (st == LP_OK && r->status == 200) {
        lp_tokens tokens = {0};
        st = lp_parse_tokens(r->body, r->body_len, &tokens, &err);
        if (st == LP_OK) {
            st = lp_session_adopt(&client->session, client->server, &tokens, now_seconds(), &err);
            lp_tokens_clear(&tokens);
        } else {
            char detail[sizeof err.message];
            snprintf(detail, sizeof detail, "%s", err.message);
            lp_error_set(&err, LP_ERR_PROTOCOL,
                         "the server's answer broke the API contract: refresh: %.400s", detail);
        }
        if (st == LP_OK) {
            /* Rotation has made the stored refresh token dead: save at once.
             * A failing store does not fail the calls; the session lives on
             * in memory. */
            lp_error save_err;
            lp_error_clear(&save_err);
            save_session(client, &save_err);
        }
    } else if (st == LP_OK) {
        st = lp_api_error(r->status, r->body, r->body_len, r->request_id, r->retry_after, &err);
        if (st == LP_ERR_AUTH || st == LP_ERR_BAD_REQUEST) {
            lp_session_drop_tokens(&client->session);
            st = LP_ERR_AUTH;
            lp_error_set(&err, st, LP_SESSION_REFUSED_MESSAGE);
        }
    }
    lp_transfer_free(transfer);
    settle_waiters(client, st, &err, wire);
}

/* ---- sending and receiving --------------------------------------------- */

static char *json_of_logout(const lp_client *client)
{
    return json_of_refresh_token(client->session.refresh_token ? client->session.refresh_token
                                                               : "");
}

/* `token_just_refreshed`: the access token came from the refresh this call
 * waited for; it is sent even when its lifetime is shorter than the
 * refresh margin, else such a server would be asked to refresh forever. */
static void send_call(lp_call *call, bool token_just_refreshed)
{
    lp_client *client = call->client;
    lp_error err;
    lp_error_clear(&err);
    const char *bearer = NULL;
    if (call->needs_auth) {
        bool usable = client->session.access_token &&
                      (token_just_refreshed ||
                       lp_session_access_usable(&client->session, now_seconds()));
        if (!usable) {
            if (lp_session_can_refresh(&client->session)) {
                call->phase = PHASE_WAITING_REFRESH;
                start_refresh(client);
                return;
            }
            if (!client->session.access_token) {
                finish_with(call, LP_ERR_AUTH, LP_SESSION_REFUSED_MESSAGE);
                return;
            }
        }
        bearer = client->session.access_token;
    }
    if (call->kind == LP_CALL_LOGOUT) {
        wipe_free(call->json_body);
        call->json_body = json_of_logout(client);
        if (!call->json_body) {
            finish_with(call, LP_ERR_NOMEM, "out of memory");
            return;
        }
    }
    lp_http_request req = {
        .method = call->method,
        .url = call->url,
        .bearer_token = bearer,
        .json_body = call->json_body,
        .range_from = call->range_from,
        .body_sink = call->sink,
        .sink_user = call->sink_user,
    };
    free(call->cached_body);
    call->cached_body = NULL;
    if (call->cacheable) {
        const lp_etag_entry *entry = lp_etag_cache_get(client->cache, call->url);
        if (entry) {
            call->cached_body = malloc(entry->body_len + 1);
            if (call->cached_body) {
                memcpy(call->cached_body, entry->body, entry->body_len + 1);
                call->cached_len = entry->body_len;
                req.if_none_match = entry->etag;
            }
        }
    }
    wipe_free(call->sent_access_token);
    call->sent_access_token = dup_or_null(bearer);
    call->phase = PHASE_SENDING;
    call->transfer = lp_transport_start(client->transport, &req, call, &err);
    if (!call->transfer)
        finish(call, err.status, &err);
}

static lp_status parse_result(lp_call *call, const char *body, size_t len, lp_error *err)
{
    lp_result *res = &call->result;
    switch (call->kind) {
    case LP_CALL_LOGIN:
        return lp_parse_tokens(body, len, &res->as.tokens, err);
    case LP_CALL_ME:
        return lp_parse_user(body, len, &res->as.user, err);
    case LP_CALL_DASHBOARD:
        return lp_parse_dashboard(body, len, &res->as.dashboard, err);
    case LP_CALL_LICENSES:
        return lp_parse_license_page(body, len, &res->as.licenses, err);
    case LP_CALL_LICENSE:
        return lp_parse_license_detail(body, len, &res->as.license, err);
    case LP_CALL_REVEAL_KEY:
        return lp_parse_revealed_key(body, len, &res->as.revealed_key, err);
    case LP_CALL_ACTIVATIONS:
        return lp_parse_activation_page(body, len, &res->as.activations, err);
    case LP_CALL_DOWNLOADS:
        return lp_parse_download_page(body, len, &res->as.downloads, err);
    case LP_CALL_DOWNLOAD:
        return lp_parse_download(body, len, &res->as.download, err);
    case LP_CALL_PRODUCTS:
        return lp_parse_product_page(body, len, &res->as.products, err);
    case LP_CALL_TOKEN_CREATE:
        return lp_parse_personal_token(body, len, &res->as.token, err);
    case LP_CALL_TOKENS:
        return lp_parse_personal_token_page(body, len, &res->as.token_page, err);
    case LP_CALL_SIGNING_KEYS:
        res->as.signing_keys = lp_signing_keys_parse(body, len, err);
        return res->as.signing_keys ? LP_OK : err->status;
    case LP_CALL_OFFLINE_ACTIVATION:
        return lp_parse_offline_activation(body, len, &res->as.offline, err);
    case LP_CALL_LOGOUT:
    case LP_CALL_DEACTIVATE:
    case LP_CALL_DOWNLOAD_FILE:
    case LP_CALL_TOKEN_REVOKE:
        return LP_OK;
    }
    return lp_error_set(err, LP_ERR_USAGE, "unknown call");
}

static bool expects_json(lp_call_kind kind)
{
    return kind != LP_CALL_LOGOUT && kind != LP_CALL_DEACTIVATE && kind != LP_CALL_DOWNLOAD_FILE &&
           kind != LP_CALL_TOKEN_REVOKE;
}

static void accept_body(lp_call *call, const char *body, size_t len, bool not_modified)
{
    lp_client *client = call->client;
    lp_error err;
    lp_error_clear(&err);
    call->result.kind = call->kind;
    if (expects_json(call->kind)) {
        if (!body) {
            finish_with(call, LP_ERR_PROTOCOL,
                        "the server's answer broke the API contract: no body");
            return;
        }
        lp_status st = parse_result(call, body, len, &err);
        if (st != LP_OK) {
            char detail[sizeof err.message];
            snprintf(detail, sizeof detail, "%s", err.message);
            lp_error_set(&err, LP_ERR_PROTOCOL,
                         "the server's answer broke the API contract: %.420s", detail);
            snprintf(err.request_id, sizeof err.request_id, "%s",
                     call->response.request_id ? call->response.request_id : "");
            err.http_status = call->response.status;
            finish(call, LP_ERR_PROTOCOL, &err);
            return;
        }
        /* The token answer stays out of `body`: it is nothing to print. */
        if (call->kind != LP_CALL_LOGIN) {
            char *copy = malloc(len + 1);
            if (!copy) {
                finish_with(call, LP_ERR_NOMEM, "out of memory");
                return;
            }
            memcpy(copy, body, len);
            copy[len] = '\0';
            call->result.body = copy;
            call->result.body_len = len;
        }
        if (call->cacheable && !not_modified && call->response.etag)
            lp_etag_cache_put(client->cache, call->url, call->response.etag, body, len);
    }
    call->result.not_modified = not_modified;
    call->has_result = true;

    if (call->kind == LP_CALL_LOGIN) {
        lp_etag_cache_clear(client->cache); /* another user's answers must not show */
        lp_status st = lp_session_adopt(&client->session, client->server, &call->result.as.tokens,
                                        now_seconds(), &err);
        if (st == LP_OK && client->store) {
            lp_error save_err;
            lp_error_clear(&save_err);
            if (lp_credstore_save(client->store, &client->session, &save_err) != LP_OK) {
                lp_error_set(&err, LP_ERR_STORE,
                             "logged in, but the session could not be saved: %.400s",
                             save_err.message);
                st = LP_ERR_STORE;
            }
        }
        if (st != LP_OK) {
            finish(call, st, &err);
            return;
        }
    }
    finish(call, LP_OK, NULL);
}

/* A personal access token is never refreshed: when it is refused, a new one is needed, not a login. */
static bool holds_personal_token(const lp_client *client)
{
    const char *token = client->session.access_token;
    return !lp_session_can_refresh(&client->session) && token &&
           strncmp(token, LP_PERSONAL_TOKEN_PREFIX, strlen(LP_PERSONAL_TOKEN_PREFIX)) == 0;
}

static bool should_retry_after_refresh(const lp_call *call, const lp_error *err)
{
    if (!call->needs_auth || call->retried || err->http_status != 401)
        return false;
    if (strcmp(err->code, LP_CODE_TOKEN_EXPIRED) == 0)
        return true;
    return strcmp(err->code, LP_CODE_UNAUTHENTICATED) == 0 &&
           lp_session_can_refresh(&call->client->session);
}

static void call_done(lp_call *call, lp_transfer *transfer)
{
    lp_client *client = call->client;
    call->transfer = NULL;
    call->wire_bytes += lp_transfer_wire_bytes(transfer);
    lp_error err;
    lp_error_clear(&err);
    lp_status st = lp_transfer_result(transfer, &err);
    lp_http_response_clear(&call->response);
    lp_transfer_move_response(transfer, &call->response);
    call->has_response = true;
    lp_transfer_free(transfer);
    if (st != LP_OK) {
        finish(call, st, &err);
        return;
    }
    const lp_http_response *r = &call->response;
    if (r->status >= 200 && r->status <= 299) {
        accept_body(call, r->body, r->body_len, false);
        return;
    }
    if (r->status == 304) {
        if (call->cacheable && call->cached_body) {
            accept_body(call, call->cached_body, call->cached_len, true);
            return;
        }
        finish_with(
            call, LP_ERR_PROTOCOL,
            "the server's answer broke the API contract: 304 Not Modified to a request without "
            "If-None-Match");
        return;
    }
    st = lp_api_error(r->status, r->body, r->body_len, r->request_id, r->retry_after, &err);
    if (should_retry_after_refresh(call, &err)) {
        call->retried = true;
        /* Only the token this call sent is known to be dead; a refresh
         * finished meanwhile has already brought a new one. */
        if (client->session.access_token && call->sent_access_token &&
            strcmp(client->session.access_token, call->sent_access_token) == 0)
            lp_session_drop_access(&client->session);
        send_call(call, false);
        return;
    }
    if (st == LP_ERR_AUTH && call->needs_auth)
        lp_error_set(&err, LP_ERR_AUTH, "%s",
                     holds_personal_token(client) ? LP_PERSONAL_TOKEN_REFUSED_MESSAGE
                                                  : LP_SESSION_REFUSED_MESSAGE);
    finish(call, st, &err);
}

static void drain(lp_client *client)
{
    lp_transfer *transfer;
    while ((transfer = lp_transport_next_done(client->transport))) {
        void *user = lp_transfer_user(transfer);
        if (user == &client->refresh_tag)
            refresh_done(client, transfer);
        else
            call_done(user, transfer);
    }
}

/* ---- starting calls ---------------------------------------------------- */

static lp_call *new_call(lp_client *client, lp_call_kind kind, const char *method, char *url,
                         lp_error *err)
{
    if (!url)
        return NULL;
    lp_call *call = calloc(1, sizeof *call);
    if (!call) {
        free(url);
        lp_error_set(err, LP_ERR_NOMEM, "out of memory");
        return NULL;
    }
    call->client = client;
    call->kind = kind;
    call->method = method;
    call->url = url;
    call->needs_auth = kind != LP_CALL_LOGIN && kind != LP_CALL_SIGNING_KEYS;
    call->cacheable = strcmp(method, "GET") == 0 && kind != LP_CALL_DOWNLOAD_FILE;
    call->phase = PHASE_SENDING;
    lp_error_clear(&call->err);
    call->result.kind = kind;
    return call;
}

static lp_call *launch(lp_client *client, lp_call *call, lp_error *err)
{
    if (!call)
        return NULL;
    if (call->needs_auth && call->kind != LP_CALL_LOGOUT && !lp_client_has_session(client)) {
        call_release(call);
        lp_error_set(err, LP_ERR_AUTH, "not logged in: run `licportal login`");
        return NULL;
    }
    call->next = client->calls;
    if (call->next)
        call->next->prev = call;
    client->calls = call;
    client->call_count++;
    if (call->kind == LP_CALL_LOGOUT && !lp_client_has_session(client))
        finish(call, LP_OK, NULL); /* nothing to revoke; the store is still cleared */
    else
        send_call(call, false);
    return call;
}

static char *url_of(const lp_client *client, const char *path, const char *id, const char *tail,
                    lp_error *err)
{
    lp_url u;
    lp_url_init(&u, client->api_base);
    lp_url_path(&u, path);
    if (id)
        lp_url_segment(&u, id);
    if (tail)
        lp_url_path(&u, tail);
    return lp_url_finish(&u, err);
}

lp_call *lp_client_login(lp_client *client, const char *email, const char *password,
                         const char *otp, lp_error *err)
{
    if (!client || !email || !*email || !password)
        return lp_error_set(err, LP_ERR_USAGE, "login needs an email and a password"), NULL;
    cJSON *obj = cJSON_CreateObject();
    bool ok = obj && cJSON_AddStringToObject(obj, "email", email) &&
              cJSON_AddStringToObject(obj, "password", password);
    if (ok && otp && *otp)
        ok = cJSON_AddStringToObject(obj, "otp", otp) != NULL;
    char *body = ok ? cJSON_PrintUnformatted(obj) : NULL;
    if (obj) {
        cJSON *pw = cJSON_GetObjectItemCaseSensitive(obj, "password");
        if (pw && pw->valuestring)
            explicit_bzero(pw->valuestring, strlen(pw->valuestring));
    }
    cJSON_Delete(obj);
    if (!body)
        return lp_error_set(err, LP_ERR_NOMEM, "out of memory"), NULL;
    lp_call *call = new_call(client, LP_CALL_LOGIN, "POST",
                             url_of(client, "/auth/login", NULL, NULL, err), err);
    if (!call) {
        wipe_free(body);
        return NULL;
    }
    call->json_body = body;
    return launch(client, call, err);
}

lp_call *lp_client_logout(lp_client *client, lp_error *err)
{
    if (!client)
        return lp_error_set(err, LP_ERR_USAGE, "no client"), NULL;
    return launch(client,
                  new_call(client, LP_CALL_LOGOUT, "POST",
                           url_of(client, "/auth/logout", NULL, NULL, err), err),
                  err);
}

#define SIMPLE_GET(fn, kind, path)                                                               \
    lp_call *fn(lp_client *client, lp_error *err)                                                \
    {                                                                                            \
        if (!client)                                                                             \
            return lp_error_set(err, LP_ERR_USAGE, "no client"), NULL;                           \
        return launch(client,                                                                    \
                      new_call(client, kind, "GET", url_of(client, path, NULL, NULL, err), err), \
                      err);                                                                      \
    }

SIMPLE_GET(lp_client_get_me, LP_CALL_ME, "/me")
SIMPLE_GET(lp_client_get_dashboard, LP_CALL_DASHBOARD, "/dashboard")
SIMPLE_GET(lp_client_list_products, LP_CALL_PRODUCTS, "/products")
SIMPLE_GET(lp_client_get_signing_keys, LP_CALL_SIGNING_KEYS, "/signing-keys")

static lp_call *by_id(lp_client *client, lp_call_kind kind, const char *method, const char *path,
                      const char *id, const char *tail, lp_error *err)
{
    if (!client)
        return lp_error_set(err, LP_ERR_USAGE, "no client"), NULL;
    if (!id || !*id)
        return lp_error_set(err, LP_ERR_USAGE, "no id given"), NULL;
    return launch(client, new_call(client, kind, method, url_of(client, path, id, tail, err), err),
                  err);
}

lp_call *lp_client_get_license(lp_client *client, const char *license_id, lp_error *err)
{
    return by_id(client, LP_CALL_LICENSE, "GET", "/licenses", license_id, NULL, err);
}

lp_call *lp_client_reveal_key(lp_client *client, const char *license_id, lp_error *err)
{
    return by_id(client, LP_CALL_REVEAL_KEY, "POST", "/licenses", license_id, "/reveal", err);
}

lp_call *lp_client_activate_offline(lp_client *client, const char *license_id,
                                    const char *request_json, size_t request_len, lp_error *err)
{
    if (!client || !license_id || !*license_id || !request_json)
        return lp_error_set(err, LP_ERR_USAGE,
                            "offline activation needs a license id and a machine request"),
               NULL;
    cJSON *request = cJSON_ParseWithLength(request_json, request_len);
    if (!cJSON_IsObject(request)) {
        cJSON_Delete(request);
        return lp_error_set(err, LP_ERR_USAGE, "the machine request is not a JSON object"), NULL;
    }
    cJSON *body = cJSON_CreateObject();
    char *text = NULL;
    if (body && cJSON_AddItemToObject(body, "request", request))
        text = cJSON_PrintUnformatted(body);
    else
        cJSON_Delete(request);
    cJSON_Delete(body);
    if (!text)
        return lp_error_set(err, LP_ERR_NOMEM, "out of memory"), NULL;
    lp_call *call = new_call(client, LP_CALL_OFFLINE_ACTIVATION, "POST",
                             url_of(client, "/licenses", license_id, "/offline-activations", err),
                             err);
    if (!call) {
        free(text);
        return NULL;
    }
    call->json_body = text;
    return launch(client, call, err);
}

lp_call *lp_client_deactivate(lp_client *client, const char *activation_id, lp_error *err)
{
    return by_id(client, LP_CALL_DEACTIVATE, "DELETE", "/activations", activation_id, NULL, err);
}

lp_call *lp_client_get_download(lp_client *client, const char *download_id, lp_error *err)
{
    return by_id(client, LP_CALL_DOWNLOAD, "GET", "/downloads", download_id, NULL, err);
}

static void add_paging(lp_url *u, int limit, const char *cursor)
{
    if (limit > 0)
        lp_url_query_int(u, "limit", limit);
    lp_url_query(u, "cursor", cursor);
}

lp_call *lp_client_create_token(lp_client *client, const lp_token_request *request, lp_error *err)
{
    if (!client || !request || !request->name || !*request->name)
        return lp_error_set(err, LP_ERR_USAGE, "a token needs a name"), NULL;
    cJSON *obj = cJSON_CreateObject();
    bool ok = obj && cJSON_AddStringToObject(obj, "name", request->name);
    if (ok && request->scope)
        ok = cJSON_AddStringToObject(obj, "scope", request->scope) != NULL;
    if (ok)
        ok = request->expires_days > 0
                 ? cJSON_AddNumberToObject(obj, "expires_in_days", request->expires_days) != NULL
                 : cJSON_AddNullToObject(obj, "expires_in_days") != NULL;
    char *body = ok ? cJSON_PrintUnformatted(obj) : NULL;
    cJSON_Delete(obj);
    if (!body)
        return lp_error_set(err, LP_ERR_NOMEM, "out of memory"), NULL;
    lp_call *call = new_call(client, LP_CALL_TOKEN_CREATE, "POST",
                             url_of(client, "/tokens", NULL, NULL, err), err);
    if (!call) {
        free(body);
        return NULL;
    }
    call->json_body = body;
    return launch(client, call, err);
}

lp_call *lp_client_list_tokens(lp_client *client, int limit, const char *cursor, lp_error *err)
{
    if (!client)
        return lp_error_set(err, LP_ERR_USAGE, "no client"), NULL;
    lp_url u;
    lp_url_init(&u, client->api_base);
    lp_url_path(&u, "/tokens");
    add_paging(&u, limit, cursor);
    return launch(client, new_call(client, LP_CALL_TOKENS, "GET", lp_url_finish(&u, err), err),
                  err);
}

lp_call *lp_client_revoke_token(lp_client *client, const char *token_id, lp_error *err)
{
    return by_id(client, LP_CALL_TOKEN_REVOKE, "DELETE", "/tokens", token_id, NULL, err);
}

lp_call *lp_client_list_licenses(lp_client *client, const lp_license_query *query, lp_error *err)
{
    if (!client)
        return lp_error_set(err, LP_ERR_USAGE, "no client"), NULL;
    lp_license_query none = {.expiring_within_days = -1};
    if (!query)
        query = &none;
    lp_url u;
    lp_url_init(&u, client->api_base);
    lp_url_path(&u, "/licenses");
    lp_url_query(&u, "status", query->status);
    lp_url_query(&u, "product", query->product);
    lp_url_query(&u, "q", query->q);
    if (query->expiring_within_days >= 0)
        lp_url_query_int(&u, "expiring_within_days", query->expiring_within_days);
    lp_url_query(&u, "sort", query->sort);
    add_paging(&u, query->limit, query->cursor);
    return launch(client, new_call(client, LP_CALL_LICENSES, "GET", lp_url_finish(&u, err), err),
                  err);
}

lp_call *lp_client_list_activations(lp_client *client, const lp_activation_query *query,
                                    lp_error *err)
{
    if (!client)
        return lp_error_set(err, LP_ERR_USAGE, "no client"), NULL;
    lp_activation_query none = {0};
    if (!query)
        query = &none;
    lp_url u;
    lp_url_init(&u, client->api_base);
    lp_url_path(&u, "/activations");
    lp_url_query(&u, "license_id", query->license_id);
    lp_url_query(&u, "q", query->q);
    lp_url_query(&u, "sort", query->sort);
    add_paging(&u, query->limit, query->cursor);
    return launch(client, new_call(client, LP_CALL_ACTIVATIONS, "GET", lp_url_finish(&u, err), err),
                  err);
}

lp_call *lp_client_list_downloads(lp_client *client, const lp_download_query *query, lp_error *err)
{
    if (!client)
        return lp_error_set(err, LP_ERR_USAGE, "no client"), NULL;
    lp_download_query none = {0};
    if (!query)
        query = &none;
    lp_url u;
    lp_url_init(&u, client->api_base);
    lp_url_path(&u, "/downloads");
    lp_url_query(&u, "product", query->product);
    lp_url_query(&u, "channel", query->channel);
    lp_url_query(&u, "platform", query->platform);
    lp_url_query(&u, "q", query->q);
    lp_url_query(&u, "sort", query->sort);
    add_paging(&u, query->limit, query->cursor);
    return launch(client, new_call(client, LP_CALL_DOWNLOADS, "GET", lp_url_finish(&u, err), err),
                  err);
}

lp_call *lp_client_fetch_file(lp_client *client, const char *download_id, int64_t from,
                              bool (*sink)(void *user, const char *data, size_t len),
                              void *sink_user, lp_error *err)
{
    if (!client || !sink || from < 0)
        return lp_error_set(err, LP_ERR_USAGE, "fetching a file needs a sink"), NULL;
    if (!download_id || !*download_id)
        return lp_error_set(err, LP_ERR_USAGE, "no id given"), NULL;
    lp_call *call = new_call(client, LP_CALL_DOWNLOAD_FILE, "GET",
                             url_of(client, "/downloads", download_id, "/file", err), err);
    if (!call)
        return NULL;
    call->range_from = from;
    call->sink = sink;
    call->sink_user = sink_user;
    return launch(client, call, err);
}

/* ---- the loop ---------------------------------------------------------- */

lp_status lp_client_wait(lp_client *client, int extra_fd, int timeout_ms, bool *extra_ready,
                         lp_error *err)
{
    if (!client)
        return lp_error_set(err, LP_ERR_USAGE, "no client");
    lp_status st = lp_transport_wait(client->transport, extra_fd,
                                     client->done_head ? 0 : timeout_ms, extra_ready, err);
    drain(client);
    return st;
}

void lp_client_wakeup(lp_client *client)
{
    if (client)
        lp_transport_wakeup(client->transport);
}

lp_call *lp_client_next_done(lp_client *client)
{
    if (!client || !client->done_head)
        return NULL;
    lp_call *call = client->done_head;
    unlink_call(client, call);
    return call;
}

int lp_client_pending(const lp_client *client)
{
    return client ? client->call_count : 0;
}

void lp_client_cancel(lp_client *client, lp_call *call)
{
    if (!client || !call || call->client != client || call->phase == PHASE_DONE)
        return;
    if (call->transfer) {
        lp_transport_cancel(client->transport, call->transfer);
        drain(client);
    } else {
        finish_with(call, LP_ERR_CANCELLED, "cancelled");
    }
}

void lp_client_discard(lp_client *client, lp_call *call)
{
    if (!client || !call || call->client != client)
        return;
    lp_client_cancel(client, call);
    unlink_call(client, call);
    call_release(call);
}

lp_status lp_client_run(lp_client *client, lp_call *call, lp_error *err)
{
    if (!client || !call)
        return lp_error_set(err, LP_ERR_USAGE, "nothing to run");
    while (call->client == client && call->phase != PHASE_DONE) {
        lp_status st = lp_client_wait(client, -1, 1000, NULL, err);
        if (st != LP_OK)
            return st;
    }
    if (call->client == client)
        unlink_call(client, call);
    return lp_call_status(call, err);
}

/* ---- calls ------------------------------------------------------------- */

const lp_http_response *lp_call_live_response(const lp_call *call)
{
    return call && call->transfer ? lp_transfer_response(call->transfer) : NULL;
}

const lp_http_response *lp_call_final_response(const lp_call *call)
{
    return lp_call_result(call) ? &call->response : NULL;
}

lp_call_kind lp_call_kind_of(const lp_call *call)
{
    return call->kind;
}

void lp_call_set_user(lp_call *call, void *user)
{
    if (call)
        call->user = user;
}

void *lp_call_user(const lp_call *call)
{
    return call ? call->user : NULL;
}

lp_status lp_call_status(const lp_call *call, lp_error *err)
{
    if (!call)
        return lp_error_set(err, LP_ERR_USAGE, "no call");
    if (call->phase != PHASE_DONE)
        return lp_error_set(err, LP_ERR_USAGE, "the call has not finished");
    if (err) {
        if (call->status == LP_OK)
            lp_error_clear(err);
        else
            *err = call->err;
    }
    return call->status;
}

const lp_result *lp_call_result(const lp_call *call)
{
    return call && call->phase == PHASE_DONE && call->status == LP_OK && call->has_result
               ? &call->result
               : NULL;
}

bool lp_call_take_result(lp_call *call, lp_result *out)
{
    if (!lp_call_result(call) || !out)
        return false;
    *out = call->result;
    memset(&call->result, 0, sizeof call->result);
    call->result.kind = call->kind;
    call->has_result = false;
    return true;
}

void lp_result_clear(lp_result *result)
{
    if (!result)
        return;
    switch (result->kind) {
    case LP_CALL_LOGIN:
        lp_tokens_clear(&result->as.tokens);
        break;
    case LP_CALL_ME:
        lp_user_clear(&result->as.user);
        break;
    case LP_CALL_DASHBOARD:
        lp_dashboard_clear(&result->as.dashboard);
        break;
    case LP_CALL_LICENSES:
        lp_license_page_clear(&result->as.licenses);
        break;
    case LP_CALL_LICENSE:
        lp_license_detail_clear(&result->as.license);
        break;
    case LP_CALL_REVEAL_KEY:
        wipe_free(result->as.revealed_key);
        break;
    case LP_CALL_ACTIVATIONS:
        lp_activation_page_clear(&result->as.activations);
        break;
    case LP_CALL_DOWNLOADS:
        lp_download_page_clear(&result->as.downloads);
        break;
    case LP_CALL_DOWNLOAD:
        lp_download_clear(&result->as.download);
        break;
    case LP_CALL_PRODUCTS:
        lp_product_page_clear(&result->as.products);
        break;
    case LP_CALL_TOKEN_CREATE:
        lp_personal_token_clear(&result->as.token);
        /* The body holds the new token's secret. */
        if (result->body)
            explicit_bzero((char *)result->body, result->body_len);
        break;
    case LP_CALL_TOKENS:
        lp_personal_token_page_clear(&result->as.token_page);
        break;
    case LP_CALL_SIGNING_KEYS:
        lp_signing_keys_free(result->as.signing_keys);
        break;
    case LP_CALL_OFFLINE_ACTIVATION:
        lp_offline_activation_clear(&result->as.offline);
        break;
    case LP_CALL_LOGOUT:
    case LP_CALL_DEACTIVATE:
    case LP_CALL_DOWNLOAD_FILE:
    case LP_CALL_TOKEN_REVOKE:
        break;
    }
    free((char *)result->body);
    lp_call_kind kind = result->kind;
    memset(result, 0, sizeof *result);
    result->kind = kind;
}

int64_t lp_call_wire_bytes(const lp_call *call)
{
    return call ? call->wire_bytes : 0;
}

void lp_call_free(lp_call *call)
{
    if (!call)
        return;
    if (call->client) {
        lp_client_discard(call->client, call);
        return;
    }
    call_release(call);
}
