/* The client where no server answers: refusals, no session, failures and cancels through the loop. */
#include "licportal/client.h"
#include "licportal/download.h"
#include "lib/store/credentials.h"
#include "../../suite_runner.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static int closed_port(void)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in addr = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    ck_assert_int_eq(bind(fd, (struct sockaddr *)&addr, sizeof addr), 0);
    socklen_t len = sizeof addr;
    getsockname(fd, (struct sockaddr *)&addr, &len);
    close(fd);
    return ntohs(addr.sin_port);
}

static lp_client *client_at(int port, lp_credstore *store)
{
    char server[64];
    snprintf(server, sizeof server, "https://127.0.0.1:%d/", port);
    lp_client_options opts = {.server = server, .store = store};
    lp_error err;
    lp_error_clear(&err);
    lp_client *c = lp_client_new(&opts, &err);
    ck_assert_msg(c != NULL, "%s", err.message);
    return c;
}

START_TEST(refuses_a_plain_http_server)
{
    lp_client_options opts = {.server = "http://127.0.0.1:8443"};
    lp_error err;
    lp_error_clear(&err);
    ck_assert_ptr_null(lp_client_new(&opts, &err));
    ck_assert_int_eq(err.status, LP_ERR_USAGE);
    ck_assert_ptr_nonnull(strstr(err.message, "http://"));
}
END_TEST

START_TEST(server_url_loses_its_trailing_slash)
{
    lp_client *c = client_at(9, NULL);
    ck_assert_str_eq(lp_client_server(c), "https://127.0.0.1:9");
    lp_client_free(c);
}
END_TEST

START_TEST(calls_without_a_session_are_refused_at_once)
{
    lp_client *c = client_at(9, NULL);
    ck_assert(!lp_client_has_session(c));
    ck_assert_ptr_null(lp_client_session_info(c));
    lp_error err;
    lp_error_clear(&err);
    ck_assert_ptr_null(lp_client_get_dashboard(c, &err));
    ck_assert_int_eq(err.status, LP_ERR_AUTH);
    ck_assert_ptr_nonnull(strstr(err.message, "licportal login"));
    ck_assert_int_eq(lp_client_pending(c), 0);
    lp_client_free(c);
}
END_TEST

START_TEST(login_to_a_closed_port_fails_as_network)
{
    int port = closed_port();
    lp_client *c = client_at(port, NULL);
    lp_error err;
    lp_error_clear(&err);
    lp_call *call = lp_client_login(c, "demo1@example.com", "demo", NULL, &err);
    ck_assert_ptr_nonnull(call);
    ck_assert_int_eq(lp_client_pending(c), 1);
    ck_assert_int_eq(lp_client_run(c, call, &err), LP_ERR_NETWORK);
    ck_assert_int_eq(lp_call_status(call, NULL), LP_ERR_NETWORK);
    ck_assert_ptr_null(lp_call_result(call));
    ck_assert_int_eq(lp_client_pending(c), 0);
    ck_assert_ptr_null(lp_client_next_done(c)); /* run handed it over already */
    ck_assert(!lp_client_has_session(c));
    lp_call_free(call);
    lp_client_free(c);
}
END_TEST

START_TEST(logout_without_a_session_still_clears_the_store)
{
    lp_error err;
    lp_error_clear(&err);
    const char *note = NULL;
    lp_credstore *store = lp_credstore_open(LP_STORE_NONE, "https://127.0.0.1:9", NULL, &note,
                                            &err);
    ck_assert_ptr_nonnull(store);
    lp_client *c = client_at(9, store);
    lp_call *call = lp_client_logout(c, &err);
    ck_assert_ptr_nonnull(call);
    ck_assert_int_eq(lp_client_run(c, call, &err), LP_OK);
    lp_call_free(call);
    lp_client_free(c);
    lp_credstore_free(store);
}
END_TEST

START_TEST(session_info_names_the_user_the_server_and_the_store)
{
    lp_error err;
    lp_error_clear(&err);
    const char *note = NULL;
    lp_credstore *store = lp_credstore_open(LP_STORE_NONE, "https://127.0.0.1:9", NULL, &note,
                                            &err);
    lp_credentials creds = {.server = "https://127.0.0.1:9",
                            .email = "demo1@example.com",
                            .user_name = "Demo One",
                            .refresh_token = "r-old",
                            .access_token = "a-old",
                            .access_expires_at = 1};
    ck_assert_int_eq(lp_credstore_save(store, &creds, &err), LP_OK);
    lp_client *c = client_at(9, store);
    const lp_session_info *info = lp_client_session_info(c);
    ck_assert_ptr_nonnull(info);
    ck_assert_str_eq(info->server, "https://127.0.0.1:9");
    ck_assert_str_eq(info->email, "demo1@example.com");
    ck_assert_str_eq(info->user_name, "Demo One");
    ck_assert_int_eq(info->store, LP_STORE_NONE);
    lp_client_free(c);
    lp_credstore_free(store);
}
END_TEST

START_TEST(refresh_that_cannot_reach_the_server_fails_every_waiting_call_once)
{
    int port = closed_port();
    char server[64];
    snprintf(server, sizeof server, "https://127.0.0.1:%d", port);
    lp_error err;
    lp_error_clear(&err);
    const char *note = NULL;
    lp_credstore *store = lp_credstore_open(LP_STORE_NONE, server, NULL, &note, &err);
    lp_credentials creds = {.server = server,
                            .email = "demo1@example.com",
                            .refresh_token = "r-old",
                            .access_token = "a-old",
                            .access_expires_at = 1};
    ck_assert_int_eq(lp_credstore_save(store, &creds, &err), LP_OK);
    lp_client *c = client_at(port, store);
    ck_assert(lp_client_has_session(c));
    lp_call *a = lp_client_get_dashboard(c, &err);
    lp_call *b = lp_client_get_me(c, &err);
    ck_assert_ptr_nonnull(a);
    ck_assert_ptr_nonnull(b);
    ck_assert_int_eq(lp_client_pending(c), 2);
    int finished = 0;
    for (int i = 0; i < 100 && finished < 2; i++) {
        lp_client_wait(c, -1, 100, NULL, NULL);
        lp_call *done;
        while ((done = lp_client_next_done(c))) {
            ck_assert_int_eq(lp_call_status(done, &err), LP_ERR_NETWORK);
            ck_assert_ptr_nonnull(strstr(err.message, "127.0.0.1"));
            lp_call_free(done);
            finished++;
        }
    }
    ck_assert_int_eq(finished, 2);
    ck_assert(lp_client_has_session(c)); /* an unreachable server refused nothing */
    lp_client_free(c);
    lp_credstore_free(store);
}
END_TEST

START_TEST(cancel_finishes_the_call_as_cancelled)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in addr = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    bind(fd, (struct sockaddr *)&addr, sizeof addr);
    socklen_t len = sizeof addr;
    getsockname(fd, (struct sockaddr *)&addr, &len);
    listen(fd, 4); /* accepts, never answers */
    lp_client *c = client_at(ntohs(addr.sin_port), NULL);
    lp_error err;
    lp_error_clear(&err);
    lp_call *call = lp_client_login(c, "demo1@example.com", "demo", NULL, &err);
    lp_client_wait(c, -1, 50, NULL, NULL);
    ck_assert_ptr_null(lp_client_next_done(c));
    lp_client_cancel(c, call);
    lp_call *done = lp_client_next_done(c);
    ck_assert_ptr_eq(done, call);
    ck_assert_int_eq(lp_call_status(done, &err), LP_ERR_CANCELLED);
    lp_call_free(done);
    /* A call left running is cleaned up by the client. */
    lp_client_login(c, "demo1@example.com", "demo", NULL, &err);
    lp_client_free(c);
    close(fd);
}
END_TEST

START_TEST(download_refuses_an_existing_target_without_force)
{
    char dir[] = "/tmp/lp_dl_XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char target[96];
    snprintf(target, sizeof target, "%s/app.bin", dir);
    FILE *f = fopen(target, "w");
    fputs("old", f);
    fclose(f);
    lp_client *c = client_at(9, NULL);
    lp_download meta = {
        .id = "d1",
        .filename = "app.bin",
        .size_bytes = 3,
        .sha256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"};
    lp_error err;
    lp_error_clear(&err);
    ck_assert_ptr_null(lp_download_job_start(c, &meta, dir, false, &err));
    ck_assert_int_eq(err.status, LP_ERR_EXISTS);
    ck_assert_ptr_nonnull(strstr(err.message, target));
    char part[112];
    snprintf(part, sizeof part, "%s.part", target);
    ck_assert_int_ne(access(part, F_OK), 0);
    lp_client_free(c);
    unlink(target);
    rmdir(dir);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("client_offline");
    TCase *tc = tcase_create("client_offline");
    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, refuses_a_plain_http_server);
    tcase_add_test(tc, server_url_loses_its_trailing_slash);
    tcase_add_test(tc, calls_without_a_session_are_refused_at_once);
    tcase_add_test(tc, login_to_a_closed_port_fails_as_network);
    tcase_add_test(tc, logout_without_a_session_still_clears_the_store);
    tcase_add_test(tc, session_info_names_the_user_the_server_and_the_store);
    tcase_add_test(tc, refresh_that_cannot_reach_the_server_fails_every_waiting_call_once);
    tcase_add_test(tc, cancel_finishes_the_call_as_cancelled);
    tcase_add_test(tc, download_refuses_an_existing_target_without_force);
    suite_add_tcase(s, tc);
    return lp_run_suite(s);
}
