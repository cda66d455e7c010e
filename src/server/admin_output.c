/* Tab-separated rows and one-line JSON for the administration listings. */
#include "server/admin_output.h"

#include <stdlib.h>
#include <string.h>

#include "licportal/utf8.h"
#include "server/cli_support.h"
#include "server/exit_codes.h"
#include "server/license_json.h"
#include "server/object_id.h"

/* A field as it is, but for controls (C0, DEL, C1) and ill-formed UTF-8, shown as '?'. */
static void print_field(FILE *out, const char *field)
{
    if (field == NULL) {
        fputc('-', out);
        return;
    }
    size_t len = strlen(field);
    for (size_t at = 0; at < len;) {
        uint32_t cp;
        size_t n = lp_utf8_decode((const unsigned char *)field + at, len - at, &cp);
        bool control = cp == LP_UTF8_INVALID || cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
        if (control)
            fputc('?', out);
        else
            fwrite(field + at, 1, n, out);
        at += n;
    }
}

void lpd_admin_print_row(FILE *out, const char *const *fields, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        if (i > 0)
            fputc('\t', out);
        print_field(out, fields[i]);
    }
    fputc('\n', out);
}

bool lpd_admin_print_json(FILE *out, cJSON *json)
{
    char *text = json != NULL ? cJSON_PrintUnformatted(json) : NULL;
    cJSON_Delete(json);
    if (text == NULL)
        return false;
    fputs(text, out);
    fputc('\n', out);
    free(text);
    return true;
}

const char *lpd_admin_time_text(lp_time t, char out[LP_TIMESTAMP_LEN])
{
    if (t == LP_TIME_NONE || !lp_timestamp_format(t, out))
        snprintf(out, LP_TIMESTAMP_LEN, "never");
    return out;
}

/* Column `i` of the current row as text for a tab-separated line. */
static const char *column_text(struct lpd_stmt *st, int i, const struct lpd_admin_column *column, char *buffer,
                               size_t size)
{
    bool null = lpd_col_is_null(st, i);
    int64_t value = lpd_col_int(st, i, 0);
    switch (column->kind) {
    case LP_ADMIN_TEXT:
    case LP_ADMIN_JSON:
        return lpd_col_text(st, i);
    case LP_ADMIN_INT:
        if (null)
            return NULL;
        snprintf(buffer, size, "%lld", (long long)value);
        return buffer;
    case LP_ADMIN_SEATS:
        if (null)
            return "unlimited";
        snprintf(buffer, size, "%lld", (long long)value);
        return buffer;
    case LP_ADMIN_TIME:
    case LP_ADMIN_EXPIRY:
        if (null)
            return column->kind == LP_ADMIN_EXPIRY ? "never" : NULL;
        return lpd_admin_time_text(value, buffer);
    case LP_ADMIN_BOOL:
        return value != 0 ? "yes" : "no";
    case LP_ADMIN_ID:
        lpd_object_id_format(column->id_prefix, value, buffer);
        return buffer;
    }
    return NULL;
}

static void add_json_column(cJSON *object, struct lpd_stmt *st, int i, const struct lpd_admin_column *column)
{
    bool null = lpd_col_is_null(st, i);
    int64_t value = lpd_col_int(st, i, 0);
    char id[LP_ID_LEN];
    switch (column->kind) {
    case LP_ADMIN_TEXT:
        lpd_json_add_string_or_null(object, column->json_name, lpd_col_text(st, i));
        return;
    case LP_ADMIN_JSON: {
        cJSON *parsed = null ? NULL : cJSON_Parse(lpd_col_text(st, i));
        cJSON_AddItemToObject(object, column->json_name, parsed != NULL ? parsed : cJSON_CreateNull());
        return;
    }
    case LP_ADMIN_INT:
    case LP_ADMIN_SEATS:
        if (null)
            cJSON_AddNullToObject(object, column->json_name);
        else
            cJSON_AddNumberToObject(object, column->json_name, (double)value);
        return;
    case LP_ADMIN_TIME:
    case LP_ADMIN_EXPIRY:
        lpd_json_add_time(object, column->json_name, null ? LP_TIME_NONE : value);
        return;
    case LP_ADMIN_BOOL:
        cJSON_AddBoolToObject(object, column->json_name, value != 0);
        return;
    case LP_ADMIN_ID:
        lpd_object_id_format(column->id_prefix, value, id);
        cJSON_AddStringToObject(object, column->json_name, id);
        return;
    }
}

#define LIST_COLUMNS_MAX 16

cJSON *lpd_admin_row_json(struct lpd_stmt *st, const struct lpd_admin_column *columns, size_t count)
{
    cJSON *object = cJSON_CreateObject();
    for (size_t i = 0; object != NULL && i < count; i++)
        add_json_column(object, st, (int)i, &columns[i]);
    return object;
}

int lpd_admin_list(struct lpd_db *db, struct lpd_stmt *st, const struct lpd_admin_column *columns, size_t count,
                   bool json)
{
    if (count > LIST_COLUMNS_MAX)
        count = LIST_COLUMNS_MAX;
    cJSON *items = json ? cJSON_CreateArray() : NULL;
    if (!json) {
        const char *header[LIST_COLUMNS_MAX];
        for (size_t i = 0; i < count; i++)
            header[i] = columns[i].header;
        lpd_admin_print_row(stdout, header, count);
    }
    int rc;
    while ((rc = lpd_step(st)) == LPD_ROW) {
        if (json) {
            cJSON_AddItemToArray(items, lpd_admin_row_json(st, columns, count));
            continue;
        }
        const char *fields[LIST_COLUMNS_MAX];
        char buffers[LIST_COLUMNS_MAX][LP_ID_LEN];
        for (size_t i = 0; i < count; i++)
            fields[i] = column_text(st, (int)i, &columns[i], buffers[i], sizeof buffers[i]);
        lpd_admin_print_row(stdout, fields, count);
    }
    lpd_stmt_reset(st);
    if (rc != LPD_DONE) {
        cJSON_Delete(items);
        return lpd_cli_error("database error: %s", lpd_db_errmsg(db));
    }
    if (json && !lpd_admin_print_json(stdout, items))
        return lpd_cli_error("out of memory");
    return LP_EXIT_OK;
}
