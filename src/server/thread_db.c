/* Thread-local database connections: SQLite connections are not shared between threads here. */
#include "server/thread_db.h"

#include <pthread.h>
#include <stdio.h>

static pthread_key_t db_key;
static const char *configured_path;

static void close_connection(void *db)
{
    lp_db_free(db);
}

bool lp_thread_db_setup(const char *db_path)
{
    configured_path = db_path;
    return pthread_key_create(&db_key, close_connection) == 0;
}

struct lp_db *lp_thread_db(void)
{
    struct lp_db *db = pthread_getspecific(db_key);
    if (db != NULL)
        return db;
    char err[512];
    db = lp_db_open(configured_path, err, sizeof err);
    if (db == NULL) {
        fprintf(stderr, "licportald: %s\n", err);
        return NULL;
    }
    pthread_setspecific(db_key, db);
    return db;
}
