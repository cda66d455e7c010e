/* The transport without a server: refusals, connection failures, cancel, and the wait loop. */
#include "lib/transport/transport.h"
#include "../../suite_runner.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

/* A loopback port that is bound (and listening when asked) by this process. */
static int bound_socket(bool listening, int *port)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    ck_assert_int_ge(fd, 0);
    struct sockaddr_in addr = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    ck_assert_int_eq(bind(fd, (struct sockaddr *)&addr, sizeof addr), 0);
    socklen_t len = sizeof addr;
    ck_assert_int_eq(getsockname(fd, (struct sockaddr *)&addr, &len), 0);
    *port = ntohs(addr.sin_port);
    if (listening)
        ck_assert_int_eq(listen(fd, 8), 0);
    return fd;
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static lp_transfer *wait_done(lp_transport *t, double limit_s)
{
    double end = now_s() + limit_s;
    lp_transfer *done = NULL;
    while (!(done = lp_transport_next_done(t)) && now_s() < end)
        ck_assert_int_eq(lp_transport_wait(t, -1, 200, NULL, NULL), LP_OK);
    return done;
}

START_TEST(refuses_plain_http)
{
    lp_transport *t = lp_transport_new(NULL, NULL);
    ck_assert_ptr_nonnull(t);
    lp_error err;
    lp_error_clear(&err);
    lp_http_request req = {.method = "GET", .url = "http://127.0.0.1:1/api/v1/me"};
    ck_assert_ptr_null(lp_transport_start(t, &req, NULL, &err));
    ck_assert_int_eq(err.status, LP_ERR_USAGE);
    ck_assert_int_eq(lp_transport_running(t), 0);
    lp_transport_free(t);
}
END_TEST

START_TEST(refuses_header_injection_through_the_token)
{
    lp_transport *t = lp_transport_new(NULL, NULL);
    lp_error err;
    lp_error_clear(&err);
    lp_http_request req = {
        .method = "GET", .url = "https://127.0.0.1:1/", .bearer_token = "a\r\nX-Evil: 1"};
    ck_assert_ptr_null(lp_transport_start(t, &req, NULL, &err));
    ck_assert_int_eq(err.status, LP_ERR_USAGE);
    lp_transport_free(t);
}
END_TEST

START_TEST(connection_refused_is_a_network_error_naming_host_and_port)
{
    int port = 0;
    int fd = bound_socket(false, &port);
    close(fd); /* nobody listens there now */
    lp_transport *t = lp_transport_new(NULL, NULL);
    char url[64];
    snprintf(url, sizeof url, "https://127.0.0.1:%d/api/v1/me", port);
    lp_http_request req = {.method = "GET", .url = url};
    int user = 7;
    lp_transfer *tr = lp_transport_start(t, &req, &user, NULL);
    ck_assert_ptr_nonnull(tr);
    ck_assert_int_eq(lp_transport_running(t), 1);
    lp_transfer *done = wait_done(t, 10);
    ck_assert_ptr_eq(done, tr);
    ck_assert_ptr_eq(lp_transfer_user(done), &user);
    lp_error err;
    lp_error_clear(&err);
    ck_assert_int_eq(lp_transfer_result(done, &err), LP_ERR_NETWORK);
    char where[32];
    snprintf(where, sizeof where, "127.0.0.1:%d", port);
    ck_assert_ptr_nonnull(strstr(err.message, where));
    ck_assert_int_eq(lp_transfer_response(done)->status, 0);
    ck_assert_int_eq(lp_transport_running(t), 0);
    lp_transfer_free(done);
    lp_transport_free(t);
}
END_TEST

START_TEST(cancel_hands_the_transfer_back_as_cancelled)
{
    int port = 0;
    int fd = bound_socket(true, &port); /* accepts the connection, never answers */
    lp_transport *t = lp_transport_new(NULL, NULL);
    char url[64];
    snprintf(url, sizeof url, "https://127.0.0.1:%d/api/v1/me", port);
    lp_http_request req = {.method = "GET", .url = url};
    lp_transfer *tr = lp_transport_start(t, &req, NULL, NULL);
    ck_assert_int_eq(lp_transport_wait(t, -1, 100, NULL, NULL), LP_OK);
    ck_assert_ptr_null(lp_transport_next_done(t));
    lp_transport_cancel(t, tr);
    ck_assert_int_eq(lp_transport_running(t), 0);
    lp_transfer *done = lp_transport_next_done(t);
    ck_assert_ptr_eq(done, tr);
    ck_assert_int_eq(lp_transfer_result(done, NULL), LP_ERR_CANCELLED);
    lp_transfer_free(done);
    lp_transport_free(t);
    close(fd);
}
END_TEST

START_TEST(a_finished_transfer_freed_before_collection_leaves_the_queue)
{
    int port = 0;
    int fd = bound_socket(true, &port);
    lp_transport *t = lp_transport_new(NULL, NULL);
    char url[64];
    snprintf(url, sizeof url, "https://127.0.0.1:%d/", port);
    lp_http_request req = {.method = "GET", .url = url};
    lp_transfer *first = lp_transport_start(t, &req, NULL, NULL);
    lp_transfer *second = lp_transport_start(t, &req, NULL, NULL);
    lp_transport_cancel(t, first);
    lp_transport_cancel(t, second);
    lp_transfer_free(first); /* never returned by next_done */
    ck_assert_ptr_eq(lp_transport_next_done(t), second);
    ck_assert_ptr_null(lp_transport_next_done(t));
    lp_transfer_free(second);
    lp_transport_free(t);
    close(fd);
}
END_TEST

START_TEST(a_stalled_server_times_out_by_the_connect_timeout)
{
    int port = 0;
    int fd = bound_socket(true, &port); /* the TLS handshake never gets an answer */
    lp_transport_options opts = {.connect_timeout_ms = 300};
    lp_transport *t = lp_transport_new(&opts, NULL);
    char url[64];
    snprintf(url, sizeof url, "https://127.0.0.1:%d/", port);
    lp_http_request req = {.method = "GET", .url = url};
    lp_transfer *tr = lp_transport_start(t, &req, NULL, NULL);
    double start = now_s();
    lp_transfer *done = wait_done(t, 10);
    ck_assert_ptr_eq(done, tr);
    ck_assert_double_lt(now_s() - start, 5);
    ck_assert_int_eq(lp_transfer_result(done, NULL), LP_ERR_NETWORK);
    lp_transfer_free(done);
    lp_transport_free(t);
    close(fd);
}
END_TEST

START_TEST(wait_reports_the_extra_descriptor)
{
    lp_transport *t = lp_transport_new(NULL, NULL);
    int pipe_fds[2];
    ck_assert_int_eq(pipe(pipe_fds), 0);
    bool ready = true;
    ck_assert_int_eq(lp_transport_wait(t, pipe_fds[0], 10, &ready, NULL), LP_OK);
    ck_assert(!ready);
    ck_assert_int_eq(write(pipe_fds[1], "k", 1), 1);
    double start = now_s();
    ck_assert_int_eq(lp_transport_wait(t, pipe_fds[0], 5000, &ready, NULL), LP_OK);
    ck_assert(ready);
    ck_assert_double_lt(now_s() - start, 1);
    close(pipe_fds[0]);
    close(pipe_fds[1]);
    lp_transport_free(t);
}
END_TEST

START_TEST(wakeup_ends_a_wait_early)
{
    lp_transport *t = lp_transport_new(NULL, NULL);
    lp_transport_wakeup(t);
    double start = now_s();
    ck_assert_int_eq(lp_transport_wait(t, -1, 5000, NULL, NULL), LP_OK);
    ck_assert_double_lt(now_s() - start, 1);
    lp_transport_free(t);
}
END_TEST

START_TEST(a_private_ca_file_without_certificates_is_refused)
{
    lp_error err;
    lp_error_clear(&err);
    lp_transport_options opts = {.cacert_file = "/nonexistent/ca.pem"};
    ck_assert_ptr_null(lp_transport_new(&opts, &err));
    ck_assert_int_eq(err.status, LP_ERR_CONFIG);
    ck_assert_ptr_nonnull(strstr(err.message, "/nonexistent/ca.pem"));
}
END_TEST

int main(void)
{
    Suite *s = suite_create("transport");
    TCase *tc = tcase_create("transport");
    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, refuses_plain_http);
    tcase_add_test(tc, refuses_header_injection_through_the_token);
    tcase_add_test(tc, connection_refused_is_a_network_error_naming_host_and_port);
    tcase_add_test(tc, cancel_hands_the_transfer_back_as_cancelled);
    tcase_add_test(tc, a_finished_transfer_freed_before_collection_leaves_the_queue);
    tcase_add_test(tc, a_stalled_server_times_out_by_the_connect_timeout);
    tcase_add_test(tc, wait_reports_the_extra_descriptor);
    tcase_add_test(tc, wakeup_ends_a_wait_early);
    tcase_add_test(tc, a_private_ca_file_without_certificates_is_refused);
    suite_add_tcase(s, tc);
    return lp_run_suite(s);
}
