/* HTTPS requests on libcurl's multi interface: many at once, never blocking. */
#include "lib/transport/transport.h"

#include <ctype.h>
#include <curl/curl.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "lib/transport/ca_bundle.h"
#include "lib/transport/https_url.h"
#include "lib/transport/transfer_failure.h"
#include "lib/transport/transfer_internal.h"
#include "licportal/buffer.h"

#define DEFAULT_CONNECT_TIMEOUT_MS 10000L
#define DEFAULT_STALL_TIMEOUT_S 30L
/* A download slower than this for the whole window fails: a drip of a few
 * bytes a second would otherwise never end. */
#define DEFAULT_SINK_MIN_SPEED 1024L
#define DEFAULT_SINK_SLOW_S 60L
/* Enough for parallel list fetches and a download; HTTP/2 multiplexes the rest. */
#define MAX_HOST_CONNECTIONS 4L
/* OpenSSL's hashed certificate directory on Debian-like systems, for a
 * libcurl that was built without a CA path of its own. */
#define LP_SYSTEM_CA_DIR "/etc/ssl/certs"

struct lp_transfer {
    lp_transport *owner;
    CURL *easy;
    struct curl_slist *headers;
    char *request_body;
    void *user;
    char host[256];
    long port;

    bool (*body_sink)(void *sink_user, const char *data, size_t len);
    void *sink_user;
    size_t max_body;
    lp_buffer body; /* bodies kept in memory, at most max_body bytes */
    bool over_cap;
    bool sink_refused;

    lp_http_response response;
    char error_buffer[CURL_ERROR_SIZE];
    lp_status status;
    lp_error error;
    int64_t wire_bytes;
    bool running;
    bool cancelled;
    lp_transfer *prev, *next; /* running list, or done queue (next only) */
};

struct lp_transport {
    CURLM *multi;
    lp_ca_trust trust;
    long connect_timeout_ms;
    long stall_timeout_s;
    long sink_min_speed; /* bytes/s; 0: no floor beyond the stall limit */
    long sink_slow_s;
    size_t max_body_bytes;
    lp_transfer *running_head;
    int running_count;
    lp_transfer *done_head, *done_tail;
};

static const char user_agent[] = "licportal/" LP_VERSION;

lp_transport *lp_transport_new(const lp_transport_options *options, lp_error *err)
{
    lp_transport_options defaults = {0};
    if (!options)
        options = &defaults;
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
        lp_error_set(err, LP_ERR_NETWORK, "libcurl could not be initialised");
        return NULL;
    }
    lp_transport *t = calloc(1, sizeof *t);
    if (!t) {
        curl_global_cleanup();
        lp_error_set(err, LP_ERR_NOMEM, "out of memory");
        return NULL;
    }
    t->connect_timeout_ms = options->connect_timeout_ms > 0 ? options->connect_timeout_ms
                                                            : DEFAULT_CONNECT_TIMEOUT_MS;
    t->stall_timeout_s = options->stall_timeout_s > 0 ? options->stall_timeout_s
                                                      : DEFAULT_STALL_TIMEOUT_S;
    t->max_body_bytes = options->max_body_bytes > 0 ? options->max_body_bytes
                                                    : LP_TRANSPORT_MAX_BODY_BYTES;
    t->sink_min_speed = options->sink_min_speed == 0  ? DEFAULT_SINK_MIN_SPEED
                        : options->sink_min_speed < 0 ? 0
                                                      : options->sink_min_speed;
    t->sink_slow_s = options->sink_slow_s > 0 ? options->sink_slow_s : DEFAULT_SINK_SLOW_S;

    /* Decided once here; every request then names the same files, which
     * libcurl's CA cache on the multi handle loads only once. */
    CURL *probe = curl_easy_init();
    char *system_cainfo = NULL, *system_capath = NULL;
    if (probe) {
        curl_easy_getinfo(probe, CURLINFO_CAINFO, &system_cainfo);
        curl_easy_getinfo(probe, CURLINFO_CAPATH, &system_capath);
    }
    lp_status st = lp_ca_trust_decide(options->cacert_file, lp_ca_env_file(), system_cainfo,
                                      system_capath ? system_capath : LP_SYSTEM_CA_DIR, &t->trust,
                                      err);
    if (probe)
        curl_easy_cleanup(probe);
    if (st != LP_OK) {
        free(t);
        curl_global_cleanup();
        return NULL;
    }

    t->multi = curl_multi_init();
    if (!t->multi) {
        lp_ca_trust_clear(&t->trust);
        free(t);
        curl_global_cleanup();
        lp_error_set(err, LP_ERR_NOMEM, "libcurl could not create its multi handle");
        return NULL;
    }
    curl_multi_setopt(t->multi, CURLMOPT_MAX_HOST_CONNECTIONS, MAX_HOST_CONNECTIONS);
    curl_multi_setopt(t->multi, CURLMOPT_PIPELINING, (long)CURLPIPE_MULTIPLEX);
    return t;
}

void lp_http_response_clear(lp_http_response *r)
{
    if (!r)
        return;
    free(r->body);
    free(r->etag);
    free(r->request_id);
    free(r->content_type);
    free(r->content_range);
    free(r->repr_digest);
    free(r->content_disposition);
    memset(r, 0, sizeof *r);
    r->retry_after = -1;
    r->content_length = -1;
}

void lp_transfer_free(lp_transfer *transfer)
{
    if (!transfer)
        return;
    if (transfer->running && transfer->owner) {
        lp_transport *t = transfer->owner;
        curl_multi_remove_handle(t->multi, transfer->easy);
        if (transfer->prev)
            transfer->prev->next = transfer->next;
        else
            t->running_head = transfer->next;
        if (transfer->next)
            transfer->next->prev = transfer->prev;
        t->running_count--;
    } else if (transfer->owner) {
        /* Finished but not yet collected by next_done. */
        lp_transport *t = transfer->owner;
        lp_transfer **link = &t->done_head;
        lp_transfer *before = NULL;
        while (*link && *link != transfer) {
            before = *link;
            link = &(*link)->next;
        }
        if (*link) {
            *link = transfer->next;
            if (t->done_tail == transfer)
                t->done_tail = before;
        }
    }
    if (transfer->easy)
        curl_easy_cleanup(transfer->easy);
    curl_slist_free_all(transfer->headers);
    if (transfer->request_body) /* it may hold a password or a refresh token */
        explicit_bzero(transfer->request_body, strlen(transfer->request_body));
    free(transfer->request_body);
    lp_buffer_free(&transfer->body, false);
    lp_http_response_clear(&transfer->response);
    free(transfer);
}

void lp_transport_free(lp_transport *transport)
{
    if (!transport)
        return;
    while (transport->running_head)
        lp_transfer_free(transport->running_head);
    while (transport->done_head)
        lp_transfer_free(transport->done_head);
    curl_multi_cleanup(transport->multi);
    lp_ca_trust_clear(&transport->trust);
    free(transport);
    curl_global_cleanup();
}

static char *trimmed_copy(const char *value, size_t len)
{
    while (len && isspace((unsigned char)*value)) {
        value++;
        len--;
    }
    while (len && isspace((unsigned char)value[len - 1]))
        len--;
    char *copy = malloc(len + 1);
    if (copy) {
        memcpy(copy, value, len);
        copy[len] = '\0';
    }
    return copy;
}

static void keep_header(char **slot, const char *value, size_t len)
{
    free(*slot);
    *slot = trimmed_copy(value, len);
}

static int64_t parse_count(const char *value, size_t len)
{
    char *text = trimmed_copy(value, len);
    if (!text || !*text)
        goto bad;
    int64_t n = 0;
    for (const char *p = text; *p; p++) {
        if (!isdigit((unsigned char)*p) || n > INT64_MAX / 10 - 10)
            goto bad;
        n = n * 10 + (*p - '0');
    }
    free(text);
    return n;
bad:
    free(text);
    return -1;
}

static size_t on_header(char *line, size_t size, size_t count, void *user)
{
    lp_transfer *tr = user;
    size_t len = size * count;
    lp_http_response *r = &tr->response;
    if (len >= 5 && strncmp(line, "HTTP/", 5) == 0) {
        /* A new status line (after a 100 Continue, say): start afresh. */
        char *body = r->body;
        r->body = NULL;
        lp_http_response_clear(r);
        r->body = body;
        const char *space = memchr(line, ' ', len);
        if (space && (size_t)(space - line) + 4 <= len)
            r->status = strtol(space + 1, NULL, 10);
        return len;
    }
    const char *colon = memchr(line, ':', len);
    if (!colon)
        return len;
    size_t name_len = (size_t)(colon - line);
    const char *value = colon + 1;
    size_t value_len = len - name_len - 1;
    struct {
        const char *name;
        char **slot;
    } wanted[] = {
        {"etag", &r->etag},
        {"x-request-id", &r->request_id},
        {"content-type", &r->content_type},
        {"content-range", &r->content_range},
        {"repr-digest", &r->repr_digest},
        {"content-disposition", &r->content_disposition},
    };
    for (size_t i = 0; i < sizeof wanted / sizeof wanted[0]; i++) {
        if (strlen(wanted[i].name) == name_len &&
            strncasecmp(line, wanted[i].name, name_len) == 0) {
            keep_header(wanted[i].slot, value, value_len);
            return len;
        }
    }
    if (name_len == 11 && strncasecmp(line, "retry-after", 11) == 0) {
        int64_t seconds = parse_count(value, value_len);
        r->retry_after = seconds > 86400 * 365 ? 86400 * 365 : (long)seconds;
    } else if (name_len == 14 && strncasecmp(line, "content-length", 14) == 0) {
        r->content_length = parse_count(value, value_len);
    }
    return len;
}

static size_t on_body(char *data, size_t size, size_t count, void *user)
{
    lp_transfer *tr = user;
    size_t len = size * count;
    long status = tr->response.status;
    if (tr->body_sink && status >= 200 && status < 300) {
        if (!tr->body_sink(tr->sink_user, data, len)) {
            tr->sink_refused = true;
            return 0;
        }
        return len;
    }
    /* Checked here as well as by CURLOPT_MAXFILESIZE: libcurl 7.88 lets a
     * chunked body of unknown size through. */
    if (!lp_buffer_add(&tr->body, data, len)) {
        tr->over_cap = true;
        return 0;
    }
    return len;
}

/* `value` NULL removes a header libcurl would add by itself. */
static bool add_header(lp_transfer *tr, const char *name, const char *value)
{
    size_t n = strlen(name) + (value ? strlen(value) : 0) + 3;
    char *line = malloc(n);
    if (!line)
        return false;
    snprintf(line, n, "%s:%s%s", name, value ? " " : "", value ? value : "");
    struct curl_slist *more = curl_slist_append(tr->headers, line);
    free(line);
    if (!more)
        return false;
    tr->headers = more;
    return true;
}

static bool add_bearer(lp_transfer *tr, const char *token)
{
    size_t n = strlen(token) + sizeof "Bearer ";
    char *value = malloc(n);
    if (!value)
        return false;
    snprintf(value, n, "Bearer %s", token);
    bool ok = add_header(tr, "Authorization", value);
    explicit_bzero(value, n);
    free(value);
    return ok;
}

/* Header values must not smuggle a second header line in. */
static bool header_safe(const char *value)
{
    return !value || strcspn(value, "\r\n") == strlen(value);
}

lp_transfer *lp_transport_start(lp_transport *transport, const lp_http_request *request, void *user,
                                lp_error *err)
{
    if (!transport || !request || !request->url || !request->method) {
        lp_error_set(err, LP_ERR_USAGE, "incomplete HTTP request");
        return NULL;
    }
    char host[256];
    long port = 0;
    if (lp_https_url_split(request->url, host, sizeof host, &port, err) != LP_OK)
        return NULL;
    if (!header_safe(request->bearer_token) || !header_safe(request->if_none_match)) {
        lp_error_set(err, LP_ERR_USAGE, "a header value contains a line break");
        return NULL;
    }
    lp_transfer *tr = calloc(1, sizeof *tr);
    if (!tr) {
        lp_error_set(err, LP_ERR_NOMEM, "out of memory");
        return NULL;
    }
    tr->owner = transport;
    tr->user = user;
    snprintf(tr->host, sizeof tr->host, "%s", host);
    tr->port = port;
    tr->body_sink = request->body_sink;
    tr->sink_user = request->sink_user;
    tr->max_body = transport->max_body_bytes;
    lp_buffer_init(&tr->body, tr->max_body);
    tr->response.retry_after = -1;
    tr->response.content_length = -1;
    tr->easy = curl_easy_init();
    if (!tr->easy)
        goto nomem;

    CURL *e = tr->easy;
    bool ok = true;
    ok = ok && curl_easy_setopt(e, CURLOPT_URL, request->url) == CURLE_OK;
    ok = ok && curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "https") == CURLE_OK;
    ok = ok && curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, "https") == CURLE_OK;
    ok = ok && curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 0L) == CURLE_OK;
    ok = ok && curl_easy_setopt(e, CURLOPT_SSL_VERIFYPEER, 1L) == CURLE_OK;
    ok = ok && curl_easy_setopt(e, CURLOPT_SSL_VERIFYHOST, 2L) == CURLE_OK;
    /* TLS 1.0 and 1.1 are refused whatever the system's policy allows. */
    ok = ok && curl_easy_setopt(e, CURLOPT_SSLVERSION, (long)CURL_SSLVERSION_TLSv1_2) == CURLE_OK;
    ok = ok && curl_easy_setopt(e, CURLOPT_HTTP_VERSION, (long)CURL_HTTP_VERSION_2TLS) == CURLE_OK;
    ok = ok && curl_easy_setopt(e, CURLOPT_PIPEWAIT, 1L) == CURLE_OK;
    ok = ok && curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L) == CURLE_OK;
    ok = ok &&
         curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, transport->connect_timeout_ms) == CURLE_OK;
    bool has_floor = request->body_sink && transport->sink_min_speed > 0;
    long low_speed = has_floor ? transport->sink_min_speed : 1L;
    ok = ok && curl_easy_setopt(e, CURLOPT_LOW_SPEED_LIMIT, low_speed) == CURLE_OK;
    ok = ok && curl_easy_setopt(e, CURLOPT_LOW_SPEED_TIME,
                                has_floor ? transport->sink_slow_s : transport->stall_timeout_s) ==
                   CURLE_OK;
    ok = ok && curl_easy_setopt(e, CURLOPT_USERAGENT, user_agent) == CURLE_OK;
    ok = ok && curl_easy_setopt(e, CURLOPT_ERRORBUFFER, tr->error_buffer) == CURLE_OK;
    ok = ok && curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, on_header) == CURLE_OK;
    ok = ok && curl_easy_setopt(e, CURLOPT_HEADERDATA, tr) == CURLE_OK;
    ok = ok && curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_body) == CURLE_OK;
    ok = ok && curl_easy_setopt(e, CURLOPT_WRITEDATA, tr) == CURLE_OK;
    ok = ok && curl_easy_setopt(e, CURLOPT_PRIVATE, tr) == CURLE_OK;
    if (!request->body_sink) {
        ok = ok &&
             curl_easy_setopt(e, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)tr->max_body) == CURLE_OK;
        /* A server that trickles an API answer at a byte a second never
         * falls under the stall limit; API answers are small, so one that
         * takes longer than connecting plus a stall window is cut off.
         * Downloads (body_sink) only have the stall limit. */
        long answer_ms = transport->connect_timeout_ms + transport->stall_timeout_s * 1000L;
        ok = ok && curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, answer_ms) == CURLE_OK;
    }
    const lp_ca_trust *trust = &transport->trust;
    if (trust->pem) {
        struct curl_blob blob = {
            .data = trust->pem, .len = trust->pem_len, .flags = CURL_BLOB_NOCOPY};
        ok = ok && curl_easy_setopt(e, CURLOPT_CAINFO_BLOB, &blob) == CURLE_OK;
    }
    if (trust->cainfo)
        ok = ok && curl_easy_setopt(e, CURLOPT_CAINFO, trust->cainfo) == CURLE_OK;
    if (trust->capath)
        ok = ok && curl_easy_setopt(e, CURLOPT_CAPATH, trust->capath) == CURLE_OK;
    if (!ok) {
        lp_error_set(err, LP_ERR_NETWORK,
                     "libcurl refused an option (is it built with HTTPS support?)");
        goto fail;
    }

    bool is_get = strcmp(request->method, "GET") == 0;
    bool is_post = strcmp(request->method, "POST") == 0;
    bool is_delete = strcmp(request->method, "DELETE") == 0;
    if (!is_get && !is_post && !is_delete) {
        lp_error_set(err, LP_ERR_USAGE, "unsupported HTTP method %.16s", request->method);
        goto fail;
    }
    if (is_post || (is_delete && request->json_body)) {
        tr->request_body = strdup(request->json_body ? request->json_body : "");
        if (!tr->request_body)
            goto nomem;
        curl_easy_setopt(e, CURLOPT_POSTFIELDS, tr->request_body);
        curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)strlen(tr->request_body));
    } else {
        curl_easy_setopt(e, CURLOPT_HTTPGET, 1L);
    }
    if (is_delete)
        curl_easy_setopt(e, CURLOPT_CUSTOMREQUEST, "DELETE");

    bool headers_ok = add_header(tr, "Accept", "application/json");
    if (request->json_body)
        headers_ok = headers_ok && add_header(tr, "Content-Type", "application/json");
    else if (is_post)
        headers_ok = headers_ok &&
                     add_header(tr, "Content-Type", NULL); /* no form type for an empty POST */
    if (request->bearer_token)
        headers_ok = headers_ok && add_bearer(tr, request->bearer_token);
    if (request->if_none_match)
        headers_ok = headers_ok && add_header(tr, "If-None-Match", request->if_none_match);
    /* libcurl adds "Expect: 100-continue" to larger POSTs; the API never needs it. */
    headers_ok = headers_ok && add_header(tr, "Expect", NULL);
    if (request->range_from > 0) {
        char range[64];
        /* libcurl adds the "bytes=" unit itself. */
        snprintf(range, sizeof range, "%lld-", (long long)request->range_from);
        curl_easy_setopt(e, CURLOPT_RANGE, range);
    }
    if (!headers_ok)
        goto nomem;
    curl_easy_setopt(e, CURLOPT_HTTPHEADER, tr->headers);

    if (curl_multi_add_handle(transport->multi, e) != CURLM_OK) {
        lp_error_set(err, LP_ERR_NETWORK, "libcurl could not start the transfer");
        goto fail;
    }
    tr->running = true;
    tr->next = transport->running_head;
    if (tr->next)
        tr->next->prev = tr;
    transport->running_head = tr;
    transport->running_count++;
    return tr;

nomem:
    lp_error_set(err, LP_ERR_NOMEM, "out of memory");
fail:
    tr->owner = NULL;
    lp_transfer_free(tr);
    return NULL;
}

static void unlink_running(lp_transport *t, lp_transfer *tr)
{
    curl_multi_remove_handle(t->multi, tr->easy);
    if (tr->prev)
        tr->prev->next = tr->next;
    else
        t->running_head = tr->next;
    if (tr->next)
        tr->next->prev = tr->prev;
    tr->prev = tr->next = NULL;
    tr->running = false;
    t->running_count--;
}

static void queue_done(lp_transport *t, lp_transfer *tr)
{
    tr->next = NULL;
    if (t->done_tail)
        t->done_tail->next = tr;
    else
        t->done_head = tr;
    t->done_tail = tr;
}

static void count_wire_bytes(lp_transfer *tr)
{
    curl_off_t up = 0, down = 0;
    long header = 0, request = 0;
    curl_easy_getinfo(tr->easy, CURLINFO_SIZE_UPLOAD_T, &up);
    curl_easy_getinfo(tr->easy, CURLINFO_SIZE_DOWNLOAD_T, &down);
    curl_easy_getinfo(tr->easy, CURLINFO_HEADER_SIZE, &header);
    curl_easy_getinfo(tr->easy, CURLINFO_REQUEST_SIZE, &request);
    tr->wire_bytes = (int64_t)up + (int64_t)down + header + request;
}

static void finish(lp_transport *t, lp_transfer *tr, CURLcode code)
{
    unlink_running(t, tr);
    count_wire_bytes(tr);
    lp_error_clear(&tr->error);
    if (tr->over_cap) {
        tr->status =
            lp_error_set(&tr->error, LP_ERR_PROTOCOL,
                         "the server's answer broke the API contract: a body larger than %zu bytes "
                         "from %s:%ld",
                         tr->max_body, tr->host, tr->port);
    } else if (tr->sink_refused) {
        tr->status = lp_error_set(&tr->error, LP_ERR_IO, "the received data could not be stored");
    } else if (code == CURLE_FILESIZE_EXCEEDED) {
        tr->status =
            lp_error_set(&tr->error, LP_ERR_PROTOCOL,
                         "the server's answer broke the API contract: a body larger than %zu bytes "
                         "from %s:%ld",
                         tr->max_body, tr->host, tr->port);
    } else if (code == CURLE_OPERATION_TIMEDOUT && tr->body_sink && t->sink_min_speed > 0) {
        tr->status = lp_error_set(&tr->error, LP_ERR_NETWORK,
                                  "the download from %s:%ld was slower than %ld bytes/s for %ld s",
                                  tr->host, tr->port, t->sink_min_speed, t->sink_slow_s);
    } else if (code != CURLE_OK) {
        long verify = 0;
        curl_easy_getinfo(tr->easy, CURLINFO_SSL_VERIFYRESULT, &verify);
        tr->status = lp_transfer_failure_describe(code, verify, tr->error_buffer, tr->host,
                                                  tr->port, &tr->error);
    } else {
        long status = 0;
        curl_easy_getinfo(tr->easy, CURLINFO_RESPONSE_CODE, &status);
        tr->response.status = status;
        tr->status = LP_OK;
    }
    tr->error.http_status = tr->response.status;
    if (tr->response.request_id)
        snprintf(tr->error.request_id, sizeof tr->error.request_id, "%s", tr->response.request_id);
    if (tr->body_sink && tr->response.status >= 200 && tr->response.status < 300) {
        tr->response.body = NULL;
        tr->response.body_len = 0;
    } else {
        /* The response owns its body from here on. */
        size_t len = tr->body.len;
        tr->response.body = lp_buffer_take(&tr->body);
        tr->response.body_len = tr->response.body ? len : 0;
        if (!tr->response.body)
            tr->response.body = calloc(1, 1);
    }
    queue_done(t, tr);
}

static void collect_finished(lp_transport *t)
{
    CURLMsg *msg;
    int left = 0;
    while ((msg = curl_multi_info_read(t->multi, &left))) {
        if (msg->msg != CURLMSG_DONE)
            continue;
        lp_transfer *tr = NULL;
        curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, (char **)&tr);
        if (tr)
            finish(t, tr, msg->data.result);
    }
}

lp_status lp_transport_wait(lp_transport *transport, int extra_fd, int timeout_ms,
                            bool *extra_ready, lp_error *err)
{
    if (extra_ready)
        *extra_ready = false;
    int still = 0;
    CURLMcode mc = curl_multi_perform(transport->multi, &still);
    if (mc == CURLM_OK) {
        collect_finished(transport);
        struct curl_waitfd extra = {.fd = extra_fd, .events = CURL_WAIT_POLLIN};
        int numfds = 0;
        /* A negative timeout asks for no limit; a minute keeps the caller's
         * loop turning all the same. */
        int wait_ms = transport->done_head ? 0 : timeout_ms < 0 ? 60000 : timeout_ms;
        mc = curl_multi_poll(transport->multi, extra_fd >= 0 ? &extra : NULL, extra_fd >= 0 ? 1 : 0,
                             wait_ms, &numfds);
        if (mc == CURLM_OK && extra_fd >= 0 &&
            (extra.revents & (CURL_WAIT_POLLIN | CURL_WAIT_POLLPRI)) && extra_ready)
            *extra_ready = true;
    }
    if (mc == CURLM_OK)
        mc = curl_multi_perform(transport->multi, &still);
    if (mc != CURLM_OK && mc != CURLM_CALL_MULTI_PERFORM)
        return lp_error_set(err, LP_ERR_NETWORK, "waiting for the network failed: %s",
                            curl_multi_strerror(mc));
    collect_finished(transport);
    return LP_OK;
}

void lp_transport_wakeup(lp_transport *transport)
{
    if (transport)
        curl_multi_wakeup(transport->multi);
}

int lp_transport_running(const lp_transport *transport)
{
    return transport ? transport->running_count : 0;
}

lp_transfer *lp_transport_next_done(lp_transport *transport)
{
    if (!transport || !transport->done_head)
        return NULL;
    lp_transfer *tr = transport->done_head;
    transport->done_head = tr->next;
    if (!transport->done_head)
        transport->done_tail = NULL;
    tr->next = NULL;
    tr->owner = NULL;
    return tr;
}

void lp_transport_cancel(lp_transport *transport, lp_transfer *transfer)
{
    if (!transport || !transfer || !transfer->running)
        return;
    unlink_running(transport, transfer);
    count_wire_bytes(transfer);
    transfer->cancelled = true;
    lp_error_clear(&transfer->error);
    transfer->status = lp_error_set(&transfer->error, LP_ERR_CANCELLED, "cancelled");
    queue_done(transport, transfer);
}

lp_status lp_transfer_result(const lp_transfer *transfer, lp_error *err)
{
    if (!transfer)
        return lp_error_set(err, LP_ERR_USAGE, "no transfer");
    if (err && transfer->status != LP_OK)
        *err = transfer->error;
    return transfer->status;
}

const lp_http_response *lp_transfer_response(const lp_transfer *transfer)
{
    return transfer ? &transfer->response : NULL;
}

void *lp_transfer_user(const lp_transfer *transfer)
{
    return transfer ? transfer->user : NULL;
}

int64_t lp_transfer_wire_bytes(const lp_transfer *transfer)
{
    return transfer ? transfer->wire_bytes : 0;
}

void lp_transfer_move_response(lp_transfer *transfer, lp_http_response *out)
{
    *out = transfer->response;
    memset(&transfer->response, 0, sizeof transfer->response);
    transfer->response.retry_after = -1;
    transfer->response.content_length = -1;
}
