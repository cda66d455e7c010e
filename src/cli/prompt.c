/* Prompts read /dev/tty, not stdin, so that secrets never come from a pipe by accident. */
#include "cli/prompt.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <termios.h>
#include <unistd.h>

bool cli_have_terminal(void)
{
    int fd = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) {
        return false;
    }
    close(fd);
    return true;
}

static void strip_newline(char *line)
{
    size_t len = strlen(line);
    if (len > 0 && line[len - 1] == '\n') {
        line[--len] = '\0';
    }
    if (len > 0 && line[len - 1] == '\r') {
        line[--len] = '\0';
    }
}

lp_status cli_prompt_line(const char *question, bool echo, char *out, size_t size, lp_error *err)
{
    out[0] = '\0';
    int fd = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) {
        return lp_error_set(err, LP_ERR_USAGE, "no terminal to ask for %s", question);
    }
    /* Read through stdio, write straight to the descriptor: no mixed-direction stream. */
    FILE *tty = fdopen(fd, "r");
    if (tty == NULL) {
        close(fd);
        return lp_error_set(err, LP_ERR_IO, "cannot use the terminal: %s", strerror(errno));
    }
    struct termios saved;
    bool restore = false;
    if (!echo && tcgetattr(fd, &saved) == 0) {
        struct termios quiet = saved;
        quiet.c_lflag &= ~(tcflag_t)(ECHO | ECHOE | ECHOK | ECHONL);
        quiet.c_lflag |= ICANON;
        /* A Ctrl-Z while echo is off would leave the terminal silent. */
        restore = tcsetattr(fd, TCSAFLUSH, &quiet) == 0;
    }
    dprintf(fd, "%s: ", question);
    bool got = fgets(out, (int)size, tty) != NULL;
    if (restore) {
        (void)tcsetattr(fd, TCSAFLUSH, &saved);
    }
    if (!echo) {
        dprintf(fd, "\n");
    }
    fclose(tty);
    if (!got) {
        out[0] = '\0';
        return lp_error_set(err, LP_ERR_CANCELLED, "no answer for %s", question);
    }
    strip_newline(out);
    return LP_OK;
}

lp_status cli_read_line(FILE *in, const char *what, char *out, size_t size, lp_error *err)
{
    out[0] = '\0';
    if (fgets(out, (int)size, in) == NULL) {
        return lp_error_set(err, LP_ERR_USAGE, "standard input held no %s", what);
    }
    if (strchr(out, '\n') == NULL && !feof(in)) {
        explicit_bzero(out, size);
        return lp_error_set(err, LP_ERR_USAGE, "the %s on standard input is too long", what);
    }
    strip_newline(out);
    if (out[0] == '\0') {
        return lp_error_set(err, LP_ERR_USAGE, "standard input held an empty %s", what);
    }
    return LP_OK;
}

bool cli_confirm(const char *question)
{
    char answer[16];
    char prompt[1024];
    snprintf(prompt, sizeof prompt, "%s [y/N]", question);
    if (cli_prompt_line(prompt, true, answer, sizeof answer, NULL) != LP_OK) {
        return false;
    }
    return strcasecmp(answer, "y") == 0 || strcasecmp(answer, "yes") == 0;
}
