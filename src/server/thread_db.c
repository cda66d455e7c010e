/* Thread-local database connections: SQLite connections are not shared between threads here. */
#include "server/thread_db.h"

#include <pthread.h>
#include <stdio.h>

static pthread_key_t db_key;
static const char *configured_path;

static void close_connection(void *db)
{
    lpd_db_free(db);
}

bool lpd_thread_db_setup(const char *db_path)
{
    configured_path = db_path;
    return pthread_key_create(&db_key, close_connection) == 0;
}

struct lpd_db *lpd_thread_db(void)
{
    struct lpd_db *db = pthread_getspecific(db_key);
    if (db != NULL)
        return db;
    char err[512];
    db = lpd_db_open(configured_path, err, sizeof err);
    if (db == NULL) {
        fprintf(stderr, "licportald: %s\n", err);
        return NULL;
    }
    pthread_setspecific(db_key, db);
    return db;
}
