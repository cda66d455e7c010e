/* The terminal UI's entry point, called by main when no sub-command is given. */
#ifndef LICPORTAL_TUI_H
#define LICPORTAL_TUI_H

#include "licportal/config.h"

/* Runs the interactive UI with the settings in force until the user quits.
 * Returns the process exit code (0, or the codes of client.md for a failure
 * that ends the UI, e.g. 5 when the terminal cannot be set up). */
int tui_run(const lp_config *config);

#endif
