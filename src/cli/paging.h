/* When to stop following a server's next_cursor: the rule every list walk shares. */
#ifndef LICPORTAL_CLI_PAGING_H
#define LICPORTAL_CLI_PAGING_H

#include <stddef.h>
#include <stdint.h>

typedef enum cli_paging_step {
    CLI_PAGING_MORE,   /* fetch the page the cursor names */
    CLI_PAGING_DONE,   /* the last page came */
    CLI_PAGING_BROKEN, /* the server's paging would never end; `why` says how */
} cli_paging_step;

/* The cursors seen so far and the items collected: zero-initialise, then
 * cli_paging_free. */
typedef struct cli_paging {
    char **seen;
    size_t seen_count;
    size_t seen_capacity;
    uint64_t collected;
    int64_t total;
    int pages;
} cli_paging;

/* After each page: `count` items came with `next_cursor` (NULL on the last)
 * and the server's `total`. A cursor the walk has already followed, an empty
 * page that names another, or more items than the largest total announced means a
 * loop: CLI_PAGING_BROKEN with the reason in `why` (a phrase, no server text).
 * Running out of memory to remember cursors is reported the same way. */
cli_paging_step cli_paging_next(cli_paging *paging, size_t count, const char *next_cursor,
                                int64_t total, const char **why);

void cli_paging_free(cli_paging *paging);

#endif
