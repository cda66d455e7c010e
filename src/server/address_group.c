/* Client addresses grouped as one subscriber holds them: IPv4 alone, IPv6 by /64. */
#include "server/address_group.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

void lpd_address_group(const char *addr, char out[LP_ADDRESS_GROUP_LEN])
{
    struct in6_addr v6;
    if (strchr(addr, ':') == NULL || inet_pton(AF_INET6, addr, &v6) != 1) {
        snprintf(out, LP_ADDRESS_GROUP_LEN, "%s", addr);
        return;
    }
    if (IN6_IS_ADDR_V4MAPPED(&v6)) {
        inet_ntop(AF_INET, &v6.s6_addr[12], out, LP_ADDRESS_GROUP_LEN);
        return;
    }
    memset(&v6.s6_addr[8], 0, 8);
    /* With the low 64 bits zero the text ends in "::" and is at most
     * "ffff:ffff:ffff:ffff::" long. */
    inet_ntop(AF_INET6, &v6, out, LP_ADDRESS_GROUP_LEN - 3);
    strcat(out, "/64");
}
