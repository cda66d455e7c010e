/* libmicrohttpd glue: collects the body (up to 64 KiB), routes, logs, frees. */
#include "server/http_server.h"

#include <arpa/inet.h>
#include <errno.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <sodium.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "server/access_log.h"
#include "server/log_escape.h"
#include "server/request.h"
#include "server/request_deadline.h"
#include "server/response.h"
#include "server/router.h"
#include "server/thread_db.h"

struct lpd_http_server {
    struct MHD_Daemon *daemon;
    uint16_t port;
    const struct lpd_server *server;
    struct lpd_request_deadline *deadline;
};

static void client_address(struct MHD_Connection *connection, char out[LP_CLIENT_ADDR_LEN])
{
    snprintf(out, LP_CLIENT_ADDR_LEN, "-");
    const union MHD_ConnectionInfo *info = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    if (info == NULL || info->client_addr == NULL)
        return;
    const struct sockaddr *sa = info->client_addr;
    if (sa->sa_family == AF_INET)
        inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)sa)->sin_addr, out, LP_CLIENT_ADDR_LEN);
    else if (sa->sa_family == AF_INET6)
        inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr, out, LP_CLIENT_ADDR_LEN);
}

static struct lpd_request *request_new(const struct lpd_server *server, struct MHD_Connection *connection,
                                       const char *url, const char *method)
{
    struct lpd_request *req = calloc(1, sizeof *req);
    if (req == NULL)
        return NULL;
    req->path = strdup(url);
    if (req->path == NULL) {
        free(req);
        return NULL;
    }
    req->connection = connection;
    req->server = server;
    req->method = method;
    req->started_ns = lpd_monotonic_ns();
    req->now = (lp_time)time(NULL);
    unsigned char id[8];
    randombytes_buf(id, sizeof id);
    sodium_bin2hex(req->request_id, sizeof req->request_id, id, sizeof id);
    client_address(connection, req->client_addr);
    return req;
}

static void request_free(struct lpd_request *req)
{
    if (req == NULL)
        return;
    free(req->path);
    free(req->body);
    free(req);
}

/* Bodies over the limit are read and dropped up to this size, so that a
 * client that sends before it reads still sees the 413; beyond it the
 * connection is answered at once and closed. */
#define DISCARD_LIMIT (16ULL * 1024 * 1024)

static unsigned long long declared_body_length(struct MHD_Connection *connection)
{
    const char *length = MHD_lookup_connection_value(connection, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
    if (length == NULL)
        return 0;
    char *end = NULL;
    unsigned long long value = strtoull(length, &end, 10);
    return end != length ? value : 0;
}

static void append_body(struct lpd_request *req, const char *data, size_t size)
{
    if (req->body_too_large || req->body_len + size > LP_MAX_BODY) {
        req->body_too_large = true;
        return;
    }
    char *grown = realloc(req->body, req->body_len + size + 1);
    if (grown == NULL) {
        req->body_too_large = true;
        return;
    }
    memcpy(grown + req->body_len, data, size);
    req->body = grown;
    req->body_len += size;
    req->body[req->body_len] = '\0';
}

static struct lpd_deadline_watch *deadline_watch(struct MHD_Connection *connection)
{
    const union MHD_ConnectionInfo *info = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
    return info != NULL ? info->socket_context : NULL;
}

static void on_connection(void *cls, struct MHD_Connection *connection, void **socket_context,
                          enum MHD_ConnectionNotificationCode code)
{
    struct lpd_http_server *http = cls;
    if (code == MHD_CONNECTION_NOTIFY_STARTED) {
        const union MHD_ConnectionInfo *info = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CONNECTION_FD);
        *socket_context = info != NULL ? lpd_request_deadline_watch(http->deadline, info->connect_fd) : NULL;
    } else if (code == MHD_CONNECTION_NOTIFY_CLOSED) {
        lpd_request_deadline_forget(http->deadline, *socket_context);
        *socket_context = NULL;
    }
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *connection, const char *url, const char *method,
                                  const char *version, const char *upload_data, size_t *upload_data_size,
                                  void **con_cls)
{
    struct lpd_http_server *http = cls;
    const struct lpd_server *server = http->server;
    struct lpd_request *req = *con_cls;
    if (req == NULL) {
        req = request_new(server, connection, url, method);
        if (req == NULL)
            return MHD_NO;
        *con_cls = req;
        unsigned long long declared = declared_body_length(connection);
        if (declared > DISCARD_LIMIT)
            return lpd_reply_error(req, MHD_HTTP_CONTENT_TOO_LARGE, LP_CODE_PAYLOAD_TOO_LARGE,
                                   "the request body is larger than 64 KiB");
        req->body_too_large = declared > LP_MAX_BODY;
        return MHD_YES;
    }
    if (req->replied) {
        /* Already answered (413 before the body): drop what still arrives. */
        *upload_data_size = 0;
        return MHD_YES;
    }
    if (*upload_data_size != 0) {
        append_body(req, upload_data, *upload_data_size);
        *upload_data_size = 0;
        return MHD_YES;
    }
    lpd_request_deadline_met(http->deadline, deadline_watch(connection));
    if (req->body_too_large)
        return lpd_reply_error(req, MHD_HTTP_CONTENT_TOO_LARGE, LP_CODE_PAYLOAD_TOO_LARGE,
                               "the request body is larger than 64 KiB");
    req->db = lpd_thread_db();
    if (req->db == NULL)
        return lpd_reply_error(req, MHD_HTTP_SERVICE_UNAVAILABLE, LP_CODE_UNAVAILABLE, "the database is not available");
    return lpd_route(req);
}

static void on_completed(void *cls, struct MHD_Connection *connection, void **con_cls,
                         enum MHD_RequestTerminationCode toe)
{
    struct lpd_http_server *http = cls;
    lpd_request_deadline_restart(http->deadline, deadline_watch(connection));
    struct lpd_request *req = *con_cls;
    if (req == NULL)
        return;
    lpd_access_log(req, lpd_monotonic_ns());
    request_free(req);
    *con_cls = NULL;
}

/* TLS 1.2 and 1.3 only; AEAD ciphers only; key exchange by (EC)DHE only, so
 * every session has forward secrecy. TLS 1.3 suites are all AEAD with
 * ephemeral key exchange. */
static const char tls_priorities[] = "SECURE128:-VERS-ALL:+VERS-TLS1.3:+VERS-TLS1.2"
                                     ":-CIPHER-ALL:+AES-256-GCM:+AES-128-GCM:+CHACHA20-POLY1305"
                                     ":-MAC-ALL:+AEAD:-KX-ALL:+ECDHE-ECDSA:+ECDHE-RSA:+DHE-RSA";

/* While the daemon starts, its first complaint is kept for our one-line
 * error instead of being printed; afterwards messages go to stderr. */
static bool daemon_running;
static char startup_problem[256];

__attribute__((format(printf, 2, 0))) static void on_mhd_error(void *cls, const char *fmt, va_list ap)
{
    if (!daemon_running) {
        if (startup_problem[0] == '\0') {
            vsnprintf(startup_problem, sizeof startup_problem, fmt, ap);
            startup_problem[strcspn(startup_problem, "\n")] = '\0';
        }
        return;
    }
    /* libmicrohttpd may quote what a client sent: escape it like the access log. */
    char message[512], escaped[1024];
    vsnprintf(message, sizeof message, fmt, ap);
    message[strcspn(message, "\n")] = '\0';
    fprintf(stderr, "licportald: http: %s\n", lpd_log_escape_text(message, escaped, sizeof escaped));
}

/* Binds and listens ourselves, so that a busy port is reported precisely. */
static int open_listener(const struct sockaddr *addr, char *err, size_t err_size)
{
    socklen_t len = addr->sa_family == AF_INET6 ? sizeof(struct sockaddr_in6) : sizeof(struct sockaddr_in);
    int fd = socket(addr->sa_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
    int on = 1;
    if (fd < 0 || setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on) != 0 || bind(fd, addr, len) != 0 ||
        listen(fd, 128) != 0) {
        snprintf(err, err_size, "cannot listen: %s", strerror(errno));
        if (fd >= 0)
            close(fd);
        return -1;
    }
    return fd;
}

struct lpd_http_server *lpd_http_server_start(const struct lpd_server *server, const struct sockaddr *addr,
                                              const char *cert_pem, const char *key_pem,
                                              const struct lpd_http_limits *limits, char *err, size_t err_size)
{
    struct lpd_http_server *http = calloc(1, sizeof *http);
    if (http != NULL)
        http->deadline = lpd_request_deadline_new(limits->request_timeout);
    if (http == NULL || http->deadline == NULL) {
        free(http);
        snprintf(err, err_size, "out of memory");
        return NULL;
    }
    http->server = server;
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    /* Logins spend ~50 ms in argon2id; more threads than cores keep other
     * requests moving meanwhile. */
    unsigned threads = (unsigned)(cpus > 0 ? cpus * 2 : 4);
    if (threads < 4)
        threads = 4;
    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_TLS | MHD_USE_ERROR_LOG;
    if (addr->sa_family == AF_INET6)
        flags |= MHD_USE_IPv6;
    int listener = open_listener(addr, err, err_size);
    if (listener < 0) {
        lpd_http_server_free(http);
        return NULL;
    }
    daemon_running = false;
    startup_problem[0] = '\0';
    http->daemon = MHD_start_daemon(flags, 0, NULL, NULL, on_request, http, MHD_OPTION_EXTERNAL_LOGGER, on_mhd_error,
                                    NULL, MHD_OPTION_LISTEN_SOCKET, listener, MHD_OPTION_HTTPS_MEM_CERT, cert_pem,
                                    MHD_OPTION_HTTPS_MEM_KEY, key_pem, MHD_OPTION_HTTPS_PRIORITIES, tls_priorities,
                                    MHD_OPTION_THREAD_POOL_SIZE, threads, MHD_OPTION_CONNECTION_TIMEOUT,
                                    limits->idle_timeout, MHD_OPTION_CONNECTION_LIMIT, limits->max_connections,
                                    MHD_OPTION_PER_IP_CONNECTION_LIMIT, limits->connections_per_address,
                                    MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(256 * 1024),
                                    MHD_OPTION_NOTIFY_CONNECTION, on_connection, http, MHD_OPTION_NOTIFY_COMPLETED,
                                    on_completed, http, MHD_OPTION_END);
    if (http->daemon == NULL) {
        snprintf(err, err_size, "cannot start TLS (check the certificate and key): %s",
                 startup_problem[0] != '\0' ? startup_problem : "unknown error");
        close(listener);
        lpd_http_server_free(http);
        return NULL;
    }
    daemon_running = true;
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(http->daemon, MHD_DAEMON_INFO_BIND_PORT);
    http->port = info != NULL ? info->port : 0;
    return http;
}

uint16_t lpd_http_server_port(const struct lpd_http_server *http)
{
    return http->port;
}

void lpd_http_server_free(struct lpd_http_server *http)
{
    if (http == NULL)
        return;
    if (http->daemon != NULL)
        MHD_stop_daemon(http->daemon);
    lpd_request_deadline_free(http->deadline);
    free(http);
}
