/* What update asks the loop to do: plain data, carried out where curses and the client live. */
#ifndef LICPORTAL_TUI_EFFECT_H
#define LICPORTAL_TUI_EFFECT_H

#include <stdbool.h>

typedef enum tui_effect_kind {
    TUI_FX_LOGIN,
    TUI_FX_FETCH_DASHBOARD,
    TUI_FX_FETCH_LICENSES,
    TUI_FX_FETCH_LICENSE,
    TUI_FX_REVEAL_KEY,
    TUI_FX_FETCH_ACTIVATIONS,
    TUI_FX_DEACTIVATE,
    TUI_FX_FETCH_DOWNLOADS,
    TUI_FX_START_DOWNLOAD,
    TUI_FX_CANCEL_REQUESTS,   /* every running API call (not a download) */
    TUI_FX_CANCEL_DOWNLOAD,
    TUI_FX_SAVE_SNAPSHOT,     /* the dashboard just received, for offline use */
    TUI_FX_LOAD_SNAPSHOT,
    TUI_FX_REMEMBER_IN_FILE,  /* keep the session in the 0600 file from now on */
    TUI_FX_LEARN_LOGIN,       /* the profile learns the server and `email` it lacks */
    TUI_FX_COPY,              /* `text` to the terminal's clipboard (OSC 52) */
} tui_effect_kind;

typedef struct tui_effect {
    tui_effect_kind kind;
    int seq;                  /* comes back with the result */
    long page;                /* FETCH_* lists: which page */
    char id[128];             /* license, activation or download id */
    char cursor[512];         /* "" for the first page */
    /* FETCH_LICENSES */
    char status[16];
    char q[128];
    char sort[16];
    int expiring_within_days; /* < 0: not given */
    /* FETCH_DOWNLOADS */
    char channel[16];
    char platform[16];
    /* LOGIN */
    char email[256];
    char password[256];
    char otp[16];
    bool remember_in_file;
    /* COPY */
    char text[2048];
} tui_effect;

#define TUI_MAX_EFFECTS 8

typedef struct tui_effects {
    tui_effect items[TUI_MAX_EFFECTS];
    int count;
} tui_effects;

#endif
