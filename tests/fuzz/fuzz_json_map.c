/* Fuzz target for every API body mapper in json_map.h; the first byte picks the mapper. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_check.h"
#include "lib/model/json_map.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char TARGET[] = "fuzz_json_map";

enum mapper {
    MAP_DASHBOARD,
    MAP_LICENSE_PAGE,
    MAP_LICENSE_DETAIL,
    MAP_ACTIVATION_PAGE,
    MAP_DOWNLOAD_PAGE,
    MAP_DOWNLOAD,
    MAP_USER,
    MAP_TOKENS,
    MAP_REVEALED_KEY,
    MAP_ERROR_BODY,
    MAP_COUNT
};

/* A mapped string: present, and valid UTF-8 (the contract refuses invalid UTF-8). */
static void check_string(const char *s, const char *what)
{
    FUZZ_REQUIRE(TARGET, s != NULL, what);
    FUZZ_REQUIRE(TARGET, fuzz_utf8_valid(s, strlen(s)), what);
}

static void check_nullable(const char *s, const char *what)
{
    if (s != NULL)
        check_string(s, what);
}

static void check_time(lp_time t, const char *what)
{
    FUZZ_REQUIRE(TARGET, t != LP_TIME_NONE, what);
}

static void check_product(const lp_product *p)
{
    check_string(p->id, "product.id missing or not UTF-8");
    check_string(p->name, "product.name missing or not UTF-8");
}

static void check_summary(const lp_license_summary *l)
{
    check_string(l->id, "license id missing or not UTF-8");
    check_string(l->key_masked, "key_masked missing or not UTF-8");
    check_product(&l->product);
    check_nullable(l->edition, "edition not UTF-8");
    FUZZ_REQUIRE(TARGET, (unsigned)l->status < LP_LICENSE_STATUS_COUNT, "status out of range");
    check_time(l->added_at, "added_at accepted as null");
    FUZZ_REQUIRE(TARGET, l->max_activations >= LP_UNLIMITED, "negative max_activations accepted");
    FUZZ_REQUIRE(TARGET, l->activations_in_use >= 0, "negative activations_in_use accepted");
}

static void check_activation(const lp_activation *a)
{
    check_string(a->id, "activation id missing or not UTF-8");
    check_string(a->license_id, "license_id missing or not UTF-8");
    check_string(a->license_key_masked, "license_key_masked missing or not UTF-8");
    check_product(&a->product);
    FUZZ_REQUIRE(TARGET, a->kind == LP_ACTIVATION_DEVICE || a->kind == LP_ACTIVATION_DOMAIN,
                 "activation kind out of range");
    check_string(a->name, "activation name missing or not UTF-8");
    check_string(a->fingerprint, "fingerprint missing or not UTF-8");
    check_nullable(a->platform, "platform not UTF-8");
    check_nullable(a->ip, "ip not UTF-8");
    check_time(a->activated_at, "activated_at accepted as null");
}

static bool one_of(const char *s, const char *const *words)
{
    for (; *words != NULL; words++) {
        if (strcmp(s, *words) == 0)
            return true;
    }
    return false;
}

static void check_download(const lp_download *d)
{
    static const char *const channels[] = {"stable", "beta", NULL};
    static const char *const platforms[] = {"linux", "windows", "macos", "any", NULL};
    static const char *const arches[] = {"x86_64", "aarch64", "any", NULL};
    check_string(d->id, "download id missing or not UTF-8");
    check_product(&d->product);
    check_string(d->version, "version missing or not UTF-8");
    check_string(d->channel, "channel missing");
    FUZZ_REQUIRE(TARGET, one_of(d->channel, channels), "unknown channel accepted");
    check_string(d->platform, "platform missing");
    FUZZ_REQUIRE(TARGET, one_of(d->platform, platforms), "unknown platform accepted");
    check_string(d->arch, "arch missing");
    FUZZ_REQUIRE(TARGET, one_of(d->arch, arches), "unknown arch accepted");
    check_string(d->filename, "filename missing or not UTF-8");
    FUZZ_REQUIRE(TARGET, d->size_bytes >= 0, "negative size_bytes accepted");
    FUZZ_REQUIRE(TARGET, strlen(d->sha256) == 64, "sha256 not 64 characters");
    for (size_t i = 0; i < 64; i++) {
        char c = d->sha256[i];
        FUZZ_REQUIRE(TARGET, (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'),
                     "sha256 not lower-case hex");
    }
    check_time(d->released_at, "released_at accepted as null");
    check_nullable(d->release_notes, "release_notes not UTF-8");
}

static void check_user(const lp_user *u, bool with_organization)
{
    check_string(u->id, "user id missing or not UTF-8");
    check_string(u->email, "user email missing or not UTF-8");
    check_string(u->name, "user name missing or not UTF-8");
    if (with_organization)
        check_nullable(u->organization, "organization not UTF-8");
}

static void check_page_shape(const void *items, size_t count, int64_t total, const char *next)
{
    FUZZ_REQUIRE(TARGET, count == 0 || items != NULL, "page items missing for a non-empty page");
    FUZZ_REQUIRE(TARGET, total >= 0, "negative total accepted");
    check_nullable(next, "next_cursor not UTF-8");
}

static void check_failure(lp_status st, const lp_error *err, const void *out, size_t out_size)
{
    FUZZ_REQUIRE(TARGET, st == LP_ERR_PROTOCOL || st == LP_ERR_NOMEM,
                 "a refused body gave a status other than LP_ERR_PROTOCOL");
    FUZZ_REQUIRE(TARGET, memchr(err->message, '\0', sizeof err->message) != NULL,
                 "error message not terminated");
    FUZZ_REQUIRE(TARGET, err->message[0] != '\0', "error message empty");
    FUZZ_REQUIRE(TARGET, fuzz_terminal_safe(err->message, strlen(err->message)),
                 "error message carries control characters from the body");
    FUZZ_REQUIRE(TARGET, fuzz_all_zero(out, out_size), "refused body left *out not zeroed");
}

static void run_dashboard(const char *json, size_t len, lp_error *err)
{
    lp_dashboard d;
    lp_status st = lp_parse_dashboard(json, len, &d, err);
    if (st != LP_OK) {
        check_failure(st, err, &d, sizeof d);
        return;
    }
    FUZZ_REQUIRE(TARGET, d.recent_count <= LP_DASHBOARD_RECENT_MAX, "more than 5 recent licenses");
    FUZZ_REQUIRE(TARGET,
                 d.kpis.total_licenses >= 0 && d.kpis.active_licenses >= 0 &&
                     d.kpis.activations_in_use >= 0 && d.kpis.expiring_soon >= 0 &&
                     d.kpis.expiring_window_days >= 0,
                 "negative KPI accepted");
    for (size_t i = 0; i < d.recent_count; i++)
        check_summary(&d.recent[i]);
    check_time(d.generated_at, "generated_at accepted as null");
    lp_dashboard_clear(&d);
    FUZZ_REQUIRE(TARGET, fuzz_all_zero(&d, sizeof d), "lp_dashboard_clear left data behind");
}

static void run_license_page(const char *json, size_t len, lp_error *err)
{
    lp_license_page p;
    lp_status st = lp_parse_license_page(json, len, &p, err);
    if (st != LP_OK) {
        check_failure(st, err, &p, sizeof p);
        return;
    }
    check_page_shape(p.items, p.count, p.total, p.next_cursor);
    for (size_t i = 0; i < p.count; i++)
        check_summary(&p.items[i]);
    lp_license_page_clear(&p);
}

static void run_license_detail(const char *json, size_t len, lp_error *err)
{
    lp_license_detail d;
    lp_status st = lp_parse_license_detail(json, len, &d, err);
    if (st != LP_OK) {
        check_failure(st, err, &d, sizeof d);
        return;
    }
    check_summary(&d.summary);
    FUZZ_REQUIRE(TARGET, d.feature_count == 0 || d.features != NULL, "features missing");
    for (size_t i = 0; i < d.feature_count; i++)
        check_string(d.features[i], "feature missing or not UTF-8");
    FUZZ_REQUIRE(TARGET, d.renewal_option_count == 0 || d.renewal_options != NULL,
                 "renewal options missing");
    for (size_t i = 0; i < d.renewal_option_count; i++) {
        const lp_renewal_option *o = &d.renewal_options[i];
        check_string(o->id, "renewal option id missing or not UTF-8");
        check_string(o->label, "renewal label missing or not UTF-8");
        check_string(o->checkout_url, "checkout_url missing or not UTF-8");
        FUZZ_REQUIRE(TARGET, strlen(o->price.currency) == 3, "currency not three letters");
        for (size_t k = 0; k < 3; k++)
            FUZZ_REQUIRE(TARGET, o->price.currency[k] >= 'A' && o->price.currency[k] <= 'Z',
                         "currency not upper-case letters");
    }
    lp_license_detail_clear(&d);
}

static void run_activation_page(const char *json, size_t len, lp_error *err)
{
    lp_activation_page p;
    lp_status st = lp_parse_activation_page(json, len, &p, err);
    if (st != LP_OK) {
        check_failure(st, err, &p, sizeof p);
        return;
    }
    check_page_shape(p.items, p.count, p.total, p.next_cursor);
    for (size_t i = 0; i < p.count; i++)
        check_activation(&p.items[i]);
    lp_activation_page_clear(&p);
}

static void run_download_page(const char *json, size_t len, lp_error *err)
{
    lp_download_page p;
    lp_status st = lp_parse_download_page(json, len, &p, err);
    if (st != LP_OK) {
        check_failure(st, err, &p, sizeof p);
        return;
    }
    check_page_shape(p.items, p.count, p.total, p.next_cursor);
    for (size_t i = 0; i < p.count; i++)
        check_download(&p.items[i]);
    lp_download_page_clear(&p);
}

static void run_download(const char *json, size_t len, lp_error *err)
{
    lp_download d;
    lp_status st = lp_parse_download(json, len, &d, err);
    if (st != LP_OK) {
        check_failure(st, err, &d, sizeof d);
        return;
    }
    check_download(&d);
    lp_download_clear(&d);
}

static void run_user(const char *json, size_t len, lp_error *err)
{
    lp_user u;
    lp_status st = lp_parse_user(json, len, &u, err);
    if (st != LP_OK) {
        check_failure(st, err, &u, sizeof u);
        return;
    }
    check_user(&u, true);
    lp_user_clear(&u);
}

static void run_tokens(const char *json, size_t len, lp_error *err)
{
    lp_tokens t;
    lp_status st = lp_parse_tokens(json, len, &t, err);
    if (st != LP_OK) {
        check_failure(st, err, &t, sizeof t);
        return;
    }
    check_string(t.access_token, "access_token missing or not UTF-8");
    check_string(t.token_type, "token_type missing or not UTF-8");
    check_string(t.refresh_token, "refresh_token missing or not UTF-8");
    FUZZ_REQUIRE(TARGET, t.expires_in >= 0 && t.refresh_expires_in >= 0,
                 "negative token lifetime accepted");
    check_user(&t.user, false);
    lp_tokens_clear(&t);
}

static void run_revealed_key(const char *json, size_t len, lp_error *err)
{
    char *key = (char *)"sentinel";
    lp_status st = lp_parse_revealed_key(json, len, &key, err);
    if (st != LP_OK) {
        check_failure(st, err, "", 0);
        FUZZ_REQUIRE(TARGET, key == NULL || strcmp(key, "sentinel") == 0,
                     "refused reveal body left a key behind");
        return;
    }
    check_string(key, "revealed key missing or not UTF-8");
    free(key);
}

static void run_error_body(const char *json, size_t len, lp_error *err)
{
    /* An X-Request-Id header may already be recorded: it stays unless the
     * body names one. */
    lp_error_clear(err);
    strcpy(err->request_id, "req_from_header");
    lp_error before;
    memcpy(&before, err, sizeof before);
    if (!lp_parse_error_body(json, len, err)) {
        FUZZ_REQUIRE(TARGET, memcmp(&before, err, sizeof before) == 0,
                     "lp_parse_error_body touched err for a body it refused");
        return;
    }
    FUZZ_REQUIRE(TARGET, memchr(err->code, '\0', sizeof err->code) != NULL, "code not terminated");
    FUZZ_REQUIRE(TARGET, memchr(err->request_id, '\0', sizeof err->request_id) != NULL,
                 "request_id not terminated");
    FUZZ_REQUIRE(TARGET, memchr(err->message, '\0', sizeof err->message) != NULL,
                 "message not terminated");
    FUZZ_REQUIRE(TARGET, fuzz_terminal_safe(err->message, strlen(err->message)),
                 "error body message not sanitised");
    FUZZ_REQUIRE(TARGET, fuzz_terminal_safe(err->code, strlen(err->code)),
                 "error body code carries control characters");
    FUZZ_REQUIRE(TARGET, fuzz_terminal_safe(err->request_id, strlen(err->request_id)),
                 "error body request_id carries control characters");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    enum mapper which = (enum mapper)(data[0] % MAP_COUNT);
    /* The body goes in an exact-size heap copy so that any read past `len`
     * is caught (the mappers must not need a NUL). */
    size_t len = size - 1;
    char *json = malloc(len > 0 ? len : 1);
    if (json == NULL)
        return 0;
    memcpy(json, data + 1, len);
    lp_error err;
    lp_error_clear(&err);
    switch (which) {
    case MAP_DASHBOARD:
        run_dashboard(json, len, &err);
        break;
    case MAP_LICENSE_PAGE:
        run_license_page(json, len, &err);
        break;
    case MAP_LICENSE_DETAIL:
        run_license_detail(json, len, &err);
        break;
    case MAP_ACTIVATION_PAGE:
        run_activation_page(json, len, &err);
        break;
    case MAP_DOWNLOAD_PAGE:
        run_download_page(json, len, &err);
        break;
    case MAP_DOWNLOAD:
        run_download(json, len, &err);
        break;
    case MAP_USER:
        run_user(json, len, &err);
        break;
    case MAP_TOKENS:
        run_tokens(json, len, &err);
        break;
    case MAP_REVEALED_KEY:
        run_revealed_key(json, len, &err);
        break;
    case MAP_ERROR_BODY:
        run_error_body(json, len, &err);
        break;
    case MAP_COUNT:
        break;
    }
    free(json);
    return 0;
}
