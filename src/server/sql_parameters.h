/* Named statement parameters (`:name`, as SQLite takes them) turned into
 * PostgreSQL's positional ones ($1, $2...), one number per distinct name. */
#ifndef LP_SERVER_SQL_PARAMETERS_H
#define LP_SERVER_SQL_PARAMETERS_H

#include <stdbool.h>

struct lpd_sql_parameters {
    char *sql;    /* the statement with $n in place of each :name */
    char **names; /* names[i] (with its ':') is $(i + 1) */
    int count;
};

/* Numbers the parameters of `sql`, leaving string literals, quoted
 * identifiers, comments and `::` casts alone. False when out of memory or
 * given more than 999 names; `out` then holds nothing to free. */
bool lpd_sql_number_parameters(const char *sql, struct lpd_sql_parameters *out);
void lpd_sql_parameters_free(struct lpd_sql_parameters *params);

/* The index (from 0) of `name` (with its ':'), or -1 when the statement does
 * not use it. */
int lpd_sql_parameter_index(const struct lpd_sql_parameters *params, const char *name);

#endif
