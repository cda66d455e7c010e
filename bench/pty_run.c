/* Runs a program on a fresh 80x24 pseudo-terminal, discarding its output: a light wrapper for timing. */
#include <errno.h>
#include <pty.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

/* Usage: pty-run PROGRAM [ARG...]; exits with the program's status (128+N for signal N).
 * `script` costs some 20 ms per run itself; this costs about one fork and exec. */
int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: pty-run PROGRAM [ARG...]\n");
        return 2;
    }
    struct winsize size = {.ws_row = 24, .ws_col = 80};
    int master = -1;
    pid_t pid = forkpty(&master, NULL, NULL, &size);
    if (pid < 0) {
        perror("pty-run: forkpty");
        return 1;
    }
    if (pid == 0) {
        execvp(argv[1], argv + 1);
        perror("pty-run: exec");
        _exit(127);
    }
    char buf[65536];
    for (;;) {
        ssize_t n = read(master, buf, sizeof buf);
        if (n > 0)
            continue;
        if (n < 0 && errno == EINTR)
            continue;
        break; /* EIO once the program has closed the terminal */
    }
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    close(master);
    if (WIFEXITED(status))
        return WEXITSTATUS(status);
    return WIFSIGNALED(status) ? 128 + WTERMSIG(status) : 1;
}
