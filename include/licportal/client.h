/* The Portal API v1 as asynchronous calls, with the session kept and refreshed.
 * The entry point of every program on the library: the CLI's sub-commands
 * (blocking, lp_client_run) and the terminal UI (its event loop). */
#ifndef LICPORTAL_CLIENT_H
#define LICPORTAL_CLIENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "licportal/credstore.h"
#include "licportal/error.h"
#include "licportal/license_file.h"
#include "licportal/model.h"

typedef struct lp_client lp_client;
typedef struct lp_call lp_call;

typedef struct lp_client_options {
    const char *server;      /* "https://host[:port]"; "/api/v1" is appended */
    const char *cacert_file; /* extra CA bundle, or NULL */
    lp_credstore *store;     /* borrowed; the session is loaded from it and
                               * every new token pair saved to it; NULL keeps
                               * the session in memory only */
    /* A download (lp_client_fetch_file) fails when slower than
     * download_min_speed bytes/s for download_slow_seconds seconds.
     * download_min_speed 0: 1024; < 0: no floor, only the 30 s stall limit.
     * download_slow_seconds 0: 60. */
    long download_min_speed;
    long download_slow_seconds;
} lp_client_options;

/* Loads the stored session, if any, from options->store. */
lp_client *lp_client_new(const lp_client_options *options, lp_error *err);
/* Cancels what is running. */
void lp_client_free(lp_client *client);

/* Who is logged in and where the session lives: what a program shows about
 * a session. Tokens stay inside the client. */
typedef struct lp_session_info {
    const char *server;    /* base URL the session belongs to */
    const char *email;     /* NULL or "" when the session names none (LICPORTAL_TOKEN) */
    const char *user_name; /* nullable */
    lp_store_kind store;   /* LP_STORE_KEYRING, LP_STORE_FILE, or LP_STORE_NONE (this run only) */
} lp_session_info;

/* Whether a session (at least a refresh token, or a personal access token) is held. */
bool lp_client_has_session(const lp_client *client);
/* Who holds that session, or NULL when none is held. The record and its
 * strings belong to the client and stay valid until its next call. */
const lp_session_info *lp_client_session_info(lp_client *client);
const char *lp_client_server(const lp_client *client);

typedef enum lp_call_kind {
    LP_CALL_LOGIN,
    LP_CALL_LOGOUT,
    LP_CALL_ME,
    LP_CALL_DASHBOARD,
    LP_CALL_LICENSES,
    LP_CALL_LICENSE,
    LP_CALL_REVEAL_KEY,
    LP_CALL_ACTIVATIONS,
    LP_CALL_DEACTIVATE,
    LP_CALL_DOWNLOADS,
    LP_CALL_DOWNLOAD,
    LP_CALL_DOWNLOAD_FILE,
    LP_CALL_PRODUCTS,
    LP_CALL_TOKEN_CREATE,
    LP_CALL_TOKENS,
    LP_CALL_TOKEN_REVOKE,
    LP_CALL_SIGNING_KEYS,
    LP_CALL_OFFLINE_ACTIVATION,
} lp_call_kind;

/* Filters: NULL / negative / 0 mean "not given". */
typedef struct lp_license_query {
    const char *status;
    const char *product;
    const char *q;
    const char *sort;
    int expiring_within_days; /* < 0: not given */
    int limit;                /* 0: server default */
    const char *cursor;
} lp_license_query;

typedef struct lp_activation_query {
    const char *license_id;
    const char *q;
    int limit;
    const char *cursor;
    const char *sort; /* NULL: the server's default (-activated_at) */
} lp_activation_query;

typedef struct lp_download_query {
    const char *product;
    const char *channel;
    const char *platform;
    int limit;
    const char *cursor;
    const char *q;
    const char *sort; /* NULL: the server's default (-released_at) */
} lp_download_query;

/* POST /tokens. */
typedef struct lp_token_request {
    const char *name;
    const char *scope; /* "read" or "read_write"; NULL: the server's default (read) */
    int expires_days;  /* <= 0: never expires */
} lp_token_request;

/* What a finished call produced; which member is valid follows `kind`. */
typedef struct lp_result {
    lp_call_kind kind;
    bool not_modified; /* answered 304: the value is the cached one */
    union {
        lp_tokens tokens;                  /* LOGIN */
        lp_user user;                      /* ME */
        lp_dashboard dashboard;            /* DASHBOARD */
        lp_license_page licenses;          /* LICENSES */
        lp_license_detail license;         /* LICENSE */
        char *revealed_key;                /* REVEAL_KEY */
        lp_activation_page activations;    /* ACTIVATIONS */
        lp_download_page downloads;        /* DOWNLOADS */
        lp_download download;              /* DOWNLOAD */
        lp_product_page products;          /* PRODUCTS */
        lp_personal_token token;           /* TOKEN_CREATE (with its secret) */
        lp_personal_token_page token_page; /* TOKENS */
        lp_signing_keys *signing_keys;     /* SIGNING_KEYS */
        lp_offline_activation offline;     /* OFFLINE_ACTIVATION */
    } as; /* LOGOUT, DEACTIVATE, DOWNLOAD_FILE, TOKEN_REVOKE: nothing */
    /* The JSON text received (after validation), or NULL. On a 304
     * (not_modified) it is the cached body that `as` was decoded from, so
     * callers print or store it exactly as after a 200. */
    const char *body;
    size_t body_len;
} lp_result;

/* Each starter returns the call in flight, or NULL with *err set. The call
 * belongs to the client until lp_client_next_done returns it. An expired
 * access token is refreshed (once) and the request retried; a refused
 * refresh, or a retry refused again, finishes the call with LP_ERR_AUTH.
 * GETs send If-None-Match with the last ETag for the same URL and, on 304,
 * give the cached value with not_modified set. */
lp_call *lp_client_login(lp_client *client, const char *email, const char *password,
                         const char *otp, lp_error *err);
lp_call *lp_client_logout(lp_client *client, lp_error *err);
lp_call *lp_client_get_me(lp_client *client, lp_error *err);
lp_call *lp_client_get_dashboard(lp_client *client, lp_error *err);
lp_call *lp_client_list_licenses(lp_client *client, const lp_license_query *query, lp_error *err);
lp_call *lp_client_get_license(lp_client *client, const char *license_id, lp_error *err);
lp_call *lp_client_reveal_key(lp_client *client, const char *license_id, lp_error *err);
lp_call *lp_client_list_activations(lp_client *client, const lp_activation_query *query,
                                    lp_error *err);
lp_call *lp_client_deactivate(lp_client *client, const char *activation_id, lp_error *err);
lp_call *lp_client_list_downloads(lp_client *client, const lp_download_query *query, lp_error *err);
lp_call *lp_client_get_download(lp_client *client, const char *download_id, lp_error *err);
/* GET /products: every product the user holds a license for, in one page. */
lp_call *lp_client_list_products(lp_client *client, lp_error *err);
/* Personal access tokens; managing them needs a login session (a token gets
 * LP_ERR_FORBIDDEN). The created token's secret is in result.as.token.token
 * and in result.body, and nowhere else. */
lp_call *lp_client_create_token(lp_client *client, const lp_token_request *request, lp_error *err);
lp_call *lp_client_list_tokens(lp_client *client, int limit, const char *cursor, lp_error *err);
lp_call *lp_client_revoke_token(lp_client *client, const char *token_id, lp_error *err);
/* GET /signing-keys: needs no session, only the server. */
lp_call *lp_client_get_signing_keys(lp_client *client, lp_error *err);
/* POST /licenses/{id}/offline-activations with `request_json` (the machine
 * request file's text, a JSON object) as the body's "request". */
lp_call *lp_client_activate_offline(lp_client *client, const char *license_id,
                                    const char *request_json, size_t request_len, lp_error *err);
/* GET /downloads/{id}/file from byte `from` on, bytes handed to `sink`. */
lp_call *lp_client_fetch_file(lp_client *client, const char *download_id, int64_t from,
                              bool (*sink)(void *user, const char *data, size_t len),
                              void *sink_user, lp_error *err);

/* The event loop: waits at most timeout_ms for network progress or for
 * `extra_fd` (the keyboard; -1 for none) to become readable. */
lp_status lp_client_wait(lp_client *client, int extra_fd, int timeout_ms, bool *extra_ready,
                         lp_error *err);
void lp_client_wakeup(lp_client *client);
/* Next finished call (ownership passes to the caller), or NULL. */
lp_call *lp_client_next_done(lp_client *client);
/* Number of calls not yet returned by next_done. */
int lp_client_pending(const lp_client *client);
/* Stops a call; it finishes with LP_ERR_CANCELLED. */
void lp_client_cancel(lp_client *client, lp_call *call);

/* Blocking use, for sub-commands: runs the loop until `call` finishes
 * (other calls keep running), then returns its status. The call still has
 * to be freed. */
lp_status lp_client_run(lp_client *client, lp_call *call, lp_error *err);

lp_call_kind lp_call_kind_of(const lp_call *call);
void lp_call_set_user(lp_call *call, void *user);
void *lp_call_user(const lp_call *call);
/* LP_OK, or the failure with the server's code, message and request id. */
lp_status lp_call_status(const lp_call *call, lp_error *err);
/* The value (valid until lp_call_free) or NULL when the call failed. */
const lp_result *lp_call_result(const lp_call *call);
/* Moves the value out (the caller clears it with lp_result_clear). */
bool lp_call_take_result(lp_call *call, lp_result *out);
void lp_result_clear(lp_result *result);
/* Bytes sent and received for this call on the wire, refreshes included. */
int64_t lp_call_wire_bytes(const lp_call *call);
void lp_call_free(lp_call *call);

#endif
