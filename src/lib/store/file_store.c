/* The opt-in credentials file: refused when loose, replaced atomically, never world-readable. */
#include "lib/store/file_store.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lib/store/credentials_json.h"
#include "licportal/private_file.h"

/* A session file is small; anything bigger is not ours. */
#define MAX_FILE_BYTES (1024 * 1024)

static bool session_matches(const cJSON *session, const char *server, const char *email)
{
    const cJSON *s = cJSON_GetObjectItemCaseSensitive(session, "server");
    const cJSON *e = cJSON_GetObjectItemCaseSensitive(session, "email");
    if (!cJSON_IsString(s) || strcmp(s->valuestring, server) != 0) {
        return false;
    }
    if (email == NULL) {
        return true;
    }
    return cJSON_IsString(e) && strcasecmp(e->valuestring, email) == 0;
}

/* Reads the file into a cJSON document {"sessions": [...]}. A missing file
 * gives an empty document. */
static lp_status read_document(const char *path, cJSON **out, lp_error *err)
{
    *out = NULL;
    int fd;
    lp_error open_err;
    if (lp_private_open_regular(path, O_NOFOLLOW, &fd, &open_err) != LP_OK) {
        return lp_error_set(err, LP_ERR_STORE, "%s", open_err.message);
    }
    if (fd < 0) {
        *out = cJSON_CreateObject();
        if (*out == NULL || cJSON_AddArrayToObject(*out, "sessions") == NULL) {
            cJSON_Delete(*out);
            *out = NULL;
            return lp_error_set(err, LP_ERR_NOMEM, "out of memory");
        }
        return LP_OK;
    }
    struct stat st;
    if (fstat(fd, &st) != 0) {
        int saved = errno;
        close(fd);
        return lp_error_set(err, LP_ERR_STORE, "cannot examine %s: %s", path, strerror(saved));
    }
    if ((st.st_mode & 077) != 0) {
        close(fd);
        return lp_error_set(err, LP_ERR_STORE,
                            "permissions %04o for %s are too open: run chmod 600 %s",
                            (unsigned)(st.st_mode & 07777), path, path);
    }
    if (st.st_uid != geteuid()) {
        close(fd);
        return lp_error_set(err, LP_ERR_STORE, "%s belongs to another user", path);
    }
    if (st.st_size > MAX_FILE_BYTES) {
        close(fd);
        return lp_error_set(err, LP_ERR_STORE, "%s is too large to be a credentials file", path);
    }
    char *text = malloc((size_t)st.st_size + 1);
    if (text == NULL) {
        close(fd);
        return lp_error_set(err, LP_ERR_NOMEM, "out of memory");
    }
    size_t got = 0;
    while (got < (size_t)st.st_size) {
        ssize_t n = read(fd, text + got, (size_t)st.st_size - got);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            break;
        }
        got += (size_t)n;
    }
    close(fd);
    text[got] = '\0';
    cJSON *doc = cJSON_ParseWithLength(text, got);
    explicit_bzero(text, got);
    free(text);
    if (doc == NULL || !cJSON_IsArray(cJSON_GetObjectItemCaseSensitive(doc, "sessions"))) {
        cJSON_Delete(doc);
        return lp_error_set(err, LP_ERR_STORE, "%s is damaged: remove it and log in again", path);
    }
    *out = doc;
    return LP_OK;
}

lp_status lp_file_store_load(const char *path, const char *server, const char *email,
                             lp_credentials *out, lp_error *err)
{
    memset(out, 0, sizeof *out);
    out->access_expires_at = LP_TIME_NONE;
    cJSON *doc;
    lp_status status = read_document(path, &doc, err);
    if (status != LP_OK) {
        return status;
    }
    const cJSON *session;
    cJSON_ArrayForEach(session, cJSON_GetObjectItemCaseSensitive(doc, "sessions"))
    {
        if (session_matches(session, server, email)) {
            status = lp_credentials_from_object(session, out, err);
            cJSON_Delete(doc);
            return status;
        }
    }
    cJSON_Delete(doc);
    return lp_error_set(err, LP_ERR_AUTH, "no session stored for %s", server);
}

static lp_status make_parent(const char *path, lp_error *err)
{
    char *copy = strdup(path);
    if (copy == NULL) {
        return lp_error_set(err, LP_ERR_NOMEM, "out of memory");
    }
    /* Create each missing level with 0700: the folder itself should not leak names. */
    for (char *p = copy + 1; *p != '\0'; p++) {
        if (*p != '/') {
            continue;
        }
        *p = '\0';
        if (mkdir(copy, 0700) != 0 && errno != EEXIST) {
            lp_status status = lp_error_set(err, LP_ERR_STORE, "cannot create %s: %s", copy,
                                            strerror(errno));
            free(copy);
            return status;
        }
        *p = '/';
    }
    free(copy);
    return LP_OK;
}

static bool write_all(int fd, const char *data, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, data, len);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return false;
        }
        data += n;
        len -= (size_t)n;
    }
    return true;
}

static lp_status write_document(const char *path, const cJSON *doc, lp_error *err)
{
    lp_status status = make_parent(path, err);
    if (status != LP_OK) {
        return status;
    }
    size_t tmp_len = strlen(path) + sizeof ".XXXXXX";
    char *tmp = malloc(tmp_len);
    char *text = cJSON_Print(doc);
    if (tmp == NULL || text == NULL) {
        free(tmp);
        free(text);
        return lp_error_set(err, LP_ERR_NOMEM, "out of memory");
    }
    snprintf(tmp, tmp_len, "%s.XXXXXX", path);
    int fd = mkostemp(tmp, O_CLOEXEC);
    if (fd < 0) {
        status = lp_error_set(err, LP_ERR_STORE, "cannot create a file next to %s: %s", path,
                              strerror(errno));
        goto out;
    }
    size_t len = strlen(text);
    /* mkstemp gives 0600 already; fchmod makes it so whatever the umask did. */
    if (fchmod(fd, 0600) != 0 || !write_all(fd, text, len) || fsync(fd) != 0) {
        status = lp_error_set(err, LP_ERR_STORE, "cannot write %s: %s", tmp, strerror(errno));
        close(fd);
        unlink(tmp);
        goto out;
    }
    if (close(fd) != 0 || rename(tmp, path) != 0) {
        status = lp_error_set(err, LP_ERR_STORE, "cannot replace %s: %s", path, strerror(errno));
        unlink(tmp);
        goto out;
    }
    /* Make the rename itself durable. */
    char *dir_copy = strdup(path);
    if (dir_copy != NULL) {
        int dir_fd = open(dirname(dir_copy), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (dir_fd >= 0) {
            (void)fsync(dir_fd);
            close(dir_fd);
        }
        free(dir_copy);
    }
    status = LP_OK;
out:
    explicit_bzero(text, strlen(text));
    free(text);
    free(tmp);
    return status;
}

static void remove_matching(cJSON *sessions, const char *server, const char *email)
{
    cJSON *session = sessions->child;
    while (session != NULL) {
        cJSON *next = session->next;
        if (session_matches(session, server, email)) {
            cJSON_Delete(cJSON_DetachItemViaPointer(sessions, session));
        }
        session = next;
    }
}

lp_status lp_file_store_save(const char *path, const lp_credentials *creds, lp_error *err)
{
    if (creds == NULL || creds->server == NULL || creds->refresh_token == NULL) {
        return lp_error_set(err, LP_ERR_USAGE, "a session needs a server and a refresh token");
    }
    cJSON *doc;
    lp_status status = read_document(path, &doc, err);
    if (status != LP_OK) {
        return status;
    }
    cJSON *sessions = cJSON_GetObjectItemCaseSensitive(doc, "sessions");
    remove_matching(sessions, creds->server, creds->email != NULL ? creds->email : "");
    cJSON *session = lp_credentials_to_object(creds);
    if (session == NULL || !cJSON_AddItemToArray(sessions, session)) {
        cJSON_Delete(session);
        cJSON_Delete(doc);
        return lp_error_set(err, LP_ERR_NOMEM, "out of memory");
    }
    status = write_document(path, doc, err);
    cJSON_Delete(doc);
    return status;
}

lp_status lp_file_store_remove(const char *path, const char *server, const char *email,
                               lp_error *err)
{
    if (access(path, F_OK) != 0 && errno == ENOENT) {
        return LP_OK;
    }
    cJSON *doc;
    lp_status status = read_document(path, &doc, err);
    if (status != LP_OK) {
        return status;
    }
    remove_matching(cJSON_GetObjectItemCaseSensitive(doc, "sessions"), server, email);
    status = write_document(path, doc, err);
    cJSON_Delete(doc);
    return status;
}
