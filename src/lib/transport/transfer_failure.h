/* A failed transfer described in words: which network or TLS problem, and what to do. */
#ifndef LICPORTAL_TRANSPORT_TRANSFER_FAILURE_H
#define LICPORTAL_TRANSPORT_TRANSFER_FAILURE_H

#include "licportal/error.h"

/* `curl_code` is the CURLcode, `verify_result` CURLINFO_SSL_VERIFYRESULT
 * (an X509_V_ERR_* code with OpenSSL), `detail` libcurl's error buffer (may
 * be empty). Returns LP_ERR_TLS or LP_ERR_NETWORK (or LP_ERR_PROTOCOL for a
 * malformed answer) with a message naming host and port. */
lp_status lp_transfer_failure_describe(int curl_code, long verify_result, const char *detail,
                                       const char *host, long port, lp_error *err);

#endif
