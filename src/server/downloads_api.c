/* GET /downloads, /downloads/{id}, /downloads/{id}/file: releases of products the user holds an active license for. */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "server/api_handlers.h"
#include "server/byte_range.h"
#include "server/etag.h"
#include "server/license_json.h"
#include "server/object_id.h"
#include "server/pagination.h"
#include "server/release_fields.h"
#include "server/response.h"
#include "server/sql_builder.h"

#include "server/sort_order.h"

static const struct lpd_sort_order orders[] = {
    {"-released_at", "rel:-released_at", "r.released_at", true, false},
    {"released_at", "rel:released_at", "r.released_at", false, false},
    {"product", "rel:product", "p.name", false, true},
    {"-product", "rel:-product", "p.name", true, true},
};
#define RELEASE_COLUMNS                                                                                          \
    "r.id, r.product_id, p.name, r.version, r.channel, r.platform, r.arch, r.filename, r.size_bytes, r.sha256, " \
    "r.released_at, r.release_notes, r.path"
/* Entitlement: an active, unexpired license of the product. The EXISTS stops
 * at the first such license found through licenses_by_product. */
#define ENTITLED                                                                               \
    "EXISTS (SELECT 1 FROM licenses l WHERE l.user_id = :user AND l.product_id = r.product_id" \
    " AND l.status = 'active' AND (l.expires_at IS NULL OR l.expires_at >= :now))"

static cJSON *download_json(struct lpd_stmt *st)
{
    cJSON *item = cJSON_CreateObject();
    char id[LP_ID_LEN];
    lpd_object_id_format(LP_ID_RELEASE, lpd_col_int(st, 0, 0), id);
    cJSON_AddStringToObject(item, "id", id);
    cJSON *product = cJSON_AddObjectToObject(item, "product");
    cJSON_AddStringToObject(product, "id", lpd_col_text(st, 1));
    cJSON_AddStringToObject(product, "name", lpd_col_text(st, 2));
    cJSON_AddStringToObject(item, "version", lpd_col_text(st, 3));
    cJSON_AddStringToObject(item, "channel", lpd_col_text(st, 4));
    cJSON_AddStringToObject(item, "platform", lpd_col_text(st, 5));
    cJSON_AddStringToObject(item, "arch", lpd_col_text(st, 6));
    cJSON_AddStringToObject(item, "filename", lpd_col_text(st, 7));
    cJSON_AddNumberToObject(item, "size_bytes", (double)lpd_col_int(st, 8, 0));
    cJSON_AddStringToObject(item, "sha256", lpd_col_text(st, 9));
    lpd_json_add_time(item, "released_at", lpd_col_int(st, 10, 0));
    lpd_json_add_string_or_null(item, "release_notes", lpd_col_text(st, 11));
    return item;
}

enum MHD_Result lpd_api_download_list(struct lpd_request *req)
{
    const char *product = lpd_request_query(req, "product");
    const char *channel = lpd_request_query(req, "channel");
    const char *platform = lpd_request_query(req, "platform");
    if (channel != NULL && !lpd_release_value_allowed(channel, lpd_release_channels))
        return lpd_reply_error(req, MHD_HTTP_BAD_REQUEST, LP_CODE_INVALID_REQUEST, "channel must be stable or beta");
    if (platform != NULL && !lpd_release_value_allowed(platform, lpd_release_platforms))
        return lpd_reply_error(req, MHD_HTTP_BAD_REQUEST, LP_CODE_INVALID_REQUEST,
                               "platform must be one of linux, windows, macos, any");
    const char *q_text = lpd_request_query(req, "q");
    char q[256] = "";
    if (q_text != NULL && !lpd_lowercase_query(q_text, q, sizeof q))
        return lpd_reply_error(req, MHD_HTTP_BAD_REQUEST, LP_CODE_INVALID_REQUEST, "q is too long");
    const struct lpd_sort_order *order = lpd_sort_order_pick(req, orders, sizeof orders / sizeof orders[0],
                                                             &lp_download_sort_keys, lpd_request_query(req, "sort"));
    if (order == NULL)
        return MHD_YES;
    int limit;
    struct lpd_cursor after;
    bool has_cursor;
    if (!lpd_page_params(req, order->scope, &limit, &after, &has_cursor))
        return MHD_YES;
    struct lpd_sql where;
    lpd_sql_init(&where);
    lpd_sql_add(&where, " WHERE " ENTITLED, NULL);
    if (product != NULL)
        lpd_sql_add(&where, " AND r.product_id = :product", NULL);
    if (channel != NULL)
        lpd_sql_add(&where, " AND r.channel = :channel", NULL);
    if (platform != NULL)
        lpd_sql_add(&where, " AND r.platform = :platform", NULL);
    if (q_text != NULL)
        lpd_sql_add(&where,
                    " AND (instr(lower(p.name), :q) > 0 OR instr(lower(r.version), :q) > 0"
                    " OR instr(lower(r.filename), :q) > 0)",
                    NULL);

    struct lpd_sql sql;
    lpd_sql_init(&sql);
    lpd_sql_add(&sql, "SELECT " RELEASE_COLUMNS ", ", order->expr,
                " FROM releases r JOIN products p ON p.id = r.product_id", where.text, NULL);
    enum MHD_Result reply;
    struct lpd_stmt *st = lpd_sort_order_prepare(req, &sql, order, "r.id", has_cursor ? &after : NULL, &reply);
    if (st == NULL)
        return reply;
    lpd_bind_int(st, ":user", req->user_id);
    lpd_bind_int(st, ":now", req->now);
    lpd_bind_text(st, ":product", product);
    lpd_bind_text(st, ":channel", channel);
    lpd_bind_text(st, ":platform", platform);
    lpd_bind_text(st, ":q", q);
    lpd_bind_int(st, ":limit", limit + 1);
    char *next = NULL;
    cJSON *items = lpd_page_rows(st, limit, 13, download_json, order->scope, req->server->cursor_key, &next);
    lpd_sql_init(&sql);
    lpd_sql_add(&sql, "SELECT COUNT(*) FROM releases r JOIN products p ON p.id = r.product_id", where.text, NULL);
    int64_t total = 0;
    if ((st = lpd_db_prepare(req->db, sql.text)) != NULL) {
        lpd_bind_int(st, ":user", req->user_id);
        lpd_bind_int(st, ":now", req->now);
        lpd_bind_text(st, ":product", product);
        lpd_bind_text(st, ":channel", channel);
        lpd_bind_text(st, ":platform", platform);
        lpd_bind_text(st, ":q", q);
        if (lpd_step(st) == LPD_ROW)
            total = lpd_col_int(st, 0, 0);
    }
    lpd_stmt_free(st);
    return lpd_reply_json(req, MHD_HTTP_OK, lpd_page_body(items, next, total));
}

/* Looks up release `row` with the user's entitlement in the last column.
 * Returns the statement positioned on the row, or NULL when there is none. */
static struct lpd_stmt *find_release(struct lpd_request *req, int64_t row)
{
    static const char *const sql = "SELECT " RELEASE_COLUMNS ", " ENTITLED " FROM releases r "
                                   "JOIN products p ON p.id = r.product_id WHERE r.id = :id";
    struct lpd_stmt *st = lpd_db_stmt(req->db, sql);
    if (st == NULL)
        return NULL;
    lpd_bind_int(st, ":user", req->user_id);
    lpd_bind_int(st, ":now", req->now);
    lpd_bind_int(st, ":id", row);
    if (lpd_step(st) != LPD_ROW) {
        lpd_stmt_reset(st);
        return NULL;
    }
    return st;
}

enum MHD_Result lpd_api_download_get(struct lpd_request *req)
{
    int64_t row;
    struct lpd_stmt *st = lpd_object_id_parse(LP_ID_RELEASE, req->path_id, &row) ? find_release(req, row) : NULL;
    if (st == NULL || (int)lpd_col_int(st, 13, 0) == 0) {
        if (st != NULL)
            lpd_stmt_reset(st);
        return lpd_reply_error(req, MHD_HTTP_NOT_FOUND, LP_CODE_NOT_FOUND, "no such download");
    }
    cJSON *body = download_json(st);
    lpd_stmt_reset(st);
    return lpd_reply_json(req, MHD_HTTP_OK, body);
}

struct file_facts {
    char path[4096];
    char filename[256];
    char sha256_hex[65];
};

enum MHD_Result lpd_api_download_file(struct lpd_request *req)
{
    int64_t row;
    struct lpd_stmt *st = lpd_object_id_parse(LP_ID_RELEASE, req->path_id, &row) ? find_release(req, row) : NULL;
    if (st == NULL)
        return lpd_reply_error(req, MHD_HTTP_NOT_FOUND, LP_CODE_NOT_FOUND, "no such download");
    bool entitled = (int)lpd_col_int(st, 13, 0) != 0;
    struct file_facts facts;
    int n = snprintf(facts.path, sizeof facts.path, "%s/%s", req->server->files_dir, lpd_col_text(st, 12));
    snprintf(facts.filename, sizeof facts.filename, "%s", lpd_col_text(st, 7));
    snprintf(facts.sha256_hex, sizeof facts.sha256_hex, "%s", lpd_col_text(st, 9));
    lpd_stmt_reset(st);
    if (!entitled)
        return lpd_reply_error(req, MHD_HTTP_FORBIDDEN, LP_CODE_FORBIDDEN,
                               "no active license entitles you to this download");
    if (n < 0 || (size_t)n >= sizeof facts.path)
        return lpd_reply_internal(req);

    int fd = open(facts.path, O_RDONLY | O_CLOEXEC);
    struct stat info;
    if (fd < 0 || fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
        fprintf(stderr, "licportald: cannot open release file %s: %s\n", facts.path, strerror(errno));
        if (fd >= 0)
            close(fd);
        return lpd_reply_error(req, MHD_HTTP_SERVICE_UNAVAILABLE, LP_CODE_UNAVAILABLE, "the file is not available");
    }
    uint64_t size = (uint64_t)info.st_size;
    char etag[72];
    snprintf(etag, sizeof etag, "\"%s\"", facts.sha256_hex);
    unsigned char digest[32];
    char digest_b64[64], repr_digest[80];
    if (sodium_hex2bin(digest, sizeof digest, facts.sha256_hex, strlen(facts.sha256_hex), NULL, NULL, NULL) != 0) {
        close(fd);
        return lpd_reply_internal(req);
    }
    sodium_bin2base64(digest_b64, sizeof digest_b64, digest, sizeof digest, sodium_base64_VARIANT_ORIGINAL);
    snprintf(repr_digest, sizeof repr_digest, "sha-256=:%s:", digest_b64);

    if (lpd_etag_matches(lpd_request_header(req, "If-None-Match"), etag)) {
        close(fd);
        struct MHD_Response *empty = MHD_create_response_from_buffer(0, NULL, MHD_RESPMEM_PERSISTENT);
        MHD_add_response_header(empty, "ETag", etag);
        return lpd_reply(req, MHD_HTTP_NOT_MODIFIED, empty);
    }
    uint64_t first = 0, last = size == 0 ? 0 : size - 1;
    enum lpd_range_result range = lpd_byte_range_parse(lpd_request_header(req, "Range"), size, &first, &last);
    char content_range[96];
    if (range == LP_RANGE_UNSATISFIABLE) {
        close(fd);
        cJSON *body = cJSON_CreateObject();
        cJSON *error = cJSON_AddObjectToObject(body, "error");
        cJSON_AddStringToObject(error, "code", LP_CODE_INVALID_REQUEST);
        cJSON_AddStringToObject(error, "message", "the requested range starts past the end of the file");
        cJSON_AddStringToObject(error, "request_id", req->request_id);
        char *text = cJSON_PrintUnformatted(body);
        cJSON_Delete(body);
        if (text == NULL)
            return lpd_reply_internal(req);
        struct MHD_Response *response = MHD_create_response_from_buffer(strlen(text), text, MHD_RESPMEM_MUST_FREE);
        snprintf(content_range, sizeof content_range, "bytes */%" PRIu64, size);
        MHD_add_response_header(response, "Content-Range", content_range);
        MHD_add_response_header(response, "Content-Type", "application/json");
        return lpd_reply(req, MHD_HTTP_RANGE_NOT_SATISFIABLE, response);
    }
    uint64_t length = range == LP_RANGE_PARTIAL ? last - first + 1 : size;
    if (range != LP_RANGE_PARTIAL)
        first = 0;
    /* libmicrohttpd reads the file in chunks as the socket drains: large
     * files never sit in memory. The response owns and closes `fd`. */
    struct MHD_Response *response = MHD_create_response_from_fd_at_offset64(length, fd, first);
    if (response == NULL) {
        close(fd);
        return lpd_reply_internal(req);
    }
    char disposition[320];
    snprintf(disposition, sizeof disposition, "attachment; filename=\"%s\"", facts.filename);
    MHD_add_response_header(response, "Content-Type", "application/octet-stream");
    MHD_add_response_header(response, "Accept-Ranges", "bytes");
    MHD_add_response_header(response, "ETag", etag);
    MHD_add_response_header(response, "Repr-Digest", repr_digest);
    MHD_add_response_header(response, "Content-Disposition", disposition);
    if (range == LP_RANGE_PARTIAL) {
        snprintf(content_range, sizeof content_range, "bytes %" PRIu64 "-%" PRIu64 "/%" PRIu64, first, last, size);
        MHD_add_response_header(response, "Content-Range", content_range);
        return lpd_reply(req, MHD_HTTP_PARTIAL_CONTENT, response);
    }
    return lpd_reply(req, MHD_HTTP_OK, response);
}
