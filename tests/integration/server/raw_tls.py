# Raw HTTPS exchanges for tests that send what no HTTP library would: bytes straight over TLS.
import socket
import ssl


def context(ca_file):
    ctx = ssl.create_default_context(cafile=ca_file)
    ctx.check_hostname = False
    return ctx


def connect(portal, source="127.0.0.1", timeout=10.0):
    """A TLS socket to the portal from a chosen loopback source address."""
    raw = socket.create_connection((portal.host, portal.port), timeout=timeout,
                                   source_address=(source, 0))
    try:
        return context(portal.ca_file).wrap_socket(raw, server_hostname=portal.host)
    except BaseException:
        raw.close()
        raise


def exchange(portal, request, source="127.0.0.1", timeout=10.0):
    """Sends `request` (bytes) and returns everything the server sends until it closes."""
    with connect(portal, source, timeout) as tls:
        tls.sendall(request)
        answer = b""
        while True:
            try:
                chunk = tls.recv(65536)
            except (ssl.SSLError, ConnectionResetError):
                break
            if not chunk:
                break
            answer += chunk
        return answer
