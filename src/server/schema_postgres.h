/* The schema in PostgreSQL's dialect: the same versions as the SQLite
 * migrations in schema.c, each version a NULL-terminated list of statements. */
#ifndef LP_SERVER_SCHEMA_POSTGRES_H
#define LP_SERVER_SCHEMA_POSTGRES_H

#include <stddef.h>

/* lpd_schema_postgres_migrations[v] brings version v to v + 1. */
extern const char *const *const lpd_schema_postgres_migrations[];
extern const size_t lpd_schema_postgres_migration_count;

/* Drop, then recreate, the triggers that keep the dashboard's counters
 * (see lpd_schema_suspend_counters); each a NULL-terminated list. */
extern const char *const lpd_schema_postgres_drop_counters[];
extern const char *const lpd_schema_postgres_create_counters[];

#endif
