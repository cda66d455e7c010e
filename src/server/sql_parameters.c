/* :name to $n, for statements written once for SQLite and PostgreSQL. */
#include "server/sql_parameters.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_PARAMETERS 999

static bool name_start(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static bool name_char(char c)
{
    return name_start(c) || (c >= '0' && c <= '9');
}

static int find_name(const struct lpd_sql_parameters *params, const char *name, size_t len)
{
    for (int i = 0; i < params->count; i++) {
        if (strncmp(params->names[i], name, len) == 0 && params->names[i][len] == '\0')
            return i;
    }
    return -1;
}

static int add_name(struct lpd_sql_parameters *params, const char *name, size_t len)
{
    if (params->count >= MAX_PARAMETERS)
        return -1;
    char **names = realloc(params->names, (size_t)(params->count + 1) * sizeof *names);
    if (names == NULL)
        return -1;
    params->names = names;
    params->names[params->count] = strndup(name, len);
    return params->names[params->count] != NULL ? params->count++ : -1;
}

/* The length of what starts at `p` and is copied as it is: a quoted text or
 * identifier (a doubled quote inside is two quoted pieces in a row), a line
 * comment, a `::` cast; 0 for anything else. */
static size_t verbatim_length(const char *p)
{
    if (*p == '\'' || *p == '"') {
        const char *end = strchr(p + 1, *p);
        return end != NULL ? (size_t)(end - p) + 1 : strlen(p);
    }
    if (p[0] == '-' && p[1] == '-') {
        const char *end = strchr(p, '\n');
        return end != NULL ? (size_t)(end - p) : strlen(p);
    }
    if (p[0] == ':' && p[1] == ':')
        return 2;
    return 0;
}

bool lpd_sql_number_parameters(const char *sql, struct lpd_sql_parameters *out)
{
    *out = (struct lpd_sql_parameters){0};
    /* "$n" with n <= 999 is at most twice as long as the shortest ":x". */
    size_t size = strlen(sql) * 2 + 1;
    out->sql = malloc(size);
    if (out->sql == NULL)
        return false;
    size_t o = 0;
    for (const char *p = sql; *p;) {
        size_t copy = verbatim_length(p);
        if (copy > 0) {
            memcpy(out->sql + o, p, copy);
            o += copy;
            p += copy;
        } else if (p[0] == ':' && name_start(p[1])) {
            size_t len = 2;
            while (name_char(p[len]))
                len++;
            int index = find_name(out, p, len);
            if (index < 0)
                index = add_name(out, p, len);
            if (index < 0) {
                lpd_sql_parameters_free(out);
                return false;
            }
            o += (size_t)snprintf(out->sql + o, size - o, "$%d", index + 1);
            p += len;
        } else {
            out->sql[o++] = *p++;
        }
    }
    out->sql[o] = '\0';
    return true;
}

void lpd_sql_parameters_free(struct lpd_sql_parameters *params)
{
    for (int i = 0; i < params->count; i++)
        free(params->names[i]);
    free(params->names);
    free(params->sql);
    *params = (struct lpd_sql_parameters){0};
}

int lpd_sql_parameter_index(const struct lpd_sql_parameters *params, const char *name)
{
    return find_name(params, name, strlen(name));
}
