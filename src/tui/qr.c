/* Encoding text as a QR matrix with libqrencode, with the quiet zone scanners need. */
#include "tui/qr.h"

#include <stdlib.h>
#include <string.h>

#ifdef LP_HAVE_QRENCODE
#include <qrencode.h>
#endif

#define QUIET_ZONE 2

bool tui_qr_encode(const char *text, tui_qr *out)
{
    memset(out, 0, sizeof *out);
#ifdef LP_HAVE_QRENCODE
    if (!text || !*text)
        return false;
    QRcode *code = QRcode_encodeString8bit(text, 0, QR_ECLEVEL_M);
    if (!code)
        return false;
    int size = code->width + 2 * QUIET_ZONE;
    out->dark = calloc((size_t)size * (size_t)size, 1);
    if (!out->dark) {
        QRcode_free(code);
        return false;
    }
    out->size = size;
    for (int y = 0; y < code->width; y++)
        for (int x = 0; x < code->width; x++)
            out->dark[(y + QUIET_ZONE) * size + x + QUIET_ZONE] =
                code->data[y * code->width + x] & 1;
    QRcode_free(code);
    return true;
#else
    (void)text;
    return false;
#endif
}

void tui_qr_clear(tui_qr *qr)
{
    if (!qr)
        return;
    free(qr->dark);
    memset(qr, 0, sizeof *qr);
}
