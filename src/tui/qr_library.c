/* Loads libqrencode on demand, so that a UI that never shows a QR code never maps it. */
#include "tui/qr_library.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdlib.h>

#ifdef LP_HAVE_QRENCODE
#include <dlfcn.h>
#include <string.h>

/* POSIX guarantees that a function's address survives the trip through void *;
 * copying the bytes keeps ISO C's object/function pointer rule out of the way. */
_Static_assert(sizeof(void (*)(void)) == sizeof(void *), "dlsym needs code pointers of data size");

static bool bind(void *handle, const char *name, void *slot)
{
    void *symbol = dlsym(handle, name);
    if (symbol == NULL) {
        return false;
    }
    memcpy(slot, &symbol, sizeof symbol);
    return true;
}

tui_qr_library *tui_qr_library_open(const char *soname)
{
    tui_qr_library *lib = calloc(1, sizeof *lib);
    if (lib == NULL) {
        return NULL;
    }
    lib->handle = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
    if (lib->handle == NULL ||
        !bind(lib->handle, "QRcode_encodeString8bit", &lib->encode_string_8bit) ||
        !bind(lib->handle, "QRcode_free", &lib->free_code)) {
        tui_qr_library_free(lib);
        return NULL;
    }
    return lib;
}

void tui_qr_library_free(tui_qr_library *lib)
{
    if (lib == NULL) {
        return;
    }
    if (lib->handle != NULL) {
        dlclose(lib->handle);
    }
    free(lib);
}
#else
tui_qr_library *tui_qr_library_open(const char *soname)
{
    (void)soname;
    return NULL;
}

void tui_qr_library_free(tui_qr_library *lib)
{
    free(lib);
}
#endif

/* The UI draws on one thread only, so the first caller loads it without a lock;
 * a failed load is not retried on every frame of the overlay. */
const tui_qr_library *tui_qr_library_default(void)
{
    static tui_qr_library *lib;
    static bool tried;
    if (!tried) {
        tried = true;
        lib = tui_qr_library_open(TUI_QR_LIBRARY_SONAME);
    }
    return lib;
}
