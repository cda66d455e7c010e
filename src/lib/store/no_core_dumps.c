/* Keeps tokens out of core dumps: a process holding them dumps no core and is not traced by peers. */
#include "lib/store/no_core_dumps.h"

#include <sys/prctl.h>
#include <sys/resource.h>

void lp_no_core_dumps(void)
{
    struct rlimit none = {0, 0};
    setrlimit(RLIMIT_CORE, &none);
    prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
}
