/* Keeps tokens out of core dumps: a process holding them dumps no core and is not traced by peers. */
#ifndef LICPORTAL_LIB_STORE_NO_CORE_DUMPS_H
#define LICPORTAL_LIB_STORE_NO_CORE_DUMPS_H

/* Sets RLIMIT_CORE to 0 (soft and hard) and makes the process non-dumpable
 * (PR_SET_DUMPABLE 0, which also keeps other processes of the same user
 * from attaching to it or reading its memory through /proc). Called before
 * a token is loaded or received; it is never undone, as freed memory may
 * still hold a token. Failures are ignored: the limits are a safeguard. */
void lp_no_core_dumps(void);

#endif
