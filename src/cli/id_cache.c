/* Writes the id files the shell completions read: whole or not at all, never a secret. */
#include "cli/id_cache.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "licportal/buffer.h"
#include "licportal/config.h"
#include "licportal/private_file.h"
#include "licportal/sanitize.h"

/* Descriptions are for a completion menu: a product or device name, cut short. */
#define DESCRIPTION_MAX 80

struct cli_id_cache {
    char *name;
    lp_buffer lines;
    size_t ids;
};

cli_id_cache *cli_id_cache_new(const char *name)
{
    cli_id_cache *cache = calloc(1, sizeof *cache);
    if (cache == NULL) {
        return NULL;
    }
    cache->name = strdup(name);
    lp_buffer_init(&cache->lines, 0);
    if (cache->name == NULL) {
        cli_id_cache_free(cache);
        return NULL;
    }
    return cache;
}

void cli_id_cache_free(cli_id_cache *cache)
{
    if (cache == NULL) {
        return;
    }
    lp_buffer_free(&cache->lines, false);
    free(cache->name);
    free(cache);
}

/* Completion pastes an id into a command line: only ids of a safe alphabet
 * are kept, so none can carry shell syntax ("$(...)", quotes, globs, ';'). */
static bool usable_id(const char *id)
{
    size_t len = strlen(id);
    if (len == 0 || len > CLI_ID_MAX_LENGTH || !isalnum((unsigned char)id[0])) {
        return false;
    }
    return strspn(id, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-") == len;
}

void cli_id_cache_add(cli_id_cache *cache, const char *id, const char *description)
{
    if (cache == NULL || id == NULL || cache->ids >= CLI_ID_CACHE_MAX) {
        return;
    }
    if (!usable_id(id)) {
        return;
    }
    char safe_description[DESCRIPTION_MAX + 1] = "";
    if (description != NULL) {
        lp_sanitize_into(description, safe_description, sizeof safe_description);
    }
    if (safe_description[0] != '\0') {
        lp_buffer_printf(&cache->lines, "%s\t%s\n", id, safe_description);
    } else {
        lp_buffer_printf(&cache->lines, "%s\n", id);
    }
    cache->ids++;
}

bool cli_id_cache_write(const cli_id_cache *cache)
{
    if (cache == NULL || cache->lines.failed) {
        return false;
    }
    char *cache_dir = lp_xdg_dir("cache");
    if (cache_dir == NULL) {
        return false;
    }
    char dir[4096], target[4352];
    int n = snprintf(dir, sizeof dir, "%s/ids", cache_dir);
    free(cache_dir);
    if (n < 0 || (size_t)n >= sizeof dir) {
        return false;
    }
    snprintf(target, sizeof target, "%s/%s", dir, cache->name);
    lp_error err;
    lp_error_clear(&err);
    return lp_private_mkdirs(dir, &err) == LP_OK &&
           lp_private_write_atomic(target, lp_buffer_text(&cache->lines), cache->lines.len, &err) ==
               LP_OK;
}
