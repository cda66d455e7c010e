/* A failed transfer described in words: which network or TLS problem, and what to do. */
#include "lib/transport/transfer_failure.h"

#include <curl/curl.h>
#include <openssl/x509_vfy.h>
#include <stdbool.h>
#include <string.h>

static const char *or_default(const char *detail, const char *fallback)
{
    return detail && *detail ? detail : fallback;
}

static lp_status describe_tls(long verify_result, const char *detail, const char *host, long port,
                              lp_error *err)
{
    const char *text = or_default(detail, "");
    switch (verify_result) {
    case X509_V_ERR_CERT_HAS_EXPIRED:
        return lp_error_set(err, LP_ERR_TLS,
                            "the certificate of %s:%ld has expired: the server must renew it", host,
                            port);
    case X509_V_ERR_CERT_NOT_YET_VALID:
        return lp_error_set(
            err, LP_ERR_TLS,
            "the certificate of %s:%ld is not yet valid: check this computer's clock", host, port);
    case X509_V_ERR_HOSTNAME_MISMATCH:
        return lp_error_set(
            err, LP_ERR_TLS,
            "the certificate of %s:%ld is for another host name: check the server URL", host, port);
    case X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT:
    case X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN:
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT:
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
    case X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE:
        return lp_error_set(
            err, LP_ERR_TLS,
            "the certificate of %s:%ld is not trusted (unknown issuer): use --cacert FILE "
            "to trust a private CA",
            host, port);
    default:
        break;
    }
    /* libcurl checks the host name itself after the handshake, so a
     * mismatch leaves the verify result at X509_V_OK: only its words tell. */
    if (strstr(text, "host name") || strstr(text, "subject name") || strstr(text, "hostname"))
        return lp_error_set(
            err, LP_ERR_TLS,
            "the certificate of %s:%ld does not match the host name: check the server URL", host,
            port);
    if (strstr(text, "expired"))
        return lp_error_set(err, LP_ERR_TLS,
                            "the certificate of %s:%ld has expired: the server must renew it", host,
                            port);
    if (strstr(text, "issuer") || strstr(text, "self-signed") || strstr(text, "self signed"))
        return lp_error_set(
            err, LP_ERR_TLS,
            "the certificate of %s:%ld is not trusted (unknown issuer): use --cacert FILE "
            "to trust a private CA",
            host, port);
    return lp_error_set(
        err, LP_ERR_TLS,
        "the certificate of %s:%ld could not be verified (%.200s): use --cacert FILE "
        "to trust a private CA",
        host, port, or_default(detail, "verification failed"));
}

/* OpenSSL's words when the two sides share no protocol version: the server
 * speaks only TLS 1.0 or 1.1. ("wrong version number" is not one of them:
 * that is a server answering in plain HTTP.) */
static bool is_protocol_version_failure(const char *detail)
{
    static const char *const words[] = {"unsupported protocol", "protocol version",
                                        "no protocols available"};
    for (size_t i = 0; detail && i < sizeof words / sizeof words[0]; i++)
        if (strstr(detail, words[i]))
            return true;
    return false;
}

lp_status lp_transfer_failure_describe(int curl_code, long verify_result, const char *detail,
                                       const char *host, long port, lp_error *err)
{
    CURLcode code = (CURLcode)curl_code;
    switch (code) {
    case CURLE_PEER_FAILED_VERIFICATION:
        return describe_tls(verify_result, detail, host, port, err);
    case CURLE_SSL_CACERT_BADFILE:
        return lp_error_set(err, LP_ERR_TLS,
                            "the CA bundle could not be used (%.200s): check --cacert FILE",
                            or_default(detail, curl_easy_strerror(code)));
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
        if (is_protocol_version_failure(detail))
            return lp_error_set(
                err, LP_ERR_TLS,
                "%s:%ld offers only an outdated TLS protocol version (%.200s): TLS 1.2 or "
                "later is required; the server must be upgraded",
                host, port, detail);
        if (verify_result != X509_V_OK && verify_result != 0)
            return describe_tls(verify_result, detail, host, port, err);
        return lp_error_set(err, LP_ERR_TLS, "TLS handshake with %s:%ld failed: %.200s", host, port,
                            or_default(detail, curl_easy_strerror(code)));
    case CURLE_COULDNT_RESOLVE_HOST:
        return lp_error_set(err, LP_ERR_NETWORK,
                            "cannot resolve host %s: check the server URL and DNS", host);
    case CURLE_COULDNT_RESOLVE_PROXY:
        return lp_error_set(err, LP_ERR_NETWORK,
                            "cannot resolve the proxy for %s:%ld: check HTTPS_PROXY", host, port);
    case CURLE_COULDNT_CONNECT:
        return lp_error_set(
            err, LP_ERR_NETWORK,
            "cannot connect to %s:%ld (%.200s): is the server running and reachable?", host, port,
            or_default(detail, "connection refused"));
    case CURLE_OPERATION_TIMEDOUT:
        return lp_error_set(err, LP_ERR_NETWORK, "%s:%ld did not answer in time (%.200s)", host,
                            port, or_default(detail, "timeout"));
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
        return lp_error_set(err, LP_ERR_NETWORK, "the connection to %s:%ld broke off (%.200s)",
                            host, port, or_default(detail, curl_easy_strerror(code)));
    case CURLE_WEIRD_SERVER_REPLY:
    case CURLE_UNSUPPORTED_PROTOCOL:
        return lp_error_set(
            err, LP_ERR_PROTOCOL,
            "the server's answer broke the API contract: %s:%ld sent no valid HTTPS answer "
            "(%.200s)",
            host, port, or_default(detail, curl_easy_strerror(code)));
    default:
        return lp_error_set(err, LP_ERR_NETWORK, "request to %s:%ld failed: %.200s", host, port,
                            or_default(detail, curl_easy_strerror(code)));
    }
}
