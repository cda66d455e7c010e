/* Composes a query from fixed fragments; values are always bound, never pasted in. */
#ifndef LP_SERVER_SQL_BUILDER_H
#define LP_SERVER_SQL_BUILDER_H

#include <stdbool.h>
#include <stddef.h>

#define LP_SQL_MAX 2048

struct lpd_sql {
    char text[LP_SQL_MAX];
    size_t len;
    bool overflow;
};

void lpd_sql_init(struct lpd_sql *sql);

/* Appends the concatenation of the NULL-terminated fragment list. */
void lpd_sql_add(struct lpd_sql *sql, ...);

#endif
