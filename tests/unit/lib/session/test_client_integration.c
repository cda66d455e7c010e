/* The client against a real licportald over real HTTPS: login, refresh, ETags, TLS trust, downloads. */
#include "licportal/client.h"
#include "licportal/download.h"
#include "lib/model/json_map.h"
#include "lib/session/client_internal.h"
#include "../../suite_runner.h"

#include <errno.h>
#include <fcntl.h>
#include <liboath/oath.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <openssl/evp.h>
#include <openssl/ssl.h>
#include <pthread.h>
#include <sys/socket.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* Long enough that a slow run (valgrind) still uses a refreshed token in
 * time, short enough to wait out. */
#define SHORT_TTL "4"
#define SHORT_TTL_S 4

typedef struct server {
    pid_t pid;
    char url[256];
    char log[256];
} server;

static char work[64];     /* temporary directory of the whole run */
static char ca_file[256]; /* the CA that signed the server's certificate */
static char stranger_ca[256];
static server main_server, short_server;

static void run_or_die(char *const argv[])
{
    pid_t pid = fork();
    if (pid == 0) {
        int devnull = open("/dev/null", O_RDWR);
        dup2(devnull, 0);
        dup2(devnull, 1);
        execv(argv[0], argv);
        _exit(127);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        fprintf(stderr, "%s %s failed\n", argv[0], argv[1] ? argv[1] : "");
        exit(1);
    }
}

/* Starts licportald with the certificate `cert_name` (and its key) from the CA folder. */
static void server_start_with(server *s, const char *name, const char *access_ttl,
                              const char *cert_name, const char *key_name)
{
    char db[256], files[256], cert[256], key[256];
    snprintf(db, sizeof db, "%s/portal.db", work);
    snprintf(files, sizeof files, "%s/files", work);
    snprintf(cert, sizeof cert, "%s/ca/%s", work, cert_name);
    snprintf(key, sizeof key, "%s/ca/%s", work, key_name);
    snprintf(s->log, sizeof s->log, "%s/%s.log", work, name);
    int out[2];
    if (pipe(out) != 0)
        exit(1);
    s->pid = fork();
    if (s->pid == 0) {
        prctl(PR_SET_PDEATHSIG, SIGTERM); /* no server outlives a killed test */
        int log = open(s->log, O_WRONLY | O_CREAT | O_TRUNC, 0600);
        dup2(out[1], 1);
        dup2(log, 2);
        close(out[0]);
        const char *exe = getenv("LICPORTALD");
        if (access_ttl)
            execl(exe, exe, "serve", "--db", db, "--files", files, "--listen", "127.0.0.1:0",
                  "--cert", cert, "--key", key, "--access-ttl", access_ttl, (char *)NULL);
        else
            execl(exe, exe, "serve", "--db", db, "--files", files, "--listen", "127.0.0.1:0",
                  "--cert", cert, "--key", key, (char *)NULL);
        _exit(127);
    }
    close(out[1]);
    char line[256];
    size_t used = 0;
    struct pollfd p = {.fd = out[0], .events = POLLIN};
    while (used < sizeof line - 1 && poll(&p, 1, 30000) > 0) {
        ssize_t n = read(out[0], line + used, 1);
        if (n <= 0 || line[used] == '\n')
            break;
        used++;
    }
    line[used] = '\0';
    close(out[0]);
    const char *prefix = "listening on ";
    if (strncmp(line, prefix, strlen(prefix)) != 0) {
        fprintf(stderr, "licportald did not start: '%s'\n", line);
        exit(1);
    }
    snprintf(s->url, sizeof s->url, "%s", line + strlen(prefix));
}

static void server_start(server *s, const char *name, const char *access_ttl)
{
    server_start_with(s, name, access_ttl, "server.pem", "server.key");
}

static void server_stop(server *s)
{
    if (s->pid > 0) {
        kill(s->pid, SIGTERM);
        waitpid(s->pid, NULL, 0);
        s->pid = 0;
    }
}

static void start_main(void)
{
    server_start(&main_server, "main", NULL);
}
static void stop_main(void)
{
    server_stop(&main_server);
}
static void start_short(void)
{
    server_start(&short_server, "short", SHORT_TTL);
}
static void stop_short(void)
{
    server_stop(&short_server);
}

/* Requests the server logged whose line holds `needle` ("POST /api/v1/auth/refresh "). */
static int count_log(const server *s, const char *needle)
{
    FILE *f = fopen(s->log, "r");
    if (!f)
        return -1;
    char line[2048];
    int n = 0;
    while (fgets(line, sizeof line, f))
        if (strstr(line, needle))
            n++;
    fclose(f);
    return n;
}

/* The server writes its access log line after the answer: wait until the
 * count reaches `expected` (or 3 s pass), then a little longer so that an
 * unexpected extra request would show too. */
static int settled_count(const server *s, const char *needle, int before, int expected)
{
    for (int i = 0; i < 300 && count_log(s, needle) - before < expected; i++)
        usleep(10000);
    usleep(200000);
    return count_log(s, needle) - before;
}

static lp_credstore *memory_store(const server *s)
{
    const char *note = NULL;
    lp_error err;
    lp_error_clear(&err);
    lp_credstore *store = lp_credstore_open(LP_STORE_NONE, s->url, NULL, &note, &err);
    ck_assert_msg(store != NULL, "%s", err.message);
    return store;
}

static lp_client *client_for(const server *s, const char *cacert, lp_credstore *store)
{
    lp_client_options opts = {.server = s->url, .cacert_file = cacert, .store = store};
    lp_error err;
    lp_error_clear(&err);
    lp_client *c = lp_client_new(&opts, &err);
    ck_assert_msg(c != NULL, "%s", err.message);
    return c;
}

static lp_status run(lp_client *c, lp_call *call, lp_error *err)
{
    ck_assert_msg(call != NULL, "%s", err->message);
    return lp_client_run(c, call, err);
}

static void login(lp_client *c, const char *email)
{
    lp_error err;
    lp_error_clear(&err);
    lp_call *call = lp_client_login(c, email, "demo", NULL, &err);
    ck_assert_msg(run(c, call, &err) == LP_OK, "login: %s", err.message);
    lp_call_free(call);
}

static lp_status fetch_dashboard(lp_client *c, bool *not_modified, int64_t *wire, lp_kpis *kpis,
                                 lp_error *err)
{
    lp_call *call = lp_client_get_dashboard(c, err);
    lp_status st = run(c, call, err);
    if (st == LP_OK) {
        const lp_result *r = lp_call_result(call);
        ck_assert_ptr_nonnull(r);
        if (not_modified)
            *not_modified = r->not_modified;
        if (kpis)
            *kpis = r->as.dashboard.kpis;
    }
    if (wire)
        *wire = lp_call_wire_bytes(call);
    lp_call_free(call);
    return st;
}

START_TEST(login_and_dashboard_over_https_with_a_private_ca)
{
    lp_credstore *store = memory_store(&main_server);
    lp_client *c = client_for(&main_server, ca_file, store);
    login(c, "demo1@example.com");
    ck_assert(lp_client_has_session(c));
    ck_assert_str_eq(lp_client_session_info(c)->email, "demo1@example.com");
    lp_credentials saved = {0};
    lp_error err;
    lp_error_clear(&err);
    ck_assert_int_eq(lp_credstore_load(store, &saved, &err), LP_OK);
    ck_assert_str_eq(saved.refresh_token, lp_client_credentials(c)->refresh_token);
    lp_credentials_clear(&saved);

    lp_call *call = lp_client_get_dashboard(c, &err);
    ck_assert_int_eq(run(c, call, &err), LP_OK);
    const lp_result *r = lp_call_result(call);
    ck_assert_int_eq(r->kind, LP_CALL_DASHBOARD);
    ck_assert_int_gt(r->as.dashboard.kpis.total_licenses, 0);
    ck_assert(!r->not_modified);
    ck_assert_ptr_nonnull(r->body);
    const lp_http_response *http = lp_call_final_response(call);
    ck_assert_int_eq(http->status, 200);
    ck_assert_ptr_nonnull(http->request_id);
    ck_assert_ptr_nonnull(http->etag);
    ck_assert_ptr_nonnull(strstr(http->content_type, "application/json"));
    lp_dashboard again = {0};
    ck_assert_int_eq(lp_parse_dashboard(r->body, r->body_len, &again, NULL), LP_OK);
    ck_assert_int_eq(again.kpis.total_licenses, r->as.dashboard.kpis.total_licenses);
    lp_dashboard_clear(&again);
    lp_result taken;
    ck_assert(lp_call_take_result(call, &taken));
    ck_assert_ptr_null(lp_call_result(call));
    ck_assert_int_gt(taken.as.dashboard.kpis.total_licenses, 0);
    lp_result_clear(&taken);
    lp_call_free(call);
    lp_client_free(c);
    lp_credstore_free(store);
}
END_TEST

START_TEST(untrusted_certificate_is_a_tls_error_naming_cacert)
{
    const char *cacerts[] = {stranger_ca, NULL};
    for (size_t i = 0; i < 2; i++) {
        lp_client *c = client_for(&main_server, cacerts[i], NULL);
        lp_error err;
        lp_error_clear(&err);
        lp_call *call = lp_client_login(c, "demo1@example.com", "demo", NULL, &err);
        ck_assert_int_eq(run(c, call, &err), LP_ERR_TLS);
        ck_assert_ptr_nonnull(strstr(err.message, "--cacert"));
        ck_assert_ptr_nonnull(strstr(err.message, "not trusted"));
        ck_assert(!lp_client_has_session(c));
        lp_call_free(call);
        lp_client_free(c);
    }
}
END_TEST

START_TEST(environment_bundle_is_honoured)
{
    setenv("SSL_CERT_FILE", ca_file, 1);
    lp_client *c = client_for(&main_server, NULL, NULL);
    login(c, "demo1@example.com");
    lp_client_free(c);
    setenv("CURL_CA_BUNDLE", stranger_ca, 1); /* takes precedence, as in curl */
    c = client_for(&main_server, NULL, NULL);
    lp_error err;
    lp_error_clear(&err);
    lp_call *call = lp_client_login(c, "demo1@example.com", "demo", NULL, &err);
    ck_assert_int_eq(run(c, call, &err), LP_ERR_TLS);
    lp_call_free(call);
    lp_client_free(c);
    unsetenv("CURL_CA_BUNDLE");
    unsetenv("SSL_CERT_FILE");
}
END_TEST

START_TEST(wrong_password_is_invalid_credentials)
{
    lp_client *c = client_for(&main_server, ca_file, NULL);
    lp_error err;
    lp_error_clear(&err);
    lp_call *call = lp_client_login(c, "demo2@example.com", "not-the-password", NULL, &err);
    ck_assert_int_eq(run(c, call, &err), LP_ERR_CREDENTIALS);
    ck_assert_str_eq(err.code, "invalid_credentials");
    ck_assert_int_eq(err.http_status, 401);
    ck_assert(err.request_id[0] != '\0');
    ck_assert(!lp_client_has_session(c));
    lp_call_free(call);
    lp_client_free(c);
}
END_TEST

#define OTP_SECRET_BASE32 "JBSWY3DPEHPK3PXP"
/* The bytes OTP_SECRET_BASE32 stands for. */
static const char otp_secret[] = "Hello!\xde\xad\xbe\xef";

START_TEST(two_factor_login_asks_for_and_checks_the_code)
{
    lp_client *c = client_for(&main_server, ca_file, NULL);
    lp_error err;
    lp_error_clear(&err);
    lp_call *call = lp_client_login(c, "otp@example.com", "otp-pass-phrase", NULL, &err);
    ck_assert_int_eq(run(c, call, &err), LP_ERR_OTP_REQUIRED);
    ck_assert_str_eq(err.code, "otp_required");
    ck_assert_ptr_nonnull(strstr(err.message, "one-time code"));
    lp_call_free(call);

    char code[8];
    ck_assert_int_eq(oath_init(), OATH_OK);
    ck_assert_int_eq(oath_totp_generate(otp_secret, sizeof otp_secret - 1, time(NULL), 30, 0, 6,
                                        code),
                     OATH_OK);
    const char *wrong = strcmp(code, "000000") == 0 ? "111111" : "000000";
    call = lp_client_login(c, "otp@example.com", "otp-pass-phrase", wrong, &err);
    ck_assert_int_eq(run(c, call, &err), LP_ERR_OTP_INVALID);
    lp_call_free(call);
    ck_assert(!lp_client_has_session(c));

    ck_assert_int_eq(oath_totp_generate(otp_secret, sizeof otp_secret - 1, time(NULL), 30, 0, 6,
                                        code),
                     OATH_OK);
    call = lp_client_login(c, "otp@example.com", "otp-pass-phrase", code, &err);
    ck_assert_msg(run(c, call, &err) == LP_OK, "%s", err.message);
    const lp_result *r = lp_call_result(call);
    ck_assert_ptr_nonnull(r->as.tokens.access_token);
    ck_assert_ptr_null(r->body); /* tokens are nothing to print */
    lp_call_free(call);
    ck_assert(lp_client_has_session(c));
    oath_done();
    lp_client_free(c);
}
END_TEST

START_TEST(repeated_failed_logins_are_rate_limited_with_a_wait)
{
    lp_client *c = client_for(&main_server, ca_file, NULL);
    lp_error err;
    lp_error_clear(&err);
    lp_status st = LP_ERR_CREDENTIALS;
    for (int i = 0; i < 20 && st == LP_ERR_CREDENTIALS; i++) {
        lp_call *call = lp_client_login(c, "limited@example.com", "wrong", NULL, &err);
        st = run(c, call, &err);
        lp_call_free(call);
    }
    ck_assert_int_eq(st, LP_ERR_RATE_LIMITED);
    ck_assert_int_eq(err.http_status, 429);
    ck_assert_int_gt(err.retry_after, 0);
    char expected[64];
    snprintf(expected, sizeof expected, "too many attempts: try again in %ld s", err.retry_after);
    ck_assert_str_eq(err.message, expected);
    lp_client_free(c);
}
END_TEST

START_TEST(unknown_license_is_not_found)
{
    lp_client *c = client_for(&main_server, ca_file, NULL);
    login(c, "demo1@example.com");
    lp_error err;
    lp_error_clear(&err);
    lp_call *call = lp_client_get_license(c, "no-such/license?x", &err);
    ck_assert_int_eq(run(c, call, &err), LP_ERR_NOT_FOUND);
    ck_assert_str_eq(err.code, "not_found");
    lp_call_free(call);
    lp_license_query q = {.status = "no-such-status", .expiring_within_days = -1};
    call = lp_client_list_licenses(c, &q, &err);
    ck_assert_int_eq(run(c, call, &err), LP_ERR_BAD_REQUEST);
    lp_call_free(call);
    lp_client_free(c);
}
END_TEST

START_TEST(second_dashboard_fetch_is_not_modified_and_small)
{
    lp_client *c = client_for(&main_server, ca_file, NULL);
    login(c, "demo1@example.com");
    /* The dashboard carries generated_at to the second: both fetches must
     * fall within one second for the body (and its ETag) to be the same. */
    bool seen = false;
    for (int attempt = 0; attempt < 5 && !seen; attempt++) {
        time_t start = time(NULL);
        while (time(NULL) == start)
            usleep(10000);
        lp_error err;
        lp_error_clear(&err);
        bool not_modified = true;
        int64_t wire1 = 0, wire2 = 0;
        lp_kpis first, second;
        ck_assert_int_eq(fetch_dashboard(c, &not_modified, &wire1, &first, &err), LP_OK);
        ck_assert(!not_modified);
        ck_assert_int_eq(fetch_dashboard(c, &not_modified, &wire2, &second, &err), LP_OK);
        if (!not_modified)
            continue;
        seen = true;
        ck_assert_int_lt(wire2, 1024);
        ck_assert_int_lt(wire2, wire1);
        ck_assert_int_eq(second.total_licenses, first.total_licenses);
        ck_assert_int_eq(second.activations_in_use, first.activations_in_use);
    }
    ck_assert_msg(seen, "no 304 in five tries");
    ck_assert_int_ge(settled_count(&main_server, "GET /api/v1/dashboard 304", 0, 1), 1);
    lp_client_free(c);
}
END_TEST

START_TEST(revoked_refresh_token_ends_in_auth_without_a_loop)
{
    lp_credstore *store_a = memory_store(&main_server);
    lp_client *a = client_for(&main_server, ca_file, store_a);
    login(a, "demo2@example.com");
    char *refresh = strdup(lp_client_credentials(a)->refresh_token);
    lp_error err;
    lp_error_clear(&err);
    lp_call *out = lp_client_logout(a, &err);
    ck_assert_int_eq(run(a, out, &err), LP_OK);
    lp_call_free(out);
    ck_assert(!lp_client_has_session(a));
    lp_credentials gone = {0};
    ck_assert_int_eq(lp_credstore_load(store_a, &gone, &err), LP_ERR_AUTH);
    lp_client_free(a);
    lp_credstore_free(store_a);

    lp_credstore *store_b = memory_store(&main_server);
    lp_credentials seeded = {.server = main_server.url,
                             .email = "demo2@example.com",
                             .refresh_token = refresh,
                             .access_token = "not-a-real-token",
                             .access_expires_at = time(NULL) + 3600};
    ck_assert_int_eq(lp_credstore_save(store_b, &seeded, &err), LP_OK);
    lp_client *b = client_for(&main_server, ca_file, store_b);
    int dashboards = count_log(&main_server, "GET /api/v1/dashboard ");
    int refreshes = count_log(&main_server, "POST /api/v1/auth/refresh ");
    lp_call *call = lp_client_get_dashboard(b, &err);
    ck_assert_int_eq(run(b, call, &err), LP_ERR_AUTH);
    ck_assert_ptr_nonnull(strstr(err.message, "licportal login"));
    ck_assert_int_gt(lp_call_wire_bytes(call), 0);
    lp_call_free(call);
    ck_assert_int_eq(settled_count(&main_server, "GET /api/v1/dashboard ", dashboards, 1), 1);
    ck_assert_int_eq(settled_count(&main_server, "POST /api/v1/auth/refresh ", refreshes, 1), 1);
    ck_assert(!lp_client_has_session(b));
    lp_client_free(b);
    lp_credstore_free(store_b);
    free(refresh);
}
END_TEST

START_TEST(transport_caps_bodies_in_memory)
{
    lp_client *c = client_for(&main_server, ca_file, NULL);
    login(c, "demo1@example.com");
    lp_transport_options opts = {.cacert_file = ca_file, .max_body_bytes = 64};
    lp_error err;
    lp_error_clear(&err);
    lp_transport *t = lp_transport_new(&opts, &err);
    char url[320];
    snprintf(url, sizeof url, "%s/api/v1/dashboard", main_server.url);
    lp_http_request req = {
        .method = "GET", .url = url, .bearer_token = lp_client_credentials(c)->access_token};
    lp_transfer *tr = lp_transport_start(t, &req, NULL, &err);
    ck_assert_ptr_nonnull(tr);
    lp_transfer *done = NULL;
    for (int i = 0; i < 100 && !done; i++) {
        lp_transport_wait(t, -1, 100, NULL, NULL);
        done = lp_transport_next_done(t);
    }
    ck_assert_ptr_eq(done, tr);
    ck_assert_int_eq(lp_transfer_result(done, &err), LP_ERR_PROTOCOL);
    ck_assert_ptr_nonnull(strstr(err.message, "64 bytes"));
    lp_transfer_free(done);
    lp_transport_free(t);
    lp_client_free(c);
}
END_TEST

/* ---- downloads ---------------------------------------------------------- */

static bool first_download(lp_client *c, lp_download *out)
{
    lp_error err;
    lp_error_clear(&err);
    lp_call *call = lp_client_list_downloads(c, NULL, &err);
    ck_assert_int_eq(run(c, call, &err), LP_OK);
    const lp_result *r = lp_call_result(call);
    bool found = false;
    size_t best = 0;
    for (size_t i = 0; i < r->as.downloads.count; i++)
        if (!found ||
            r->as.downloads.items[i].size_bytes < r->as.downloads.items[best].size_bytes) {
            if (r->as.downloads.items[i].size_bytes >= 2) {
                best = i;
                found = true;
            }
        }
    if (found) {
        lp_result taken;
        lp_call_take_result(call, &taken);
        *out = taken.as.downloads.items[best];
        memset(&taken.as.downloads.items[best], 0, sizeof taken.as.downloads.items[best]);
        lp_result_clear(&taken);
    }
    lp_call_free(call);
    return found;
}

static lp_status drive_job(lp_client *c, lp_download_job *job, lp_error *err)
{
    for (int i = 0; i < 600; i++) {
        lp_client_wait(c, -1, 100, NULL, NULL);
        lp_call *done;
        while ((done = lp_client_next_done(c))) {
            ck_assert(lp_download_job_owns(job, done));
            return lp_download_job_finish(job, done, err);
        }
    }
    ck_abort_msg("download did not finish");
    return LP_ERR_NETWORK;
}

static void sha256_file(const char *path, char hex[65])
{
    FILE *f = fopen(path, "rb");
    ck_assert_ptr_nonnull(f);
    EVP_MD_CTX *md = EVP_MD_CTX_new();
    EVP_DigestInit_ex(md, EVP_sha256(), NULL);
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        EVP_DigestUpdate(md, buf, n);
    fclose(f);
    unsigned char d[32];
    unsigned int len = 0;
    EVP_DigestFinal_ex(md, d, &len);
    EVP_MD_CTX_free(md);
    for (int i = 0; i < 32; i++)
        snprintf(hex + 2 * i, 3, "%02x", d[i]);
}

static char *fresh_dir(const char *name)
{
    char *dir = malloc(256);
    snprintf(dir, 256, "%s/%s-%d", work, name, (int)getpid());
    ck_assert_int_eq(mkdir(dir, 0700), 0);
    return dir;
}

START_TEST(download_lands_verified_under_its_base_name)
{
    lp_client *c = client_for(&main_server, ca_file, NULL);
    login(c, "demo1@example.com");
    lp_download meta = {0};
    ck_assert(first_download(c, &meta));
    char *dir = fresh_dir("dl");
    lp_error err;
    lp_error_clear(&err);
    lp_download_job *job = lp_download_job_start(c, &meta, dir, false, &err);
    ck_assert_msg(job != NULL, "%s", err.message);
    ck_assert_int_eq(drive_job(c, job, &err), LP_OK);
    const char *target = lp_download_job_target(job);
    char hex[65];
    sha256_file(target, hex);
    ck_assert_str_eq(hex, meta.sha256);
    lp_download_progress p = lp_download_job_progress(job);
    ck_assert_int_eq(p.received, meta.size_bytes);
    ck_assert_int_eq(p.total, meta.size_bytes);
    char part[512];
    snprintf(part, sizeof part, "%s.part", target);
    ck_assert_int_ne(access(part, F_OK), 0);
    struct stat st;
    ck_assert_int_eq(stat(target, &st), 0);
    ck_assert_int_eq(st.st_mode & 0777, 0644 & ~umask(022));
    lp_download_job_free(job);

    /* The same again: the target exists now. */
    lp_error_clear(&err);
    ck_assert_ptr_null(lp_download_job_start(c, &meta, dir, false, &err));
    ck_assert_int_eq(err.status, LP_ERR_EXISTS);
    job = lp_download_job_start(c, &meta, dir, true, &err);
    ck_assert_ptr_nonnull(job);
    ck_assert_int_eq(drive_job(c, job, &err), LP_OK);
    lp_download_job_free(job);
    lp_download_clear(&meta);
    free(dir);
    lp_client_free(c);
}
END_TEST

START_TEST(download_resumes_from_a_partial_file)
{
    lp_client *c = client_for(&main_server, ca_file, NULL);
    login(c, "demo1@example.com");
    lp_download meta = {0};
    ck_assert(first_download(c, &meta));
    char *full_dir = fresh_dir("full");
    lp_error err;
    lp_error_clear(&err);
    lp_download_job *job = lp_download_job_start(c, &meta, full_dir, false, &err);
    ck_assert_int_eq(drive_job(c, job, &err), LP_OK);
    char full[512];
    snprintf(full, sizeof full, "%s", lp_download_job_target(job));
    lp_download_job_free(job);

    /* The first half, as an interrupted run would have left it. */
    char *dir = fresh_dir("resume");
    char *base = strrchr(full, '/') + 1;
    char part[512];
    snprintf(part, sizeof part, "%s/%s.part", dir, base);
    FILE *in = fopen(full, "rb");
    FILE *out = fopen(part, "wb");
    int64_t half = meta.size_bytes / 2;
    for (int64_t i = 0; i < half; i++)
        fputc(fgetc(in), out);
    fclose(in);
    fclose(out);

    int ranged = count_log(&main_server, "/file 206 ");
    job = lp_download_job_start(c, &meta, dir, false, &err);
    ck_assert_ptr_nonnull(job);
    ck_assert_int_eq(lp_download_job_progress(job).received, half);
    ck_assert_int_eq(drive_job(c, job, &err), LP_OK);
    char hex[65];
    sha256_file(lp_download_job_target(job), hex);
    ck_assert_str_eq(hex, meta.sha256);
    ck_assert_int_eq(settled_count(&main_server, "/file 206 ", ranged, 1), 1);
    lp_download_job_free(job);

    /* A complete .part: the server answers 416 and the file is verified as it is. */
    char *done_dir = fresh_dir("complete");
    snprintf(part, sizeof part, "%s/%s.part", done_dir, base);
    char cmd[1200];
    snprintf(cmd, sizeof cmd, "cp '%s' '%s'", full, part);
    ck_assert_int_eq(system(cmd), 0);
    job = lp_download_job_start(c, &meta, done_dir, false, &err);
    int refused = count_log(&main_server, "/file 416 ");
    ck_assert_int_eq(drive_job(c, job, &err), LP_OK);
    sha256_file(lp_download_job_target(job), hex);
    ck_assert_str_eq(hex, meta.sha256);
    ck_assert_int_eq(settled_count(&main_server, "/file 416 ", refused, 1), 1);
    lp_download_job_free(job);
    lp_download_clear(&meta);
    free(dir);
    free(full_dir);
    free(done_dir);
    lp_client_free(c);
}
END_TEST

START_TEST(wrong_checksum_removes_the_part_file_and_writes_no_target)
{
    lp_client *c = client_for(&main_server, ca_file, NULL);
    login(c, "demo1@example.com");
    lp_download meta = {0};
    ck_assert(first_download(c, &meta));
    char real[65];
    memcpy(real, meta.sha256, sizeof real);
    meta.sha256[0] = meta.sha256[0] == '0' ? '1' : '0';
    char *dir = fresh_dir("bad");
    lp_error err;
    lp_error_clear(&err);
    lp_download_job *job = lp_download_job_start(c, &meta, dir, false, &err);
    ck_assert_int_eq(drive_job(c, job, &err), LP_ERR_CHECKSUM);
    ck_assert_ptr_nonnull(strstr(err.message, meta.sha256));
    ck_assert_ptr_nonnull(strstr(err.message, real));
    const char *target = lp_download_job_target(job);
    ck_assert_int_ne(access(target, F_OK), 0);
    char part[512];
    snprintf(part, sizeof part, "%s.part", target);
    /* Removed, so that the next attempt starts afresh. */
    ck_assert_int_ne(access(part, F_OK), 0);
    ck_assert_ptr_nonnull(strstr(err.message, "removed"));
    lp_download_job_free(job);
    lp_download_clear(&meta);
    free(dir);
    lp_client_free(c);
}
END_TEST

/* ---- answers licportald never gives ------------------------------------- */

/* A one-answer HTTPS server on a thread: it records each request and sends
 * the same canned bytes, for the behaviours the real server cannot show. */
typedef struct canned_server {
    const char *answer;
    size_t answer_len;
    int connections;
    bool drip; /* two bytes a second: never under the stall limit */
    int listen_fd;
    SSL_CTX *tls;
    pthread_t thread;
    char url[64];
    char request[4096];
} canned_server;

static void *canned_serve(void *arg)
{
    canned_server *cs = arg;
    for (int i = 0; i < cs->connections; i++) {
        int fd = accept(cs->listen_fd, NULL, NULL);
        if (fd < 0)
            break;
        SSL *ssl = SSL_new(cs->tls);
        SSL_set_fd(ssl, fd);
        if (SSL_accept(ssl) == 1) {
            size_t used = 0;
            while (used < sizeof cs->request - 1) {
                int n = SSL_read(ssl, cs->request + used, (int)(sizeof cs->request - 1 - used));
                if (n <= 0)
                    break;
                used += (size_t)n;
                cs->request[used] = '\0';
                if (strstr(cs->request, "\r\n\r\n"))
                    break;
            }
            if (cs->drip) {
                for (size_t k = 0; k < cs->answer_len; k++) {
                    if (SSL_write(ssl, cs->answer + k, 1) != 1)
                        break;
                    usleep(500000);
                }
            } else {
                SSL_write(ssl, cs->answer, (int)cs->answer_len);
            }
            SSL_shutdown(ssl);
        }
        SSL_free(ssl);
        close(fd);
    }
    return NULL;
}

static void canned_start_dripping(canned_server *cs, const char *answer, size_t answer_len,
                                  bool drip)
{
    memset(cs, 0, sizeof *cs);
    cs->drip = drip;
    cs->answer = answer;
    cs->answer_len = answer_len;
    cs->connections = 1;
    char cert[256], key[256];
    snprintf(cert, sizeof cert, "%s/ca/server.pem", work);
    snprintf(key, sizeof key, "%s/ca/server.key", work);
    cs->tls = SSL_CTX_new(TLS_server_method());
    ck_assert_int_eq(SSL_CTX_use_certificate_file(cs->tls, cert, SSL_FILETYPE_PEM), 1);
    ck_assert_int_eq(SSL_CTX_use_PrivateKey_file(cs->tls, key, SSL_FILETYPE_PEM), 1);
    cs->listen_fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in addr = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    ck_assert_int_eq(bind(cs->listen_fd, (struct sockaddr *)&addr, sizeof addr), 0);
    socklen_t len = sizeof addr;
    getsockname(cs->listen_fd, (struct sockaddr *)&addr, &len);
    ck_assert_int_eq(listen(cs->listen_fd, 4), 0);
    snprintf(cs->url, sizeof cs->url, "https://127.0.0.1:%d", ntohs(addr.sin_port));
    ck_assert_int_eq(pthread_create(&cs->thread, NULL, canned_serve, cs), 0);
}

static void canned_start(canned_server *cs, const char *answer, size_t answer_len)
{
    canned_start_dripping(cs, answer, answer_len, false);
}

static void canned_stop(canned_server *cs)
{
    shutdown(cs->listen_fd, SHUT_RDWR);
    pthread_join(cs->thread, NULL);
    close(cs->listen_fd);
    SSL_CTX_free(cs->tls);
}

/* A client that believes it holds a good access token for the canned server. */
static lp_client *client_with_session(const canned_server *cs, lp_credstore **store_out)
{
    server fake = {0};
    snprintf(fake.url, sizeof fake.url, "%s", cs->url);
    lp_credstore *store = memory_store(&fake);
    lp_credentials seeded = {.server = fake.url,
                             .email = "demo1@example.com",
                             .refresh_token = "r",
                             .access_token = "a",
                             .access_expires_at = time(NULL) + 3600};
    lp_error err;
    lp_error_clear(&err);
    ck_assert_int_eq(lp_credstore_save(store, &seeded, &err), LP_OK);
    *store_out = store;
    return client_for(&fake, ca_file, store);
}

START_TEST(whole_file_in_answer_to_a_range_request_restarts_the_part_file)
{
    static const char content[] = "the whole release, sent again from its first byte";
    char answer[256];
    int n = snprintf(
        answer, sizeof answer,
        "HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: %zu\r\n"
        "Connection: close\r\n\r\n%s",
        strlen(content), content);
    canned_server cs;
    canned_start(&cs, answer, (size_t)n);
    lp_credstore *store;
    lp_client *c = client_with_session(&cs, &store);
    char *dir = fresh_dir("restart");
    char part[512];
    snprintf(part, sizeof part, "%s/release.bin.part", dir);
    FILE *f = fopen(part, "w");
    fputs("GARBAGE", f);
    fclose(f);
    lp_download meta = {
        .id = "rel_1", .filename = "release.bin", .size_bytes = (int64_t)strlen(content)};
    unsigned char d[32];
    EVP_Digest(content, strlen(content), d, NULL, EVP_sha256(), NULL);
    for (int i = 0; i < 32; i++)
        snprintf(meta.sha256 + 2 * i, 3, "%02x", d[i]);
    lp_error err;
    lp_error_clear(&err);
    lp_download_job *job = lp_download_job_start(c, &meta, dir, false, &err);
    ck_assert_msg(job != NULL, "%s", err.message);
    ck_assert_msg(drive_job(c, job, &err) == LP_OK, "%s", err.message);
    ck_assert_ptr_nonnull(strstr(cs.request, "Range: bytes=7-\r\n"));
    char hex[65];
    sha256_file(lp_download_job_target(job), hex);
    ck_assert_str_eq(hex, meta.sha256);
    lp_download_job_free(job);
    canned_stop(&cs);
    lp_client_free(c);
    lp_credstore_free(store);
    free(dir);
}
END_TEST

START_TEST(redirect_is_refused_not_followed)
{
    static const char answer[] =
        "HTTP/1.1 302 Found\r\nLocation: https://127.0.0.1:9/api/v1/dashboard\r\n"
        "Content-Length: 0\r\nConnection: close\r\n\r\n";
    canned_server cs;
    canned_start(&cs, answer, strlen(answer));
    lp_credstore *store;
    lp_client *c = client_with_session(&cs, &store);
    lp_error err;
    lp_error_clear(&err);
    lp_call *call = lp_client_get_dashboard(c, &err);
    ck_assert_int_eq(run(c, call, &err), LP_ERR_PROTOCOL);
    ck_assert_ptr_nonnull(strstr(err.message, "redirect"));
    ck_assert_int_eq(err.http_status, 302);
    ck_assert_ptr_nonnull(strstr(cs.request, "Authorization: Bearer a\r\n"));
    ck_assert_ptr_nonnull(strstr(cs.request, "User-Agent: licportal/"));
    lp_call_free(call);
    canned_stop(&cs);
    lp_client_free(c);
    lp_credstore_free(store);
}
END_TEST

START_TEST(unavailable_server_says_when_to_try_again)
{
    static const char body[] =
        "{\"error\": {\"code\": \"unavailable\", \"message\": \"maintenance\", "
        "\"request_id\": \"r-503\"}}";
    char answer[512];
    int n = snprintf(
        answer, sizeof answer,
        "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\nRetry-After: 7\r\n"
        "Content-Length: %zu\r\nConnection: close\r\n\r\n%s",
        strlen(body), body);
    canned_server cs;
    canned_start(&cs, answer, (size_t)n);
    lp_credstore *store;
    lp_client *c = client_with_session(&cs, &store);
    lp_error err;
    lp_error_clear(&err);
    lp_call *call = lp_client_get_me(c, &err);
    ck_assert_int_eq(run(c, call, &err), LP_ERR_SERVER);
    ck_assert_int_eq(err.retry_after, 7);
    ck_assert_str_eq(err.request_id, "r-503");
    ck_assert_ptr_nonnull(strstr(err.message, "try again in 7 s"));
    lp_call_free(call);
    canned_stop(&cs);
    lp_client_free(c);
    lp_credstore_free(store);
}
END_TEST

START_TEST(chunked_body_over_the_cap_is_refused)
{
    char answer[4096];
    int n = snprintf(
        answer, sizeof answer,
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
        "Connection: close\r\n\r\n");
    for (int i = 0; i < 8; i++)
        n += snprintf(answer + n, sizeof answer - (size_t)n, "100\r\n%0256d\r\n", 0);
    n += snprintf(answer + n, sizeof answer - (size_t)n, "0\r\n\r\n");
    canned_server cs;
    canned_start(&cs, answer, (size_t)n);
    lp_transport_options opts = {.cacert_file = ca_file, .max_body_bytes = 1000};
    lp_error err;
    lp_error_clear(&err);
    lp_transport *t = lp_transport_new(&opts, &err);
    char url[128];
    snprintf(url, sizeof url, "%s/api/v1/me", cs.url);
    lp_http_request req = {.method = "GET", .url = url};
    lp_transfer *tr = lp_transport_start(t, &req, NULL, &err);
    lp_transfer *done = NULL;
    for (int i = 0; i < 100 && !done; i++) {
        lp_transport_wait(t, -1, 100, NULL, NULL);
        done = lp_transport_next_done(t);
    }
    ck_assert_ptr_eq(done, tr);
    ck_assert_int_eq(lp_transfer_result(done, &err), LP_ERR_PROTOCOL);
    ck_assert_ptr_nonnull(strstr(err.message, "1000 bytes"));
    lp_transfer_free(done);
    lp_transport_free(t);
    canned_stop(&cs);
}
END_TEST

START_TEST(trickled_answer_is_cut_off_in_bounded_time)
{
    char answer[512];
    int n = snprintf(answer, sizeof answer,
                     "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 200\r\n"
                     "Connection: close\r\n\r\n{\"id\": \"%0180d\"}",
                     0);
    canned_server cs;
    canned_start_dripping(&cs, answer, (size_t)n, true);
    lp_transport_options opts = {
        .cacert_file = ca_file, .connect_timeout_ms = 1000, .stall_timeout_s = 2};
    lp_error err;
    lp_error_clear(&err);
    lp_transport *t = lp_transport_new(&opts, &err);
    char url[128];
    snprintf(url, sizeof url, "%s/api/v1/me", cs.url);
    lp_http_request req = {.method = "GET", .url = url};
    lp_transfer *tr = lp_transport_start(t, &req, NULL, &err);
    time_t start = time(NULL);
    lp_transfer *done = NULL;
    for (int i = 0; i < 200 && !done; i++) {
        lp_transport_wait(t, -1, 100, NULL, NULL);
        done = lp_transport_next_done(t);
    }
    ck_assert_ptr_eq(done, tr);
    ck_assert_int_le(time(NULL) - start, 6);
    ck_assert_int_eq(lp_transfer_result(done, &err), LP_ERR_NETWORK);
    ck_assert_ptr_nonnull(strstr(err.message, cs.url + strlen("https://")));
    lp_transfer_free(done);
    lp_transport_free(t);
    canned_stop(&cs);
}
END_TEST

/* ---- certificates that must be refused ---------------------------------- */

static void expect_tls_failure(const char *cert_name, const char *words)
{
    server odd = {0};
    server_start_with(&odd, cert_name, NULL, cert_name, "other.key");
    lp_client *c = client_for(&odd, ca_file, NULL);
    lp_error err;
    lp_error_clear(&err);
    lp_call *call = lp_client_login(c, "demo1@example.com", "demo", NULL, &err);
    lp_status st = run(c, call, &err);
    lp_call_free(call);
    lp_client_free(c);
    server_stop(&odd);
    ck_assert_int_eq(st, LP_ERR_TLS);
    ck_assert_msg(strstr(err.message, words) != NULL, "'%s' lacks '%s'", err.message, words);
}

START_TEST(expired_certificate_says_expired)
{
    expect_tls_failure("expired.pem", "expired");
}
END_TEST

START_TEST(certificate_for_another_host_says_host_name)
{
    expect_tls_failure("elsewhere.pem", "host name");
}
END_TEST

/* ---- short-lived access tokens ------------------------------------------ */

START_TEST(expired_access_token_is_refreshed_silently)
{
    lp_credstore *store = memory_store(&short_server);
    lp_client *c = client_for(&short_server, ca_file, store);
    login(c, "demo1@example.com");
    char *first_refresh = strdup(lp_client_credentials(c)->refresh_token);
    sleep(SHORT_TTL_S + 1);
    int refreshes = count_log(&short_server, "POST /api/v1/auth/refresh ");
    lp_error err;
    lp_error_clear(&err);
    ck_assert_int_eq(fetch_dashboard(c, NULL, NULL, NULL, &err), LP_OK);
    ck_assert_int_eq(settled_count(&short_server, "POST /api/v1/auth/refresh ", refreshes, 1), 1);
    ck_assert_str_ne(lp_client_credentials(c)->refresh_token, first_refresh);
    lp_credentials saved = {0};
    ck_assert_int_eq(lp_credstore_load(store, &saved, &err), LP_OK);
    ck_assert_str_eq(saved.refresh_token, lp_client_credentials(c)->refresh_token);
    lp_credentials_clear(&saved);
    free(first_refresh);
    lp_client_free(c);
    lp_credstore_free(store);
}
END_TEST

START_TEST(token_expired_answer_refreshes_and_retries_once)
{
    lp_client *a = client_for(&short_server, ca_file, NULL);
    login(a, "demo1@example.com");
    lp_error err;
    lp_error_clear(&err);
    /* A session that believes its access token is good for an hour. */
    lp_credstore *store = memory_store(&short_server);
    lp_credentials seeded = *lp_client_credentials(a);
    seeded.access_expires_at = time(NULL) + 3600;
    ck_assert_int_eq(lp_credstore_save(store, &seeded, &err), LP_OK);
    lp_client *b = client_for(&short_server, ca_file, store);
    sleep(SHORT_TTL_S + 1);
    int dashboards = count_log(&short_server, "GET /api/v1/dashboard ");
    int refreshes = count_log(&short_server, "POST /api/v1/auth/refresh ");
    lp_call *call = lp_client_get_dashboard(b, &err);
    ck_assert_int_eq(run(b, call, &err), LP_OK);
    int64_t wire = lp_call_wire_bytes(call);
    lp_call_free(call);
    ck_assert_int_eq(settled_count(&short_server, "GET /api/v1/dashboard ", dashboards, 2), 2);
    ck_assert_int_eq(settled_count(&short_server, "POST /api/v1/auth/refresh ", refreshes, 1), 1);
    ck_assert_int_ge(count_log(&short_server, "GET /api/v1/dashboard 401"), 1);
    ck_assert_int_gt(wire, 0);
    lp_client_free(b);
    lp_credstore_free(store);
    lp_client_free(a);
}
END_TEST

/* Calls started together while no access token is held all wait for one
 * refresh (long-lived tokens here, so that no slowness brings a second). */
START_TEST(concurrent_calls_share_one_refresh)
{
    lp_client *a = client_for(&main_server, ca_file, NULL);
    login(a, "demo1@example.com");
    lp_error err;
    lp_error_clear(&err);
    lp_credstore *store = memory_store(&main_server);
    lp_credentials seeded = *lp_client_credentials(a);
    seeded.access_token = NULL;
    seeded.access_expires_at = LP_TIME_NONE;
    ck_assert_int_eq(lp_credstore_save(store, &seeded, &err), LP_OK);
    lp_client_free(a);
    lp_client *c = client_for(&main_server, ca_file, store);
    int refreshes = count_log(&main_server, "POST /api/v1/auth/refresh ");
    lp_call *calls[3] = {lp_client_get_dashboard(c, &err), lp_client_get_me(c, &err),
                         lp_client_list_licenses(c, NULL, &err)};
    ck_assert_int_eq(lp_client_pending(c), 3);
    int finished = 0;
    for (int i = 0; i < 600 && finished < 3; i++) {
        lp_client_wait(c, -1, 100, NULL, NULL);
        lp_call *done;
        while ((done = lp_client_next_done(c))) {
            ck_assert_msg(lp_call_status(done, &err) == LP_OK, "%s", err.message);
            ck_assert_ptr_nonnull(lp_call_result(done));
            ck_assert_int_gt(lp_call_wire_bytes(done), 0);
            lp_call_free(done);
            finished++;
        }
    }
    ck_assert_int_eq(finished, 3);
    ck_assert_int_eq(settled_count(&main_server, "POST /api/v1/auth/refresh ", refreshes, 1), 1);
    (void)calls;
    lp_client_free(c);
    lp_credstore_free(store);
}
END_TEST

static void prepare(void)
{
    snprintf(work, sizeof work, "/tmp/lp_client_integ_XXXXXX");
    if (!mkdtemp(work))
        exit(1);
    const char *mkcert = getenv("LP_MKCERT");
    const char *exe = getenv("LICPORTALD");
    if (!mkcert || !exe) {
        fprintf(stderr, "LP_MKCERT and LICPORTALD must be set\n");
        exit(1);
    }
    char ca_dir[128], stranger_dir[128], db[256], files[256];
    snprintf(ca_dir, sizeof ca_dir, "%s/ca", work);
    snprintf(stranger_dir, sizeof stranger_dir, "%s/stranger", work);
    snprintf(ca_file, sizeof ca_file, "%s/ca.pem", ca_dir);
    snprintf(stranger_ca, sizeof stranger_ca, "%s/ca.pem", stranger_dir);
    snprintf(db, sizeof db, "%s/portal.db", work);
    snprintf(files, sizeof files, "%s/files", work);
    char *const mk1[] = {"/bin/bash", (char *)mkcert, ca_dir, NULL};
    char *const mk2[] = {"/bin/bash", (char *)mkcert, stranger_dir, NULL};
    char *const demo[] = {
        (char *)exe,           "demo", "--db", db, "--files", files, "--users", "2",
        "--licenses-per-user", "12",   NULL};
    run_or_die(mk1);
    run_or_die(mk2);
    run_or_die(demo);
    char add_user[1024];
    snprintf(add_user, sizeof add_user,
             "printf '%%s\\n' " OTP_SECRET_BASE32 " > '%s/otp-secret' && "
             "printf 'otp-pass-phrase\\n' | '%s' user add --db '%s' --email otp@example.com "
             "--password-stdin "
             "--otp-secret-file '%s/otp-secret'",
             work, exe, db, work);
    char *const otp_user[] = {"/bin/sh", "-c", add_user, NULL};
    run_or_die(otp_user);
    /* A certificate for another host, and one whose validity ended when it
     * was made (-days 0), both from the trusted CA. */
    char script[2048];
    snprintf(script, sizeof script,
             "cd '%s' && openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes "
             "-subj /CN=elsewhere.example -keyout other.key -out other.csr 2>/dev/null && "
             "printf 'subjectAltName=DNS:elsewhere.example\\n' > elsewhere.ext && "
             "printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\\n' > expired.ext && "
             "openssl x509 -req -in other.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 2 "
             "-extfile elsewhere.ext -out elsewhere.pem 2>/dev/null && "
             "openssl x509 -req -in other.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 0 "
             "-extfile expired.ext -out expired.pem 2>/dev/null",
             ca_dir);
    char *const certs[] = {"/bin/sh", "-c", script, NULL};
    run_or_die(certs);
    unsetenv("SSL_CERT_FILE");
    unsetenv("CURL_CA_BUNDLE");
}

static void clean_up(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", work);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", work);
}

int main(void)
{
    signal(SIGPIPE, SIG_IGN); /* the canned server writes to clients that gave up */
    prepare();
    Suite *s = suite_create("client_integration");
    TCase *tc = tcase_create("default_server");
    tcase_set_timeout(tc, 60);
    tcase_add_unchecked_fixture(tc, start_main, stop_main);
    tcase_add_test(tc, login_and_dashboard_over_https_with_a_private_ca);
    tcase_add_test(tc, untrusted_certificate_is_a_tls_error_naming_cacert);
    tcase_add_test(tc, environment_bundle_is_honoured);
    tcase_add_test(tc, wrong_password_is_invalid_credentials);
    tcase_add_test(tc, unknown_license_is_not_found);
    tcase_add_test(tc, second_dashboard_fetch_is_not_modified_and_small);
    tcase_add_test(tc, revoked_refresh_token_ends_in_auth_without_a_loop);
    tcase_add_test(tc, transport_caps_bodies_in_memory);
    tcase_add_test(tc, download_lands_verified_under_its_base_name);
    tcase_add_test(tc, download_resumes_from_a_partial_file);
    tcase_add_test(tc, wrong_checksum_removes_the_part_file_and_writes_no_target);
    tcase_add_test(tc, concurrent_calls_share_one_refresh);
    tcase_add_test(tc, two_factor_login_asks_for_and_checks_the_code);
    tcase_add_test(
        tc, repeated_failed_logins_are_rate_limited_with_a_wait); /* last: it spends failures */
    suite_add_tcase(s, tc);
    TCase *canned_tc = tcase_create("canned_answers");
    tcase_set_timeout(canned_tc, 60);
    tcase_add_test(canned_tc, whole_file_in_answer_to_a_range_request_restarts_the_part_file);
    tcase_add_test(canned_tc, redirect_is_refused_not_followed);
    tcase_add_test(canned_tc, unavailable_server_says_when_to_try_again);
    tcase_add_test(canned_tc, chunked_body_over_the_cap_is_refused);
    tcase_add_test(canned_tc, trickled_answer_is_cut_off_in_bounded_time);
    suite_add_tcase(s, canned_tc);
    TCase *odd_tc = tcase_create("refused_certificates");
    tcase_set_timeout(odd_tc, 60);
    tcase_add_test(odd_tc, expired_certificate_says_expired);
    tcase_add_test(odd_tc, certificate_for_another_host_says_host_name);
    suite_add_tcase(s, odd_tc);
    TCase *short_tc = tcase_create("short_access_tokens");
    tcase_set_timeout(short_tc, 60);
    tcase_add_unchecked_fixture(short_tc, start_short, stop_short);
    tcase_add_test(short_tc, expired_access_token_is_refreshed_silently);
    tcase_add_test(short_tc, token_expired_answer_refreshes_and_retries_once);
    suite_add_tcase(s, short_tc);
    int rc = lp_run_suite(s);
    clean_up();
    return rc;
}
