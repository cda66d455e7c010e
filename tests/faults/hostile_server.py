#!/usr/bin/python3
# A hostile Portal API server over HTTPS: valid logins, then whatever fault the test chose.
"""Usage: hostile_server.py --cert PEM --key PEM [--port N] [--fault NAME]

Serves /api/v1 over TLS. Logins and refreshes always succeed; every other
path answers according to the current fault (see FAULTS). The fault can be
changed while running with `PUT /__fault/NAME` on the same port, or, when the
module is imported, by setting `HostileServer.fault`. Prints
"listening on PORT" on stdout once ready. Standard library only.
"""

import argparse
import base64
import hashlib
import json
import socket
import ssl
import sys
import threading
import time
import urllib.parse
import warnings
from http.server import BaseHTTPRequestHandler, HTTPServer, ThreadingHTTPServer
from socketserver import ThreadingMixIn

API = "/api/v1"
HUGE_BYTES = 16 * 1024 * 1024 + 4096
DEEP_LEVELS = 10000
LONG_CHARS = 10000

# Text that would drive a terminal if it got through: CSI, OSC 52 (clipboard),
# OSC 8 (hyperlink), DCS, a title change, a bell, a backspace attack.
ESC_TEXT = ("\x1b[2J\x1b[31mred\x1b[0m\x1b]52;c;ZXZpbA==\x07\x1b]0;owned\x1b\\"
            "\x1b]8;;https://evil.example/\x07link\x1b]8;;\x07\x1bPq#0\x1b\\\x08\x08\rX\tcol\nline")
C1_TEXT = "c1\u009b31m\u009d0;title\u009c\u0085\u0090q\u009c\u0080end"
BIDI_TEXT = "abc\u202egnp.exe\u202c \u2066iso\u2069 \u202aemb\u202c \u200fmark\u061c"
# Invisible format characters: a soft hyphen, Hangul fillers, a zero width space,
# word joiner and invisible operators, a BOM, and tag characters spelling "hi".
HIDDEN_TEXT = ("soft\u00adhy\u115f\u1160\u3164\uffa0zw\u200b\u2060\u2062\u206f\ufeff"
               "\U000e0001\U000e0068\U000e0069\U000e007f")
LONG_TEXT = "W" * LONG_CHARS

FAULTS = (
    "ok",            # valid answers
    "stall",         # headers and a few bytes, then silence
    "slow",          # the whole answer, one byte a second
    "trickle",       # 1 MiB at four bytes a second (just above a 1 byte/s stall check)
    "cut",           # the connection closes mid-body
    "invalid_json",  # not JSON
    "wrong_shape",   # JSON of the wrong types
    "huge",          # a body over 16 MiB with Content-Length
    "huge_unsized",  # a body over 16 MiB without Content-Length (ends at close)
    "deep",          # 10,000 levels of nesting
    "e500",          # 500 with Retry-After
    "e503",          # 503 with Retry-After
    "e429",          # 429 with Retry-After
    "redirect",      # 302 to the same path over plain http://
    "esc",           # ESC/CSI/OSC/DCS sequences in every free-text string
    "c1",            # C1 controls as UTF-8 in every free-text string
    "bidi",          # BiDi overrides and isolates in every free-text string
    "hidden",        # invisible format characters in every free-text string
    "long",          # 10,000-character strings in every free-text string
    "bad_utf8",      # invalid UTF-8 in every free-text string
    "evil_name",     # a download whose filename is ../../evil
    "disguised_name",  # a download whose filename is "\u202eexe.txt" (shows as "txt.exe")
    "wrong_sha",     # a download whose sha256 does not match its bytes
    "truncated",     # a download cut off half way through its Content-Length
    "no_range",      # a download that ignores Range and sends the whole file with 200
    "oversize",      # a download that goes on past its size_bytes (64 MiB more, no Content-Length)
    "long_length",   # a download whose Content-Length is 1 MiB more than its size_bytes
    "drip",          # a download at 40 bytes a second: never a stall, never done
    "cursor_loop",   # list pages whose next_cursor always names the same page again
    "not_modified",  # 304 to requests that sent no If-None-Match
    "error_esc",     # 403 whose error code, message and request id carry ESC, C1 and BiDi
    "missing_esc",   # 404 likewise, with a hostile X-Request-Id header too
)

FILE_BYTES = b"licportal hostile download\n" * 64
OVERFLOW_BYTES = 64 * 1024 * 1024
DISGUISED_NAME = "\u202eexe.txt"


def sha256_hex(data):
    return hashlib.sha256(data).hexdigest()


def product():
    return {"id": "prd_orbit", "name": "Orbit Backup"}


def license_summary(n=1):
    return {"id": f"lic_{n}", "key_masked": "XXXX-XXXX-XXXX-7F3A", "product": product(),
            "edition": "Pro", "status": "active", "added_at": "2026-01-0%dT09:00:00Z" % n,
            "expires_at": "2030-01-01T00:00:00Z", "max_activations": 3,
            "activations_in_use": 1}


def license_detail():
    d = license_summary()
    d["features"] = ["backup", "restore"]
    d["renewal"] = {"renewable": True, "options": [
        {"id": "ren_1", "label": "1 year", "term_months": 12,
         "price": {"amount_minor": 9900, "currency": "EUR"},
         "checkout_url": "https://shop.example/checkout/ren_1"}]}
    return d


def activation():
    return {"id": "act_1", "license_id": "lic_1", "license_key_masked": "XXXX-XXXX-XXXX-7F3A",
            "product": product(), "kind": "device", "name": "build-01",
            "fingerprint": "fp_0123456789", "platform": "linux", "ip": "192.0.2.7",
            "activated_at": "2026-02-01T10:00:00Z", "last_seen_at": "2026-11-01T10:00:00Z"}


def download(sha=None, filename="orbit-backup-4.2.0-linux-x86_64.tar.gz"):
    return {"id": "dl_1", "product": product(), "version": "4.2.0", "channel": "stable",
            "platform": "linux", "arch": "x86_64", "filename": filename,
            "size_bytes": len(FILE_BYTES), "sha256": sha or sha256_hex(FILE_BYTES),
            "released_at": "2026-10-01T00:00:00Z", "release_notes": "Faster restores."}


def page(items):
    return {"items": items, "next_cursor": None, "total": len(items)}


def dashboard():
    return {"kpis": {"total_licenses": 2, "active_licenses": 2, "activations_in_use": 1,
                     "expiring_soon": 0, "expiring_window_days": 30},
            "recent_licenses": [license_summary(1), license_summary(2)],
            "generated_at": "2026-11-28T09:15:00Z"}


def user():
    return {"id": "usr_1", "email": "demo1@example.com", "name": "Dana Demo",
            "organization": "Example Ltd"}


def tokens():
    u = user()
    del u["organization"]
    return {"access_token": "at_hostile", "token_type": "Bearer", "expires_in": 900,
            "refresh_token": "rt_hostile", "refresh_expires_in": 2592000, "user": u}


# Fields whose value is free text (not an enumeration, time stamp, digest or cursor).
FREE_TEXT = {"id", "key_masked", "name", "edition", "license_id", "license_key_masked",
             "fingerprint", "platform_free", "ip", "version", "filename", "release_notes",
             "label", "checkout_url", "features", "email", "organization"}


def poison(value, text, key=None):
    """Puts `text` (str, or bytes for invalid UTF-8 marked by a placeholder) into every
    free-text string of a valid-shaped object; enumerations, times and digests stay valid."""
    if isinstance(value, dict):
        out = {}
        for k, v in value.items():
            if k == "platform" and value.get("kind") is not None:
                k_free = "platform_free"  # an activation's platform is free text
            else:
                k_free = k
            out[k] = poison(v, text, k_free)
        return out
    if isinstance(value, list):
        return [poison(v, text, key) for v in value]
    if isinstance(value, str) and key in FREE_TEXT:
        return value[:2] + text + value[2:]
    return value


BAD_UTF8_MARK = "@@BADUTF8@@"
BAD_UTF8_BYTES = b"\xc3\x28\xff\xfe\xed\xa0\x80\x9b31m\xc0\xaf"


def encode(obj, fault=None):
    body = json.dumps(obj, ensure_ascii=False).encode("utf-8")
    if fault == "bad_utf8":
        body = body.replace(BAD_UTF8_MARK.encode(), BAD_UTF8_BYTES)
    return body


def swap_types(value):
    """Same keys, every scalar of the wrong JSON type, lists become objects."""
    if isinstance(value, dict):
        return {k: swap_types(v) for k, v in value.items()}
    if isinstance(value, list):
        return {"0": swap_types(value[0])} if value else {}
    if isinstance(value, bool):
        return "true"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, str):
        return 7
    return [None]


def error_body(code, message):
    return {"error": {"code": code, "message": message, "request_id": "req_hostile"}}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "hostile"
    sys_version = ""

    def log_message(self, fmt, *args):
        pass

    # --- plumbing -------------------------------------------------------------------------
    def _record(self):
        self.server.owner.record(self.command, self.path, dict(self.headers.items()))

    def _head(self, status, headers, length=None):
        self.send_response(status)
        self.send_header("X-Request-Id", "req_hostile")
        for k, v in headers:
            self.send_header(k, v)
        if length is not None:
            self.send_header("Content-Length", str(length))
        self.end_headers()

    def _json(self, status, body, extra=()):
        self._head(status, [("Content-Type", "application/json")] + list(extra), len(body))
        self.wfile.write(body)

    def _abort(self):
        """Closes the connection without a TLS close_notify: a cut, as a dead peer gives."""
        self.close_connection = True
        try:
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    def _drip(self, data, seconds_per_byte):
        owner = self.server.owner
        for i in range(len(data)):
            if owner.stopping.wait(seconds_per_byte):
                break
            self.wfile.write(data[i:i + 1])
            self.wfile.flush()
        self.close_connection = True

    # --- HTTP methods ---------------------------------------------------------------------
    def do_PUT(self):
        self._record()
        if self.path.startswith("/__fault/"):
            name = self.path[len("/__fault/"):]
            if name in FAULTS:
                self.server.owner.fault = name
                self._json(200, b"{}")
                return
        self._json(404, encode(error_body("not_found", "no such fault")))

    def do_POST(self):
        self._record()
        self._read_body()
        path = urllib.parse.urlsplit(self.path).path
        if path in (API + "/auth/login", API + "/auth/refresh"):
            if self.server.owner.fault_auth:
                self._api(path, tokens())
            else:
                self._json(200, encode(tokens()))
        elif path == API + "/auth/logout":
            self._head(204, [], 0)
        else:
            self._api(path)

    def do_DELETE(self):
        self._record()
        self._api(urllib.parse.urlsplit(self.path).path)

    def do_GET(self):
        self._record()
        self._api(urllib.parse.urlsplit(self.path).path)

    def _read_body(self):
        length = int(self.headers.get("Content-Length") or 0)
        if 0 < length <= 65536:
            self.rfile.read(length)

    # --- the API under a fault ------------------------------------------------------------
    def _valid(self, path):
        rest = path[len(API):]
        parts = [p for p in rest.split("/") if p]
        if parts == ["dashboard"]:
            return dashboard()
        if parts == ["me"]:
            return user()
        if parts == ["licenses"]:
            return page([license_summary(1), license_summary(2)])
        if len(parts) == 2 and parts[0] == "licenses":
            return license_detail()
        if parts == ["activations"]:
            return page([activation()])
        if len(parts) == 2 and parts[0] == "activations":
            return {"id": parts[1]}  # DELETE: 204 when all is well
        if parts == ["downloads"]:
            return page([download()])
        if len(parts) == 2 and parts[0] == "downloads":
            return download()
        return None

    def _api(self, path, valid=None):
        fault = self.server.owner.fault
        if path.startswith(API + "/downloads/") and path.endswith("/file"):
            self._file(fault)
            return
        valid = valid or self._valid(path)
        if valid is None:
            self._json(404, encode(error_body("not_found", "no such object")))
            return
        if fault in ("evil_name", "disguised_name", "wrong_sha", "truncated", "no_range", "oversize",
                     "long_length", "drip"):
            if path.startswith(API + "/downloads/"):
                if fault == "evil_name":
                    valid = download(filename="../../evil")
                elif fault == "disguised_name":
                    valid = download(filename=DISGUISED_NAME)
                elif fault == "wrong_sha":
                    valid = download(sha="0" * 64)
            fault = "ok"
        if fault == "cursor_loop":
            if "items" in valid:
                valid["next_cursor"] = "c_same_page_again"
            fault = "ok"
        body = encode(valid)
        if fault == "ok" and self.command == "DELETE":
            self._head(204, [], 0)
        elif fault == "ok":
            self._json(200, body)
        elif fault == "stall":
            self._head(200, [("Content-Type", "application/json")], len(body))
            self.wfile.write(body[:8])
            self.wfile.flush()
            self.server.owner.stopping.wait(300)
            self._abort()
        elif fault in ("slow", "trickle"):
            if fault == "trickle":
                body += b" " * (1 << 20)  # valid JSON that would take three days at this pace
            self._head(200, [("Content-Type", "application/json")], len(body))
            self._drip(body, 1.0 if fault == "slow" else 0.25)
        elif fault == "cut":
            self._head(200, [("Content-Type", "application/json")], len(body))
            self.wfile.write(body[: len(body) // 2])
            self.wfile.flush()
            self._abort()
        elif fault == "invalid_json":
            self._json(200, b'{"items": [1, 2,, ], "kpis": {')
        elif fault == "wrong_shape":
            self._json(200, encode(swap_types(valid)))
        elif fault in ("huge", "huge_unsized"):
            self._huge(fault == "huge")
        elif fault == "deep":
            self._json(200, b'{"items": ' + b"[" * DEEP_LEVELS + b"]" * DEEP_LEVELS + b"}")
        elif fault in ("e500", "e503", "e429"):
            status = int(fault[1:])
            code = {500: "internal_error", 503: "unavailable", 429: "rate_limited"}[status]
            self._json(status, encode(error_body(code, "try later")), [("Retry-After", "3600")])
        elif fault == "not_modified":
            self._head(304, [("ETag", '"never-sent"')])
        elif fault in ("error_esc", "missing_esc"):
            status = 403 if fault == "error_esc" else 404
            text = ESC_TEXT + C1_TEXT + BIDI_TEXT
            body = {"error": {"code": "forbidden" if status == 403 else "not_found",
                              "message": text, "request_id": "req_" + text}}
            if status == 404:
                body["error"]["code"] = "not_found" + ESC_TEXT
            self._json(status, encode(body), [("X-Request-Id", "req\x1b]0;owned\x07")]
                       if status == 404 else [])
        elif fault == "redirect":
            target = f"http://127.0.0.1:{self.server.owner.plain_port}{self.path}"
            self._json(302, b"{}", [("Location", target)])
        elif fault in ("esc", "c1", "bidi", "hidden", "long", "bad_utf8"):
            text = {"esc": ESC_TEXT, "c1": C1_TEXT, "bidi": BIDI_TEXT, "hidden": HIDDEN_TEXT,
                    "long": LONG_TEXT,
                    "bad_utf8": BAD_UTF8_MARK}[fault]
            self._json(200, encode(poison(valid, text), fault))
        else:
            self._json(500, encode(error_body("internal_error", "unknown fault")))

    def _huge(self, sized):
        chunk = b"x" * 65536
        head = b'{"items": [], "next_cursor": null, "total": 0, "pad": "'
        tail = b'"}'
        fill = HUGE_BYTES - len(head) - len(tail)
        headers = [("Content-Type", "application/json")]
        if sized:
            self._head(200, headers, len(head) + fill + len(tail))
        else:
            headers.append(("Connection", "close"))
            self._head(200, headers)
        try:
            self.wfile.write(head)
            sent = 0
            while sent < fill:
                n = min(len(chunk), fill - sent)
                self.wfile.write(chunk[:n])
                sent += n
            self.wfile.write(tail)
        except OSError:
            pass  # the client hung up once it had enough: that is the point
        self.close_connection = True

    def _file(self, fault):
        data = FILE_BYTES
        digest = base64.b64encode(hashlib.sha256(data).digest()).decode()
        name = "../../evil" if fault == "evil_name" else "orbit-backup-4.2.0-linux-x86_64.tar.gz"
        headers = [("Content-Type", "application/octet-stream"), ("Accept-Ranges", "bytes"),
                   ("ETag", '"file-1"'), ("Repr-Digest", f"sha-256=:{digest}:"),
                   ("Content-Disposition", f'attachment; filename="{name}"')]
        rng = self.headers.get("Range") if fault != "no_range" else None
        start = 0
        if rng and rng.startswith("bytes=") and rng.endswith("-"):
            start = int(rng[6:-1])
            if start >= len(data):
                self._json(416, encode(error_body("invalid_request", "past the end")),
                           [("Content-Range", f"bytes */{len(data)}")])
                return
            headers.append(("Content-Range", f"bytes {start}-{len(data) - 1}/{len(data)}"))
        status = 206 if start else 200
        part = data[start:]
        if fault in ("oversize", "long_length"):
            self._overflow(status, headers, part, fault == "long_length")
            return
        if fault == "drip":
            self._head(status, headers, len(part))
            self._drip(part, 1 / 40)
            return
        if fault == "truncated":
            self._head(status, headers, len(part))
            self.wfile.write(part[: len(part) // 2])
            self.wfile.flush()
            self._abort()
            return
        self._head(status, headers, len(part))
        self.wfile.write(part)


    def _overflow(self, status, headers, part, sized):
        """The file, then far more than it: with a Content-Length that says so, or none."""
        extra = OVERFLOW_BYTES if not sized else 1 << 20
        if sized:
            self._head(status, headers, len(part) + extra)
        else:
            self._head(status, headers + [("Connection", "close")])
        chunk = b"\0" * 65536
        try:
            self.wfile.write(part)
            sent = 0
            while sent < extra and not self.server.owner.stopping.is_set():
                self.wfile.write(chunk)
                sent += len(chunk)
                self.server.owner.overflow_sent = sent
        except OSError:
            pass  # the client hung up at the announced size: that is the point
        self.close_connection = True


class _TlsServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, owner, context):
        self.owner = owner
        self.context = context
        super().__init__(("127.0.0.1", 0), Handler)

    def get_request(self):
        sock, addr = self.socket.accept()
        # The handshake happens in the handler's thread, so one bad client
        # never blocks the others.
        return self.context.wrap_socket(sock, server_side=True,
                                        do_handshake_on_connect=False), addr

    def handle_error(self, request, client_address):
        self.owner.errors.append(sys.exc_info()[1])


class _PlainHandler(BaseHTTPRequestHandler):
    """The http:// side of the redirect fault: anything arriving here is a leak."""

    def log_message(self, fmt, *args):
        pass

    def do_GET(self):
        self.server.owner.plain_hits.append((self.path, dict(self.headers.items())))
        self.send_response(200)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"{}")

    do_POST = do_GET


class _PlainServer(ThreadingMixIn, HTTPServer):
    daemon_threads = True

    def __init__(self, owner):
        self.owner = owner
        super().__init__(("127.0.0.1", 0), _PlainHandler)

    def handle_error(self, request, client_address):
        pass


class HostileServer:
    """Runs in background threads; `fault` may be changed between requests."""

    def __init__(self, cert, key, fault="ok", tls_1_0_only=False):
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(cert, key)
        if tls_1_0_only:
            # An outdated server: TLS 1.0 and nothing newer (OpenSSL 3 needs security level 0).
            context.set_ciphers("DEFAULT:@SECLEVEL=0")
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", DeprecationWarning)
                context.minimum_version = ssl.TLSVersion.TLSv1
                context.maximum_version = ssl.TLSVersion.TLSv1
        self.fault = fault
        self.fault_auth = False  # True: login and refresh answer under the fault too
        self.requests = []
        self.plain_hits = []
        self.overflow_sent = 0
        self.errors = []
        self.stopping = threading.Event()
        self._lock = threading.Lock()
        self._tls = _TlsServer(self, context)
        self._plain = _PlainServer(self)
        self.port = self._tls.server_address[1]
        self.plain_port = self._plain.server_address[1]
        self._threads = [threading.Thread(target=s.serve_forever, kwargs={"poll_interval": 0.1},
                                          daemon=True) for s in (self._tls, self._plain)]
        for t in self._threads:
            t.start()

    def origin(self, host="127.0.0.1"):
        return f"https://{host}:{self.port}"

    def record(self, method, path, headers):
        with self._lock:
            self.requests.append((method, path, headers))

    def release(self):
        """Ends the stalls and drips in progress."""
        self.stopping.set()

    def resume(self):
        self.stopping.clear()

    def close(self):
        self.stopping.set()
        for s in (self._tls, self._plain):
            s.shutdown()
            s.server_close()


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cert", required=True)
    parser.add_argument("--key", required=True)
    parser.add_argument("--fault", default="ok", choices=FAULTS)
    args = parser.parse_args(argv)
    server = HostileServer(args.cert, args.key, args.fault)
    print(f"listening on {server.port}", flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        server.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
