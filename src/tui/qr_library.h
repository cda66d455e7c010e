/* libqrencode, loaded with dlopen when the first QR code is drawn instead of linked. */
#ifndef LICPORTAL_TUI_QR_LIBRARY_H
#define LICPORTAL_TUI_QR_LIBRARY_H

/* The file dlopen looks for: the SONAME of Debian's libqrencode4 and its kin. */
#define TUI_QR_LIBRARY_SONAME "libqrencode.so.4"

typedef struct tui_qr_library tui_qr_library;

/* Loads libqrencode from `soname`; NULL when it is not installed or lacks an
 * entry point (or the program was built without its headers). */
tui_qr_library *tui_qr_library_open(const char *soname);
void tui_qr_library_free(tui_qr_library *lib);

/* TUI_QR_LIBRARY_SONAME, opened on the first call and kept to the end; NULL
 * when it cannot be loaded. */
const tui_qr_library *tui_qr_library_default(void);

#ifdef LP_HAVE_QRENCODE
#include <qrencode.h>

/* Typed entry points with the signatures of <qrencode.h>. */
struct tui_qr_library {
    void *handle;
    QRcode *(*encode_string_8bit)(const char *string, int version, QRecLevel level);
    void (*free_code)(QRcode *code);
};
#endif

#endif
