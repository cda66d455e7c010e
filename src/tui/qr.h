/* QR codes of checkout URLs, to scan with a phone from any terminal. */
#ifndef LICPORTAL_TUI_QR_H
#define LICPORTAL_TUI_QR_H

#include <stdbool.h>

#include "tui/qr_library.h"

typedef struct tui_qr {
    int size;            /* modules per side, quiet zone included */
    unsigned char *dark; /* size*size, 1 for a dark module */
} tui_qr;

/* false when the text cannot be encoded, or libqrencode is not installed
 * (loaded on the first call) or was not there at build time. */
bool tui_qr_encode(const char *text, tui_qr *out);
/* The same with a given library; NULL (none loaded) is always false. */
bool tui_qr_encode_with(const tui_qr_library *lib, const char *text, tui_qr *out);
void tui_qr_clear(tui_qr *qr);

#endif
