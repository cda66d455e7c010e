/* Rows marked with Space in a list, by id, with the words that name them in a confirmation. */
#include "tui/marks.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool tui_marks_has(const tui_marks *marks, const char *id)
{
    for (size_t i = 0; id && i < marks->count; i++)
        if (strcmp(marks->items[i].id, id) == 0)
            return true;
    return false;
}

bool tui_marks_add(tui_marks *marks, const char *id, const char *label, const char *group)
{
    if (!id || tui_marks_has(marks, id))
        return id != NULL;
    tui_mark *grown = realloc(marks->items, (marks->count + 1) * sizeof *grown);
    if (!grown)
        return false;
    marks->items = grown;
    tui_mark *m = &grown[marks->count];
    m->id = strdup(id);
    m->label = strdup(label ? label : "");
    m->group = strdup(group ? group : "");
    if (!m->id || !m->label || !m->group) {
        free(m->id);
        free(m->label);
        free(m->group);
        return false;
    }
    marks->count++;
    return true;
}

static void free_mark(tui_mark *m)
{
    free(m->id);
    free(m->label);
    free(m->group);
}

void tui_marks_remove(tui_marks *marks, const char *id)
{
    for (size_t i = 0; i < marks->count; i++) {
        if (strcmp(marks->items[i].id, id) != 0)
            continue;
        free_mark(&marks->items[i]);
        memmove(&marks->items[i], &marks->items[i + 1],
                (marks->count - i - 1) * sizeof marks->items[0]);
        marks->count--;
        return;
    }
}

void tui_marks_clear(tui_marks *marks)
{
    for (size_t i = 0; i < marks->count; i++)
        free_mark(&marks->items[i]);
    free(marks->items);
    marks->items = NULL;
    marks->count = 0;
}

size_t tui_marks_groups(const tui_marks *marks, char *out, size_t size)
{
    size_t groups = 0, len = 0;
    if (size > 0)
        out[0] = '\0';
    for (size_t i = 0; i < marks->count; i++) {
        const char *g = marks->items[i].group;
        bool seen = false;
        for (size_t k = 0; k < i && !seen; k++)
            seen = strcmp(marks->items[k].group, g) == 0;
        if (seen || !g[0])
            continue;
        groups++;
        if (len < size)
            len += (size_t)snprintf(out + len, size - len, "%s%s", groups > 1 ? ", " : "", g);
    }
    return groups;
}
