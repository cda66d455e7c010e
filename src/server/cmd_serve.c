/* `licportald serve`: the HTTPS API until SIGTERM or SIGINT. */
#include <errno.h>
#include <getopt.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "server/cli_support.h"
#include "server/db.h"
#include "server/decimal.h"
#include "server/commands.h"
#include "server/exit_codes.h"
#include "server/http_server.h"
#include "server/listen_addr.h"
#include "server/retention.h"
#include "server/schema.h"
#include "server/signing_key.h"
#include "server/server_context.h"
#include "server/thread_db.h"
#include "server/totp.h"

static void usage(FILE *out)
{
    fputs("Usage: licportald serve --db PATH|URI --files DIR --listen ADDR --cert F --key F\n"
          "                        [--access-ttl SECONDS] [--refresh-ttl SECONDS]\n"
          "                        [--max-connections N] [--connections-per-address N]\n"
          "                        [--request-timeout SECONDS] [--retention-days DAYS]\n"
          "                        [--signing-keys DIR]\n"
          "Serves the portal API over HTTPS until SIGTERM or SIGINT.\n"
          "\n"
          "  --db PATH|URI           the database, a SQLite file or a postgresql:// URI\n"
          "                          (created and migrated when needed)\n"
          "  --signing-keys DIR      the private signing keys' folder (default PATH.signing-keys;\n"
          "                          required with PostgreSQL, the same for every instance)\n"
          "  --files DIR             where the release files live\n"
          "  --listen ADDR           HOST:PORT or [IPv6]:PORT; port 0 picks a free one\n"
          "  --cert F                the server certificate chain, PEM\n"
          "  --key F                 the server private key, PEM\n"
          "  --access-ttl SECONDS    access token lifetime (default 900)\n"
          "  --refresh-ttl SECONDS   refresh token lifetime (default 2592000)\n"
          "  --max-connections N     open connections in all (default 1000)\n"
          "  --connections-per-address N\n"
          "                          open connections from one client address (default 32)\n"
          "  --request-timeout SECONDS\n"
          "                          time a client has to send a whole request (default 30)\n"
          "  --retention-days DAYS   audit rows, ended sessions and spent tokens older\n"
          "                          than this are deleted (default 90)\n"
          "  --help                  show this help\n"
          "\n"
          "The first line on standard output is 'listening on https://HOST:PORT'.\n",
          out);
}

/* Reads a whole (small) PEM file. NULL with errno set on failure. */
static char *read_pem(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    size_t cap = 4096, len = 0;
    char *buf = malloc(cap);
    while (buf != NULL) {
        if (len + 1 >= cap) {
            if (cap > 1024 * 1024) {
                free(buf);
                buf = NULL;
                errno = EFBIG;
                break;
            }
            char *grown = realloc(buf, cap * 2);
            if (grown == NULL) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = grown;
            cap *= 2;
        }
        size_t n = fread(buf + len, 1, cap - len - 1, f);
        len += n;
        if (n == 0)
            break;
    }
    fclose(f);
    if (buf != NULL)
        buf[len] = '\0';
    if (buf != NULL && strstr(buf, "-----BEGIN ") == NULL) {
        free(buf);
        errno = EINVAL;
        return NULL;
    }
    return buf;
}

struct serve_options {
    const char *db_path, *files_dir, *listen, *cert, *key, *keys_dir;
    long access_ttl, refresh_ttl, retention_days;
    struct lpd_http_limits limits;
};

/* A positive count option within `max`, into an unsigned. */
static bool parse_count(const char *text, long max, unsigned *out)
{
    long value = 0;
    if (!lpd_parse_decimal(text, 1, max, &value))
        return false;
    *out = (unsigned)value;
    return true;
}

static int parse_options(int argc, char **argv, struct serve_options *o, bool *help)
{
    static const struct option options[] = {
        {"db", required_argument, NULL, 'd'},
        {"files", required_argument, NULL, 'f'},
        {"listen", required_argument, NULL, 'l'},
        {"cert", required_argument, NULL, 'c'},
        {"key", required_argument, NULL, 'k'},
        {"access-ttl", required_argument, NULL, 'a'},
        {"refresh-ttl", required_argument, NULL, 'r'},
        {"help", no_argument, NULL, 'h'},
        {"max-connections", required_argument, NULL, 'm'},
        {"connections-per-address", required_argument, NULL, 'p'},
        {"request-timeout", required_argument, NULL, 't'},
        {"retention-days", required_argument, NULL, 'R'},
        {"signing-keys", required_argument, NULL, 'K'},
        {NULL, 0, NULL, 0},
    };
    optind = 1;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, ":", options, NULL)) != -1) {
        switch (c) {
        case 'd':
            o->db_path = optarg;
            break;
        case 'f':
            o->files_dir = optarg;
            break;
        case 'K':
            o->keys_dir = optarg;
            break;
        case 'l':
            o->listen = optarg;
            break;
        case 'c':
            o->cert = optarg;
            break;
        case 'k':
            o->key = optarg;
            break;
        case 'a':
            if (!lpd_parse_decimal(optarg, 1, 365L * 86400, &o->access_ttl))
                return lpd_cli_usage_error("serve", "--access-ttl must be a number of seconds (1..31536000)");
            break;
        case 'r':
            if (!lpd_parse_decimal(optarg, 1, 10L * 365 * 86400, &o->refresh_ttl))
                return lpd_cli_usage_error("serve", "--refresh-ttl must be a number of seconds (1..315360000)");
            break;
        case 'm':
            /* libmicrohttpd polls with select(): stay below FD_SETSIZE. */
            if (!parse_count(optarg, 1000, &o->limits.max_connections))
                return lpd_cli_usage_error("serve", "--max-connections must be a number (1..1000)");
            break;
        case 'p':
            if (!parse_count(optarg, 1000, &o->limits.connections_per_address))
                return lpd_cli_usage_error("serve", "--connections-per-address must be a number (1..1000)");
            break;
        case 't':
            if (!parse_count(optarg, 3600, &o->limits.request_timeout))
                return lpd_cli_usage_error("serve", "--request-timeout must be a number of seconds (1..3600)");
            break;
        case 'R':
            if (!lpd_parse_decimal(optarg, 1, 36500, &o->retention_days))
                return lpd_cli_usage_error("serve", "--retention-days must be a number of days (1..36500)");
            break;
        case 'h':
            *help = true;
            return LP_EXIT_OK;
        default:
            return lpd_cli_option_error("serve", c, argv);
        }
    }
    if (optind < argc)
        return lpd_cli_usage_error("serve", "unexpected argument '%s'", argv[optind]);
    if (o->db_path == NULL || o->files_dir == NULL || o->listen == NULL)
        return lpd_cli_usage_error("serve", "--db, --files and --listen are required");
    if (o->cert == NULL || o->key == NULL)
        return lpd_cli_usage_error("serve", "--cert and --key are required: licportald serves HTTPS only");
    return LP_EXIT_OK;
}

int lpd_cmd_serve(int argc, char **argv)
{
    struct serve_options o = {
        .access_ttl = LP_DEFAULT_ACCESS_TTL,
        .refresh_ttl = LP_DEFAULT_REFRESH_TTL,
        .retention_days = LP_DEFAULT_RETENTION_DAYS,
        .limits = {.max_connections = LP_DEFAULT_MAX_CONNECTIONS,
                   .connections_per_address = LP_DEFAULT_CONNECTIONS_PER_ADDRESS,
                   .request_timeout = LP_DEFAULT_REQUEST_TIMEOUT,
                   .idle_timeout = LP_DEFAULT_IDLE_TIMEOUT},
    };
    bool help = false;
    int rc = parse_options(argc, argv, &o, &help);
    if (help) {
        usage(stdout);
        return LP_EXIT_OK;
    }
    if (rc != LP_EXIT_OK)
        return rc;

    char err[512], keys_dir[4096];
    struct lpd_listen_addr addr;
    if (!lpd_listen_addr_parse(o.listen, &addr, err, sizeof err))
        return lpd_cli_usage_error("serve", "%s", err);
    if (!lpd_signing_key_dir(o.db_path, o.keys_dir, keys_dir, sizeof keys_dir, err, sizeof err))
        return lpd_cli_usage_error("serve", "%s", err);
    if (!lpd_db_check_private(o.db_path, err, sizeof err))
        return lpd_cli_error("%s", err);
    struct stat st;
    if (stat(o.files_dir, &st) != 0 || !S_ISDIR(st.st_mode))
        return lpd_cli_error("--files %s is not a directory", o.files_dir);
    char *cert = read_pem(o.cert);
    if (cert == NULL)
        return lpd_cli_error("cannot read certificate %s: %s", o.cert, strerror(errno));
    char *key = read_pem(o.key);
    if (key == NULL) {
        free(cert);
        return lpd_cli_error("cannot read private key %s: %s", o.key, strerror(errno));
    }

    int status = LP_EXIT_ERROR;
    /* Instances on one PostgreSQL database count login failures together. */
    bool shared = lpd_db_target_is_postgres(o.db_path);
    struct lpd_server server = {
        .db_path = o.db_path,
        .keys_dir = keys_dir,
        .files_dir = o.files_dir,
        .access_ttl = o.access_ttl,
        .refresh_ttl = o.refresh_ttl,
        .email_failures = lpd_login_limit_new(LP_LOGIN_FAILURES_PER_EMAIL, LP_LOGIN_FAILURE_WINDOW, 4096, shared),
        .address_failures = lpd_login_limit_new(LP_LOGIN_FAILURES_PER_ADDRESS, LP_LOGIN_FAILURE_WINDOW, 4096, shared),
        .kpi_cache = lpd_kpi_cache_new(4096),
    };
    struct lpd_db *db = lpd_schema_open(o.db_path, err, sizeof err);
    struct lpd_http_server *http = NULL;
    struct lpd_retention *retention = NULL;
    if (db == NULL) {
        lpd_cli_error("%s", err);
        goto done;
    }
    if (!lpd_retention_prune(db, (lp_time)time(NULL), o.retention_days, err, sizeof err)) {
        lpd_cli_error("%s", err);
        goto done;
    }
    if (!lpd_schema_cursor_key(db, server.cursor_key, err, sizeof err)) {
        lpd_cli_error("%s", err);
        goto done;
    }
    /* A database made before signing keys existed gets its first one here. */
    bool key_created;
    if (!lpd_signing_key_ensure(db, keys_dir, (lp_time)time(NULL), &key_created, err, sizeof err)) {
        lpd_cli_error("%s", err);
        goto done;
    }
    if (server.email_failures == NULL || server.address_failures == NULL || server.kpi_cache == NULL ||
        !lpd_thread_db_setup(o.db_path) || !lpd_totp_init()) {
        lpd_cli_error("cannot initialise the server");
        goto done;
    }

    /* Block the stop signals before the server threads start, so they
     * inherit the mask and only sigwait() below receives them. */
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGTERM);
    sigaddset(&stop, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stop, NULL);
    signal(SIGPIPE, SIG_IGN);

    retention = lpd_retention_start(o.db_path, o.retention_days);
    if (retention == NULL) {
        lpd_cli_error("cannot start pruning the database");
        goto done;
    }
    http = lpd_http_server_start(&server, (const struct sockaddr *)&addr.addr, cert, key, &o.limits, err, sizeof err);
    if (http == NULL) {
        lpd_cli_error("%s (--listen %s)", err, o.listen);
        goto done;
    }
    printf("listening on https://%s:%u\n", addr.host, (unsigned)lpd_http_server_port(http));
    fflush(stdout);
    int sig = 0;
    sigwait(&stop, &sig);
    fprintf(stderr, "licportald: stopping on signal %d\n", sig);
    status = LP_EXIT_OK;
done:
    lpd_http_server_free(http);
    lpd_retention_stop(retention);
    lpd_db_free(db);
    lpd_login_limit_free(server.email_failures);
    lpd_login_limit_free(server.address_failures);
    lpd_kpi_cache_free(server.kpi_cache);
    free(cert);
    free(key);
    return status;
}
