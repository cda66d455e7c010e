/* Encoding text as a QR matrix with libqrencode, with the quiet zone scanners need. */
#include "tui/qr.h"

#include <stdlib.h>
#include <string.h>

#define QUIET_ZONE 2

bool tui_qr_encode_with(const tui_qr_library *lib, const char *text, tui_qr *out)
{
    memset(out, 0, sizeof *out);
#ifdef LP_HAVE_QRENCODE
    if (!lib || !text || !*text)
        return false;
    QRcode *code = lib->encode_string_8bit(text, 0, QR_ECLEVEL_M);
    if (!code)
        return false;
    int size = code->width + 2 * QUIET_ZONE;
    out->dark = calloc((size_t)size * (size_t)size, 1);
    if (!out->dark) {
        lib->free_code(code);
        return false;
    }
    out->size = size;
    for (int y = 0; y < code->width; y++)
        for (int x = 0; x < code->width; x++)
            out->dark[(y + QUIET_ZONE) * size + x + QUIET_ZONE] = code->data[y * code->width + x] &
                                                                  1;
    lib->free_code(code);
    return true;
#else
    (void)lib;
    (void)text;
    return false;
#endif
}

bool tui_qr_encode(const char *text, tui_qr *out)
{
    /* An empty text is refused before the library is loaded for nothing. */
    if (!text || !*text) {
        memset(out, 0, sizeof *out);
        return false;
    }
    return tui_qr_encode_with(tui_qr_library_default(), text, out);
}

void tui_qr_clear(tui_qr *qr)
{
    if (!qr)
        return;
    free(qr->dark);
    memset(qr, 0, sizeof *qr);
}
