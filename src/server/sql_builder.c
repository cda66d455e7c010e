/* Fragment concatenation with overflow detection. */
#include "server/sql_builder.h"

#include <stdarg.h>
#include <string.h>

void lpd_sql_init(struct lpd_sql *sql)
{
    sql->text[0] = '\0';
    sql->len = 0;
    sql->overflow = false;
}

void lpd_sql_add(struct lpd_sql *sql, ...)
{
    va_list ap;
    va_start(ap, sql);
    const char *part;
    while ((part = va_arg(ap, const char *)) != NULL) {
        size_t n = strlen(part);
        if (sql->len + n >= LP_SQL_MAX) {
            sql->overflow = true;
            break;
        }
        memcpy(sql->text + sql->len, part, n + 1);
        sql->len += n;
    }
    va_end(ap);
}
