/* Measures the bytes on the wire of a dashboard refresh that the server answers with 304. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "licportal/client.h"

/* Usage: refresh-bytes SERVER CACERT EMAIL (the password on stdin).
 * Logs in, fetches the dashboard once (200, ETag remembered), then again over
 * the kept connection; prints the bytes of each call and whether the second
 * was a 304. */

static lp_call *finish(lp_client *client, lp_call *call, const char *what, lp_error *err)
{
    if (!call || lp_client_run(client, call, err) != LP_OK || lp_call_status(call, err) != LP_OK) {
        fprintf(stderr, "refresh-bytes: %s failed: %s\n", what, err->message);
        lp_call_free(call);
        return NULL;
    }
    return call;
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: refresh-bytes SERVER CACERT EMAIL < password\n");
        return 2;
    }
    char password[256];
    if (!fgets(password, sizeof password, stdin)) {
        fprintf(stderr, "refresh-bytes: no password on stdin\n");
        return 2;
    }
    password[strcspn(password, "\n")] = '\0';

    lp_error err;
    lp_error_clear(&err);
    lp_client_options options = {.server = argv[1], .cacert_file = argv[2], .store = NULL};
    lp_client *client = lp_client_new(&options, &err);
    if (!client) {
        fprintf(stderr, "refresh-bytes: %s\n", err.message);
        return 1;
    }
    int rc = 1;
    lp_call *login = finish(client, lp_client_login(client, argv[3], password, NULL, &err), "login",
                            &err);
    lp_call *first = login ? finish(client, lp_client_get_dashboard(client, &err),
                                    "first dashboard", &err)
                           : NULL;
    lp_call *second = first ? finish(client, lp_client_get_dashboard(client, &err),
                                     "second dashboard", &err)
                            : NULL;
    if (second) {
        const lp_result *again = lp_call_result(second);
        printf("first_bytes=%lld\nrefresh_bytes=%lld\nnot_modified=%d\n",
               (long long)lp_call_wire_bytes(first), (long long)lp_call_wire_bytes(second),
               again && again->not_modified ? 1 : 0);
        rc = 0;
    }
    lp_call_free(second);
    lp_call_free(first);
    lp_call_free(login);
    lp_client_free(client);
    return rc;
}
