/* Composes a query from fixed fragments; values are always bound, never pasted in. */
#ifndef LP_SERVER_SQL_BUILDER_H
#define LP_SERVER_SQL_BUILDER_H

#include <stdbool.h>
#include <stddef.h>

#define LP_SQL_MAX 2048

struct lp_sql {
    char text[LP_SQL_MAX];
    size_t len;
    bool overflow;
};

void lp_sql_init(struct lp_sql *sql);

/* Appends the concatenation of the NULL-terminated fragment list. */
void lp_sql_add(struct lp_sql *sql, ...);

#endif
