/* The ids of the last listing, kept for the shell completions in completions/. */
#ifndef LICPORTAL_CLI_ID_CACHE_H
#define LICPORTAL_CLI_ID_CACHE_H

#include <stdbool.h>
#include <stddef.h>

/* At most this many ids are kept: completion offers a handful, not a catalogue. */
#define CLI_ID_CACHE_MAX 1000

typedef struct cli_id_cache cli_id_cache;

/* A cache for the file ids/NAME ("licenses", "activations", "downloads").
 * NULL when out of memory; every other call accepts NULL. */
cli_id_cache *cli_id_cache_new(const char *name);
void cli_id_cache_free(cli_id_cache *cache);

/* Ids longer than this are left out of the cache. */
#define CLI_ID_MAX_LENGTH 128

/* Adds one id with an optional short description (NULL: none, else
 * sanitised). Only ids of the safe alphabet are kept: a letter or digit,
 * then letters, digits, '_', '.', '-', at most CLI_ID_MAX_LENGTH bytes; ids
 * after the first CLI_ID_CACHE_MAX are left out too. */
void cli_id_cache_add(cli_id_cache *cache, const char *id, const char *description);

/* Replaces ${XDG_CACHE_HOME:-~/.cache}/licportal/ids/NAME whole (a 0600
 * temporary file, then a rename): "id<TAB>description" lines. False when it
 * could not be written; a listing never fails for that. */
bool cli_id_cache_write(const cli_id_cache *cache);

#endif
