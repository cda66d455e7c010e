/* Where the save prompt offers to put a download. */
#ifndef LICPORTAL_TUI_DOWNLOAD_DIR_H
#define LICPORTAL_TUI_DOWNLOAD_DIR_H

#include <stddef.h>

/* The profile's download_dir, else the XDG download folder
 * ($XDG_DOWNLOAD_DIR, else ~/Downloads when it exists), else "" for the
 * current directory. */
void tui_download_dir(const char *configured, char *out, size_t size);

/* `dir` joined with the base name of the server's `filename` ("" dir: the
 * name alone). */
void tui_download_path(const char *dir, const char *filename, char *out, size_t size);

#endif
