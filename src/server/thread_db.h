/* One SQLite connection per server thread, opened on first use and closed when the thread ends. */
#ifndef LP_SERVER_THREAD_DB_H
#define LP_SERVER_THREAD_DB_H

#include <stdbool.h>

#include "server/db.h"

/* Must be called once, before any server thread runs. */
bool lpd_thread_db_setup(const char *db_path);

/* The calling thread's connection; NULL when it cannot be opened. */
struct lpd_db *lpd_thread_db(void);

#endif
