/* GET /products: the products the user holds a license for, by name, with how many licenses of each. */
#include "server/api_handlers.h"
#include "server/pagination.h"
#include "server/response.h"

enum MHD_Result lpd_api_product_list(struct lpd_request *req)
{
    /* licenses.product_name copies products.name, so the index on (user_id, product_id) answers this. */
    static const char *const sql = "SELECT product_id, MAX(product_name), COUNT(*) FROM licenses WHERE user_id = :user "
                                   "GROUP BY product_id ORDER BY MAX(product_name) COLLATE NOCASE, product_id";
    struct lpd_stmt *st = lpd_db_stmt(req->db, sql);
    if (st == NULL)
        return lpd_reply_internal(req);
    lpd_bind_int(st, ":user", req->user_id);
    cJSON *items = cJSON_CreateArray();
    int64_t total = 0;
    int rc;
    while ((rc = lpd_step(st)) == LPD_ROW) {
        cJSON *item = cJSON_CreateObject();
        cJSON_AddStringToObject(item, "id", lpd_col_text(st, 0));
        cJSON_AddStringToObject(item, "name", lpd_col_text(st, 1));
        cJSON_AddNumberToObject(item, "licenses", (double)lpd_col_int(st, 2, 0));
        cJSON_AddItemToArray(items, item);
        total++;
    }
    lpd_stmt_reset(st);
    if (rc != LPD_DONE) {
        cJSON_Delete(items);
        return lpd_reply_internal(req);
    }
    return lpd_reply_json(req, MHD_HTTP_OK, lpd_page_body(items, NULL, total));
}
