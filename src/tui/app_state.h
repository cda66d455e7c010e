/* The one state value of the terminal UI; knows nothing of curses or curl. */
#ifndef LICPORTAL_TUI_APP_STATE_H
#define LICPORTAL_TUI_APP_STATE_H

#include <stdbool.h>

#include "licportal/download.h"
#include "licportal/model.h"
#include "licportal/timestamp.h"
#include "tui/action.h"
#include "tui/clean_row.h"
#include "tui/layout.h"
#include "tui/message_log.h"
#include "tui/pager.h"

typedef enum tui_screen {
    TUI_SCREEN_LOGIN,
    TUI_SCREEN_MAIN,
} tui_screen;

typedef enum tui_view_id {
    TUI_VIEW_DASHBOARD,
    TUI_VIEW_LICENSES,
    TUI_VIEW_ACTIVATIONS,
    TUI_VIEW_DOWNLOADS,
    TUI_VIEW_LICENSE_DETAIL,
    TUI_VIEW_DOWNLOAD_DETAIL,
    TUI_VIEW_COUNT,
} tui_view_id;

/* The sidebar's entries, in order; `1`-`4` jump to them. */
#define TUI_SIDEBAR_ENTRIES 4

typedef enum tui_modal {
    TUI_MODAL_NONE,
    TUI_MODAL_HELP,
    TUI_MODAL_PROMPT, /* `:` action name */
    TUI_MODAL_FILTER, /* `/` license text filter */
    TUI_MODAL_CONFIRM_DEACTIVATE,
    TUI_MODAL_CONFIRM_QUIT,    /* a download is running */
    TUI_MODAL_QR,              /* the selected renewal's checkout URL, or the license file */
    TUI_MODAL_LOG,             /* the messages kept, newest last */
    TUI_MODAL_SAVE_AS,         /* where a download goes, the default filled in */
    TUI_MODAL_OFFLINE_REQUEST, /* the machine request file to activate offline */
} tui_modal;

typedef enum tui_login_field {
    TUI_FIELD_EMAIL,
    TUI_FIELD_PASSWORD,
    TUI_FIELD_OTP,
    TUI_FIELD_REMEMBER,
} tui_login_field;

typedef struct tui_login {
    char email[256];
    char password[256];
    char otp[16];
    bool otp_needed;
    tui_login_field field;
    bool offer_remember; /* no keyring answered: offer the 0600 file */
    bool remember_in_file;
    char message[320];    /* why the last attempt failed, in words */
    char store_note[320]; /* why no keyring holds the session, if so */
} tui_login;

/* Dashboard selection: KPIs, then quick actions, then recent rows. */
#define TUI_DASH_ITEMS (TUI_KPI_COUNT + TUI_QUICK_COUNT + TUI_RECENT_ROWS)

typedef enum tui_kpi {
    TUI_KPI_TOTAL,
    TUI_KPI_ACTIVE,
    TUI_KPI_ACTIVATIONS,
    TUI_KPI_EXPIRING,
} tui_kpi;

/* What every list's query has: the `/` text and the order (`o`, `O`). */
typedef struct tui_list_order {
    char q[128];
    int sort; /* index into the list's sorts */
} tui_list_order;

typedef struct tui_license_filter {
    char status[16];          /* "" = every status */
    tui_list_order order;     /* sort: index into tui_license_sorts */
    int expiring_within_days; /* < 0: not given */
} tui_license_filter;

extern const char *const tui_license_sorts[];
extern const int tui_license_sort_count;
/* The API's orders of the other lists, the default first; `o` cycles them. */
extern const char *const tui_activation_sorts[];
extern const int tui_activation_sort_count;
extern const char *const tui_download_sorts[];
extern const int tui_download_sort_count;

/* A view to go back to, as it was left: its list's query and place, or the
 * license it showed. */
typedef struct tui_back_entry {
    tui_view_id view;
    tui_license_filter license_filter;
    char activations_license[128];
    tui_list_order activations_order;
    char download_channel[16];
    char download_platform[16];
    tui_list_order downloads_order;
    char detail_id[128];
    int detail_scroll;
    long selected, top;    /* lists: the selected row and the first shown */
    char selected_id[128]; /* lists: the selected row's id, "" when not loaded */
} tui_back_entry;

typedef struct tui_state {
    tui_screen screen;
    tui_view_id view;
    tui_back_entry back_stack[16];
    int back_depth;
    bool focus_sidebar;
    int sidebar_selected;
    tui_modal modal;
    tui_keymap keymap;
    tui_layout layout;

    tui_login login;
    char user_label[256]; /* sanitised */
    char server[256];
    lp_time last_refresh; /* LP_TIME_NONE until something arrived */
    lp_time
        unreachable_since; /* the server stopped answering then; LP_TIME_NONE while it answers */
    lp_time now;           /* of the event being handled */

    /* dashboard */
    bool dashboard_loaded;
    lp_dashboard dashboard;
    tui_clean_row recent_rows[TUI_RECENT_ROWS]; /* dashboard.recent as drawn */
    bool offline;                               /* showing the cached snapshot */
    lp_time offline_as_of;
    int dashboard_selected;
    bool dashboard_painted; /* data has been on screen at least once */

    /* licenses */
    tui_license_filter license_filter;
    tui_pager licenses;

    /* license detail */
    char detail_id[128];
    bool detail_loaded;
    lp_license_detail detail;
    char *revealed_key; /* only after an explicit key press */
    int renewal_selected;
    int detail_scroll;
    /* the license file of the last offline activation, for its QR code */
    char *license_file;
    bool qr_of_license_file; /* the QR overlay shows it rather than a checkout URL */
    bool offline_running;    /* an offline activation is in flight (one at a time) */

    /* activations */
    char activations_license[128]; /* "" = every license */
    tui_list_order activations_order;
    tui_pager activations;
    char confirm_id[128];
    char confirm_label[256];
    long confirm_row;
    bool confirm_marked; /* the question is about the marked rows */
    /* deactivating the marked rows one after another */
    bool bulk_running;
    size_t bulk_next; /* the mark to do next; failed ones stay marked before it */
    int bulk_done, bulk_failed;
    bool read_only; /* --read-only or read_only = true: every change refused */
    bool mouse_on;  /* clicks reach the UI (off: the terminal selects text) */

    /* downloads */
    char download_channel[16];  /* "" = every channel */
    char download_platform[16]; /* "" = every platform */
    tui_list_order downloads_order;
    tui_pager downloads;
    bool download_detail_loaded;
    lp_download download_detail;
    bool download_running;
    lp_download_progress download_progress;
    char download_target[512];
    char download_dir[512]; /* offered by the save prompt; "" the current directory */

    /* requests in flight, by purpose; a result with another seq is stale */
    int next_seq;
    int pending;
    int seq_login, seq_dashboard, seq_list, seq_detail, seq_mutation;
    int spinner;

    char prompt[128];      /* text of the `:` or `/` line */
    char history[32][128]; /* `:` lines run, a ring */
    int history_count;     /* lines kept (at most 32) */
    int history_next;      /* the slot the next line goes to */
    int history_back;      /* Up/Down steps back while editing; 0: the line typed */
    int filter_wait;       /* ticks until the `/` text typed is asked for; 0: none due */
    int help_scroll;
    char help_search[64]; /* `/` in the `?` overlay: the actions shown contain it */
    bool help_searching;  /* the search is being typed */
    char message[320];    /* status-bar message */
    bool message_is_error;
    tui_message_log log; /* every message, whole, with its time */
    int log_scroll;

    bool quit;
} tui_state;

/* A fresh state: login screen (with `email` prefilled) or, when a stored
 * session exists, the dashboard. */
void tui_state_init(tui_state *state, const char *email, const char *server, bool has_session,
                    bool offer_remember);
void tui_state_free(tui_state *state);
/* Forgets the license file kept for its QR code (it holds the full key). */
void tui_state_forget_license_file(tui_state *state);
/* Builds the drawn rows of the dashboard's recent licenses (after each new dashboard). */
void tui_state_build_recent_rows(tui_state *state);
/* Who is logged in, for the title bar (sanitised here). */
void tui_state_set_user(tui_state *state, const char *name, const char *email);

/* The scope for key lookup in the current view. */
tui_scope tui_state_scope(const tui_state *state);
/* Rows of a list that fit on screen now. */
int tui_state_list_rows(const tui_state *state);
/* The pager of the current list view, or NULL. */
tui_pager *tui_state_pager(tui_state *state);
tui_view_id tui_sidebar_view(int entry);
const char *tui_view_title(tui_view_id view);

#endif
