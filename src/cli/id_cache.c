/* Writes the id files the shell completions read: whole or not at all, never a secret. */
#include "cli/id_cache.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "licportal/config.h"
#include "licportal/private_file.h"
#include "licportal/sanitize.h"

/* Descriptions are for a completion menu: a product or device name, cut short. */
#define DESCRIPTION_MAX 80

struct cli_id_cache {
    char *name;
    FILE *lines; /* a memory stream over `text` */
    char *text;
    size_t len;
    size_t ids;
};

cli_id_cache *cli_id_cache_new(const char *name)
{
    cli_id_cache *cache = calloc(1, sizeof *cache);
    if (cache == NULL) {
        return NULL;
    }
    cache->name = strdup(name);
    cache->lines = open_memstream(&cache->text, &cache->len);
    if (cache->name == NULL || cache->lines == NULL) {
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
    if (cache->lines != NULL) {
        fclose(cache->lines);
    }
    free(cache->text);
    free(cache->name);
    free(cache);
}

static bool usable_id(const char *raw, const char *safe)
{
    /* The sanitiser turns controls into spaces: any change means the id was not plain. */
    return safe[0] != '\0' && safe[0] != '#' && strcmp(raw, safe) == 0
           && strpbrk(safe, " \t\r\n") == NULL;
}

void cli_id_cache_add(cli_id_cache *cache, const char *id, const char *description)
{
    if (cache == NULL || id == NULL || cache->ids >= CLI_ID_CACHE_MAX) {
        return;
    }
    char safe_id[256];
    lp_sanitize_into(id, safe_id, sizeof safe_id);
    if (!usable_id(id, safe_id)) {
        return;
    }
    char safe_description[DESCRIPTION_MAX + 1] = "";
    if (description != NULL) {
        lp_sanitize_into(description, safe_description, sizeof safe_description);
    }
    if (safe_description[0] != '\0') {
        fprintf(cache->lines, "%s\t%s\n", safe_id, safe_description);
    } else {
        fprintf(cache->lines, "%s\n", safe_id);
    }
    cache->ids++;
}

bool cli_id_cache_write(const cli_id_cache *cache)
{
    if (cache == NULL || fflush(cache->lines) != 0) {
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
           lp_private_write_atomic(target, cache->text, cache->len, &err) == LP_OK;
}
