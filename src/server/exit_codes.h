/* Process exit codes shared by every licportald sub-command. */
#ifndef LP_SERVER_EXIT_CODES_H
#define LP_SERVER_EXIT_CODES_H

enum lpd_exit {
    LP_EXIT_OK = 0,
    LP_EXIT_ERROR = 1,
    LP_EXIT_USAGE = 2,
};

#endif
