/* Sanitising a row's cells once, when its data arrives. */
#include "tui/clean_row.h"

#include <stdlib.h>
#include <string.h>

#include "licportal/sanitize.h"

static void drop_cell(tui_clean_row *row, int column)
{
    if (!(row->in_block & (1u << column)))
        free(row->cells[column]);
    row->in_block &= ~(1u << column);
    row->cells[column] = NULL;
}

bool tui_clean_row_set(tui_clean_row *row, int column, const char *server_text, tui_role role)
{
    if (column < 0 || column >= TUI_ROW_CELLS)
        return false;
    drop_cell(row, column);
    row->cells[column] = server_text ? lp_sanitize_str(server_text) : NULL;
    row->roles[column] = role;
    return !server_text || row->cells[column];
}

/* Text the sanitiser would keep byte for byte: printable ASCII and the two
 * marks the rows themselves put into cells, "\u2026" (a cut key) and
 * "\u221e" (unlimited seats). */
static bool already_clean(const char *text, size_t len)
{
    const unsigned char *s = (const unsigned char *)text;
    for (size_t i = 0; i < len; i++) {
        if (s[i] >= 0x20 && s[i] < 0x7F)
            continue;
        bool mark = s[i] == 0xE2 && i + 2 < len &&
                    ((s[i + 1] == 0x80 && s[i + 2] == 0xA6) ||
                     (s[i + 1] == 0x88 && s[i + 2] == 0x9E));
        if (!mark)
            return false;
        i += 2;
    }
    return true;
}

bool tui_clean_row_set_all(tui_clean_row *row, const char *const server_texts[],
                           const tui_role roles[], int count)
{
    tui_clean_row_clear(row);
    if (count < 0 || count > TUI_ROW_CELLS)
        return false;
    /* Clean text is measured here and copied as it is; only other text
     * goes through the sanitiser first. */
    char *cleaned[TUI_ROW_CELLS] = {NULL};
    size_t lengths[TUI_ROW_CELLS] = {0}, total = 0;
    bool ok = true;
    for (int i = 0; i < count && ok; i++) {
        if (!server_texts[i])
            continue;
        size_t len = strlen(server_texts[i]);
        if (!already_clean(server_texts[i], len)) {
            cleaned[i] = lp_sanitize(server_texts[i], len);
            ok = cleaned[i] != NULL;
            len = ok ? strlen(cleaned[i]) : 0;
        }
        lengths[i] = len;
        total += len + 1;
    }
    char *block = ok && total > 0 ? malloc(total) : NULL;
    ok = ok && (total == 0 || block);
    char *at = block;
    for (int i = 0; i < count && ok; i++) {
        row->roles[i] = roles[i];
        if (!server_texts[i])
            continue;
        memcpy(at, cleaned[i] ? cleaned[i] : server_texts[i], lengths[i]);
        at[lengths[i]] = '\0';
        row->cells[i] = at;
        row->in_block |= 1u << i;
        at += lengths[i] + 1;
    }
    for (int i = 0; i < count; i++)
        free(cleaned[i]);
    if (!ok) {
        free(block);
        return false;
    }
    row->block = block;
    return true;
}

const char *tui_clean_row_cell(const tui_clean_row *row, int column)
{
    if (column < 0 || column >= TUI_ROW_CELLS || !row->cells[column])
        return "";
    return row->cells[column];
}

void tui_clean_row_clear(tui_clean_row *row)
{
    if (!row)
        return;
    for (int i = 0; i < TUI_ROW_CELLS; i++)
        drop_cell(row, i);
    free(row->block);
    memset(row, 0, sizeof *row);
}
