/* Rows marked with Space in a list, by id, with the words that name them in a confirmation. */
#ifndef LICPORTAL_TUI_MARKS_H
#define LICPORTAL_TUI_MARKS_H

#include <stdbool.h>
#include <stddef.h>

typedef struct tui_mark {
    char *id;
    char *label; /* the row in words ("build-01") */
    char *group; /* what it belongs to ("…7F3A", its license), or "" */
} tui_mark;

typedef struct tui_marks {
    tui_mark *items;
    size_t count;
} tui_marks;

bool tui_marks_has(const tui_marks *marks, const char *id);
/* Marks `id` (false when out of memory). */
bool tui_marks_add(tui_marks *marks, const char *id, const char *label, const char *group);
void tui_marks_remove(tui_marks *marks, const char *id);
void tui_marks_clear(tui_marks *marks);
/* How many different groups the marks belong to, and their names joined
 * with ", " into `out` (cut to `size`). */
size_t tui_marks_groups(const tui_marks *marks, char *out, size_t size);

#endif
