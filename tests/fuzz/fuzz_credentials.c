/* Fuzz target for the stored-credentials readers: one session's JSON and the 0600 credentials file. */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fuzz_check.h"
#include "lib/store/credentials_json.h"
#include "lib/store/file_store.h"
#include "licportal/credstore.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char TARGET[] = "fuzz_credentials";
static const char SERVER[] = "https://portal.example.test";

static char dir_path[64];
static char file_path[96];

static void remove_files(void)
{
    if (file_path[0] != '\0')
        unlink(file_path);
    if (dir_path[0] != '\0')
        rmdir(dir_path);
}

/* One private folder per process, removed at exit. */
static const char *credentials_path(void)
{
    if (file_path[0] != '\0')
        return file_path;
    snprintf(dir_path, sizeof dir_path, "/tmp/licportal-fuzz-XXXXXX");
    if (mkdtemp(dir_path) == NULL) {
        dir_path[0] = '\0';
        return NULL;
    }
    snprintf(file_path, sizeof file_path, "%s/credentials", dir_path);
    atexit(remove_files);
    return file_path;
}

static bool write_file(const char *path, const uint8_t *data, size_t size)
{
    unlink(path);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0)
        return false;
    size_t done = 0;
    while (done < size) {
        ssize_t n = write(fd, data + done, size - done);
        if (n <= 0) {
            close(fd);
            return false;
        }
        done += (size_t)n;
    }
    return close(fd) == 0;
}

static void check_session(const lp_credentials *c, const char *server)
{
    FUZZ_REQUIRE(TARGET, c->server != NULL && c->refresh_token != NULL,
                 "loaded session lacks server or refresh token");
    if (server != NULL)
        FUZZ_REQUIRE(TARGET, strcmp(c->server, server) == 0, "loaded a session of another server");
    FUZZ_REQUIRE(TARGET, c->access_token == NULL || c->access_expires_at != LP_TIME_NONE,
                 "access token kept without its expiry");
}

static void check_refused(lp_status st, const lp_credentials *c)
{
    FUZZ_REQUIRE(TARGET, st != LP_OK, "impossible");
    FUZZ_REQUIRE(TARGET,
                 c->server == NULL && c->email == NULL && c->user_name == NULL &&
                     c->refresh_token == NULL && c->access_token == NULL,
                 "refused session left strings behind");
}

static bool same(const char *a, const char *b)
{
    return (a == NULL && b == NULL) || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

static void fuzz_session_json(const uint8_t *data, size_t size)
{
    char *json = malloc(size + 1);
    if (json == NULL)
        return;
    memcpy(json, data, size);
    json[size] = '\0';
    lp_credentials c;
    lp_error err;
    lp_error_clear(&err);
    lp_status st = lp_credentials_from_json(json, &c, &err);
    if (st == LP_OK) {
        check_session(&c, NULL);
        /* What was read writes back and reads again to the same session. */
        char *again = lp_credentials_to_json(&c);
        FUZZ_REQUIRE(TARGET, again != NULL, "a loaded session does not serialise");
        lp_credentials d;
        FUZZ_REQUIRE(TARGET, lp_credentials_from_json(again, &d, &err) == LP_OK,
                     "a serialised session does not read back");
        FUZZ_REQUIRE(TARGET,
                     same(c.server, d.server) && same(c.email, d.email) &&
                         same(c.user_name, d.user_name) && same(c.refresh_token, d.refresh_token),
                     "session changed on a write and read round trip");
        /* An access token may be dropped on the way (a refresh replaces it), but one
         * that comes back must be the same token with the same expiry. */
        FUZZ_REQUIRE(TARGET,
                     d.access_token == NULL || (same(c.access_token, d.access_token) &&
                                                c.access_expires_at == d.access_expires_at),
                     "access token or its expiry changed on a write and read round trip");
        lp_credentials_clear(&d);
        free(again);
    } else {
        check_refused(st, &c);
    }
    lp_credentials_clear(&c);
    free(json);
}

static void fuzz_file(const uint8_t *data, size_t size, const char *email)
{
    const char *path = credentials_path();
    if (path == NULL || !write_file(path, data, size))
        return;
    lp_credentials c;
    lp_error err;
    lp_error_clear(&err);
    lp_status st = lp_file_store_load(path, SERVER, email, &c, &err);
    if (st == LP_OK)
        check_session(&c, SERVER);
    else
        check_refused(st, &c);
    lp_credentials_clear(&c);

    /* Saving over whatever the file held must give back exactly what was
     * saved, or refuse cleanly; the file stays private. */
    lp_credentials mine = {
        .server = (char *)SERVER,
        .email = (char *)"fuzz@example.test",
        .user_name = (char *)"Fuzz",
        .refresh_token = (char *)"rt_fuzz",
        .access_token = (char *)"at_fuzz",
        .access_expires_at = 1900000000,
    };
    if (lp_file_store_save(path, &mine, &err) != LP_OK)
        return;
    struct stat st_buf;
    FUZZ_REQUIRE(TARGET, stat(path, &st_buf) == 0 && (st_buf.st_mode & 077) == 0,
                 "saved credentials file is readable by others");
    st = lp_file_store_load(path, SERVER, mine.email, &c, &err);
    FUZZ_REQUIRE(TARGET, st == LP_OK, "a just-saved session does not load");
    FUZZ_REQUIRE(TARGET,
                 same(c.refresh_token, mine.refresh_token) && same(c.email, mine.email) &&
                     same(c.access_token, mine.access_token) &&
                     c.access_expires_at == mine.access_expires_at,
                 "loaded session differs from the one saved");
    lp_credentials_clear(&c);
    FUZZ_REQUIRE(TARGET, lp_file_store_remove(path, SERVER, NULL, &err) == LP_OK,
                 "removing the saved session failed");
    st = lp_file_store_load(path, SERVER, NULL, &c, &err);
    FUZZ_REQUIRE(TARGET, st == LP_ERR_AUTH, "a removed session still loads");
    lp_credentials_clear(&c);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    switch (data[0] % 3) {
    case 0:
        fuzz_session_json(data + 1, size - 1);
        break;
    case 1:
        fuzz_file(data + 1, size - 1, NULL);
        break;
    default:
        fuzz_file(data + 1, size - 1, "Fuzz@Example.test");
        break;
    }
    return 0;
}
