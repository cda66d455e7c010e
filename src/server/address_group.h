/* The group of client addresses that one rate-limit key stands for. */
#ifndef LP_SERVER_ADDRESS_GROUP_H
#define LP_SERVER_ADDRESS_GROUP_H

#include <stddef.h>

/* Enough for "ffff:ffff:ffff:ffff::/64". */
#define LP_ADDRESS_GROUP_LEN 48

/* Writes the group `addr` (text from inet_ntop) belongs to: an IPv4 address
 * stands for itself; an IPv6 address for its /64, the block one subscriber
 * usually holds whole ("2001:db8:1:2::/64"); an IPv4-mapped IPv6 address for
 * its IPv4 address. Text that is neither is copied as it is. */
void lpd_address_group(const char *addr, char out[LP_ADDRESS_GROUP_LEN]);

#endif
