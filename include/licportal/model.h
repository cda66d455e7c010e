/* The objects of the Portal API v1, as plain C values: what the client's
 * calls give a program (the CLI, the terminal UI) to show. */
#ifndef LICPORTAL_MODEL_H
#define LICPORTAL_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "licportal/error.h"
#include "licportal/timestamp.h"
#include "licportal/wire_names.h"

/* Strings are owned, NUL-terminated UTF-8 exactly as the server sent them
 * (NOT sanitised: pass them through lp_sanitize before showing them).
 * A string field documented as nullable is NULL for a JSON null. */

typedef struct lp_product {
    char *id;
    char *name;
} lp_product;

typedef struct lp_money {
    int64_t amount_minor;
    char currency[4]; /* ISO 4217, three upper-case letters */
} lp_money;

/* max_activations for "unlimited" (JSON null). */
#define LP_UNLIMITED (-1)

typedef struct lp_license_summary {
    char *id;
    char *key_masked;
    lp_product product;
    char *edition; /* nullable */
    lp_license_status status;
    lp_time added_at;
    lp_time expires_at;      /* LP_TIME_NONE when null */
    int64_t max_activations; /* LP_UNLIMITED when null */
    int64_t activations_in_use;
} lp_license_summary;

typedef struct lp_renewal_option {
    char *id;
    char *label;
    int64_t term_months;
    lp_money price;
    char *checkout_url;
} lp_renewal_option;

typedef struct lp_license_detail {
    lp_license_summary summary;
    char **features;
    size_t feature_count;
    bool renewable;
    lp_renewal_option *renewal_options;
    size_t renewal_option_count;
} lp_license_detail;

typedef enum lp_activation_kind {
    LP_ACTIVATION_DEVICE,
    LP_ACTIVATION_DOMAIN,
} lp_activation_kind;

typedef struct lp_activation {
    char *id;
    char *license_id;
    char *license_key_masked;
    lp_product product;
    lp_activation_kind kind;
    char *name;
    char *fingerprint;
    char *platform; /* nullable */
    char *ip;       /* nullable */
    lp_time activated_at;
    lp_time last_seen_at; /* LP_TIME_NONE when null */
} lp_activation;

typedef struct lp_download {
    char *id;
    lp_product product;
    char *version;
    char *channel;  /* "stable" | "beta" */
    char *platform; /* "linux" | "windows" | "macos" | "any" */
    char *arch;     /* "x86_64" | "aarch64" | "any" */
    char *filename;
    int64_t size_bytes;
    char sha256[65]; /* 64 lower-case hex digits */
    lp_time released_at;
    char *release_notes; /* nullable */
} lp_download;

typedef struct lp_kpis {
    int64_t total_licenses;
    int64_t active_licenses;
    int64_t activations_in_use;
    int64_t expiring_soon;
    int64_t expiring_window_days;
} lp_kpis;

#define LP_DASHBOARD_RECENT_MAX 5

typedef struct lp_dashboard {
    lp_kpis kpis;
    lp_license_summary recent[LP_DASHBOARD_RECENT_MAX];
    size_t recent_count;
    lp_time generated_at;
} lp_dashboard;

typedef struct lp_user {
    char *id;
    char *email;
    char *name;
    char *organization; /* nullable; absent from the login response's user */
} lp_user;

/* A login or refresh answer. */
typedef struct lp_tokens {
    char *access_token;
    char *token_type;
    int64_t expires_in;
    char *refresh_token;
    int64_t refresh_expires_in;
    lp_user user;
} lp_tokens;

/* One page of a cursor-paginated list. */
typedef struct lp_license_page {
    lp_license_summary *items;
    size_t count;
    char *next_cursor; /* NULL on the last page */
    int64_t total;
} lp_license_page;

typedef struct lp_activation_page {
    lp_activation *items;
    size_t count;
    char *next_cursor;
    int64_t total;
} lp_activation_page;

typedef struct lp_download_page {
    lp_download *items;
    size_t count;
    char *next_cursor;
    int64_t total;
} lp_download_page;

/* A personal access token (GET /tokens, POST /tokens). */
typedef struct lp_personal_token {
    char *id;
    char *name;
    char *scope; /* "read" | "read_write" */
    char *token; /* nullable: the secret, only in the answer that creates it */
    lp_time created_at;
    lp_time expires_at;   /* LP_TIME_NONE: never */
    lp_time last_used_at; /* LP_TIME_NONE: not yet */
} lp_personal_token;

typedef struct lp_personal_token_page {
    lp_personal_token *items;
    size_t count;
    char *next_cursor;
    int64_t total;
} lp_personal_token_page;

/* A product the user holds licenses for (GET /products). */
typedef struct lp_owned_product {
    char *id;
    char *name;
    int64_t licenses;
} lp_owned_product;

typedef struct lp_product_page {
    lp_owned_product *items;
    size_t count;
    char *next_cursor;
    int64_t total;
} lp_product_page;

/* Releasing: each accepts NULL and leaves the value zeroed. */
void lp_product_clear(lp_product *product);
void lp_license_summary_clear(lp_license_summary *license);
void lp_license_detail_clear(lp_license_detail *detail);
void lp_activation_clear(lp_activation *activation);
void lp_download_clear(lp_download *download);
void lp_dashboard_clear(lp_dashboard *dashboard);
/* Reads a Dashboard body (GET /dashboard, as lp_result.body gives it: a
 * program may keep it for offline use) as strictly as the client reads
 * every answer: LP_ERR_PROTOCOL naming the field on any break of the
 * contract, *out zeroed then. `len` bytes, no NUL needed. */
lp_status lp_parse_dashboard(const char *json, size_t len, lp_dashboard *out, lp_error *err);
void lp_user_clear(lp_user *user);
void lp_tokens_clear(lp_tokens *tokens);
void lp_license_page_clear(lp_license_page *page);
void lp_activation_page_clear(lp_activation_page *page);
void lp_download_page_clear(lp_download_page *page);
void lp_personal_token_clear(lp_personal_token *token); /* wipes the secret */
void lp_personal_token_page_clear(lp_personal_token_page *page);
void lp_owned_product_clear(lp_owned_product *product);
void lp_product_page_clear(lp_product_page *page);

/* Wire names of enumerations ("device", ...); license statuses are in wire_names.h. */
const char *lp_activation_kind_name(lp_activation_kind kind);

#endif
