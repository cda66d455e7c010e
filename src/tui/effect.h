/* What update asks the loop to do: plain data, carried out where curses and the client live. */
#ifndef LICPORTAL_TUI_EFFECT_H
#define LICPORTAL_TUI_EFFECT_H

#include <stdbool.h>
#include <stddef.h>

#include "licportal/model.h"

typedef enum tui_effect_kind {
    TUI_FX_LOGIN, /* as.login */
    TUI_FX_FETCH_DASHBOARD,
    TUI_FX_FETCH_LICENSES,    /* as.list */
    TUI_FX_FETCH_LICENSE,     /* as.id */
    TUI_FX_REVEAL_KEY,        /* as.id */
    TUI_FX_FETCH_ACTIVATIONS, /* as.list */
    TUI_FX_DEACTIVATE,        /* as.id */
    TUI_FX_FETCH_DOWNLOADS,   /* as.list */
    TUI_FX_FETCH_DOWNLOAD,    /* as.id: one download's metadata (`:download ID`) */
    TUI_FX_START_DOWNLOAD,    /* as.download */
    TUI_FX_CANCEL_REQUESTS,   /* every running API call (not a download) */
    TUI_FX_CANCEL_DOWNLOAD,
    TUI_FX_SAVE_SNAPSHOT, /* as.body: the dashboard just received, for offline use */
    TUI_FX_LOAD_SNAPSHOT,
    TUI_FX_REMEMBER_IN_FILE, /* keep the session in the 0600 file from now on */
    TUI_FX_LEARN_LOGIN, /* as.login.email: the profile learns the server and `email` it lacks */
    TUI_FX_COPY,        /* as.text to the terminal's clipboard (OSC 52) */
    TUI_FX_MOUSE,       /* as.on: mouse reporting on or off */
    TUI_FX_ACTIVATE_OFFLINE, /* as.offline: read the request, activate, write the license file */
} tui_effect_kind;

/* One page of a list: the query of the view that asked for it. */
typedef struct tui_list_query {
    long page;
    char cursor[512]; /* "" for the first page */
    char q[128];
    char sort[16];
    /* licenses */
    char status[16];
    int expiring_within_days; /* < 0: not given */
    /* activations */
    char license_id[128];
    /* downloads */
    char channel[16];
    char platform[16];
} tui_list_query;

typedef struct tui_effect {
    tui_effect_kind kind;
    int seq; /* comes back with the result */
    union {
        tui_list_query list;
        char id[128]; /* license or activation id */
        struct {
            char email[256];
            char password[256];
            char otp[16];
            bool remember_in_file;
        } login;
        struct {
            /* Borrowed from the state: valid until the batch has run. */
            lp_download meta;
            char path[512]; /* where to save it */
        } download;
        struct {
            const char *data;
            size_t len;
        } body;
        struct {
            char license_id[128];
            char request_path[512];
            char license_path[520]; /* where the license file goes; must not exist yet */
        } offline;
        char text[2048];
        bool on;
    } as;
} tui_effect;

#define TUI_MAX_EFFECTS 8

typedef struct tui_effects {
    tui_effect items[TUI_MAX_EFFECTS];
    int count;
} tui_effects;

#endif
