# A real licportald over real HTTPS (optionally behind a Prism checking proxy) for integration tests.
"""Shared fixture for the integration suites.

Usage from a test module:

    import harness

    class LoginTest(harness.PortalTestCase):
        demo_users = 2                      # class attributes configure the server
        def test_login(self):
            api = self.login("demo1@example.com")   # ApiClient holding an access token
            resp = api.get("/me")
            self.assertEqual(resp.status, 200)

Each PortalTestCase class gets its own temporary directory, throwaway CA,
database and server on a free port; the server is stopped when the class is
done. The database is a SQLite file, or with LP_STORE=postgresql a fresh
database in a PostgreSQL cluster the test process starts once (pg_cluster.py)
and stops at exit; every licportald command the harness runs gets that URI as
--db, and the commands that sign license files --signing-keys as well. Paths
come from the environment (set by meson): LICPORTALD, LICPORTAL, LP_SOURCE_ROOT. With LP_VIA_PRISM=1 every request goes through
`prism proxy --errors` checking docs/api/openapi.yaml, and any response that
breaks the document fails the test (ContractViolation).

PortalTestCase class attributes: demo_users (0 = no demo data), licenses_per_user,
demo_seed, demo_timeout, access_ttl, refresh_ttl, serve_args (more serve options),
connections_per_address (1000 unless set; None: the server's default); override the classmethod
prepare(portal) to add users (portal.add_user(email, password, name, otp_secret))
before the server starts. Helpers: self.client(), self.login(email, password, otp),
assertStatus(resp, status), assertError(resp, status, code) (checks the error body
and that request_id repeats X-Request-Id), assertRevalidates(client, path).

Portal (self.portal): dir, db (a SQLite path or a PostgreSQL URI), signing_keys
(the folder of the private signing keys), files, ca_file, host, port, origin
("https://127.0.0.1:PORT"), base_url (origin + "/api/v1"), log_path; demo(),
add_user(), admin(*argv) for any sub-command, store_args(command) (--db and, where
the store needs it, --signing-keys, for tests that run licportald themselves),
sql(query, params, write=False) on the store in either dialect ('?' parameters),
skip_explicit_ids(table) after rows written with their ids, start()/stop() (a
restart gets a new port), client(), direct_client(), login(), log_text()/log_tail(). A server that crashes, exits non-zero or ignores
SIGTERM fails the class in tearDownClass. Portal(same_store_as=other) is a second
licportald on other's database (PostgreSQL only).

ApiClient: request(method, path, body=None, token=None, headers=None, raw_body=None,
auth=True, rejected_by_contract=False, binary=False) -> Response, which unpacks as
(status, headers, body) and has .raw, .json, .error_code, .describe(); get/post/
delete; login(email, password, otp) keeps token/refresh_token/user; list_all(path,
params, limit) follows next_cursor. Mark requests that break the document on
purpose with rejected_by_contract=True and byte downloads with binary=True, so that
Prism mode still asks the server about them.

Also: totp(secret_base32, at=None, offset_steps=0) per RFC 6238, parse_ts(text),
free_port(), source_root(), required_binary(variable), DEMO_PASSWORD, ADDED_PASSWORD
(add_user's default password).

ClientWrapper: the command LICPORTAL_TEST_WRAPPER puts before each licportal a test
starts (the 'valgrind' suite's tests/valgrind/memcheck.sh); wrap(argv), killed(pid),
problems() from the valgrind logs. slowdown(): LICPORTAL_TEST_SLOWDOWN, the factor by
which waits for the client grow under such a wrapper.
"""

import atexit
import base64
import calendar
import ctypes
import hashlib
import hmac
import http.client
import json
import math
import os
import re
import select
import shlex
import shutil
import signal
import socket
import sqlite3
import ssl
import struct
import subprocess
import tempfile
import threading
import time
import unittest
import urllib.parse

import pg_cluster

DEMO_PASSWORD = "demo"
# add_user's default: `user add` wants at least 12 characters.
ADDED_PASSWORD = "added-user-password"
API_PREFIX = "/api/v1"
START_TIMEOUT = 30.0
PRISM_START_TIMEOUT = 90.0
PR_SET_PDEATHSIG = 1
# Every test client connects from 127.0.0.1 and keeps its connection until its class ends, so
# the server's default cap on connections per client address (32) is raised for tests.
TEST_CONNECTIONS_PER_ADDRESS = 1000
PRISM_PROBLEM_PREFIX = "https://stoplight.io/prism/errors#"
# Prism's answers to requests it refuses to forward because the document rejects them.
PRISM_REQUEST_REJECTIONS = ("UNPROCESSABLE_ENTITY", "UNAUTHORIZED", "INVALID_CONTENT_TYPE",
                            "NO_PATH_MATCHED_ERROR", "NO_METHOD_MATCHED_ERROR")
STORES = ("sqlite", "postgresql")
# The licportald commands that sign license files, so need --signing-keys with PostgreSQL.
SIGNING_KEY_COMMANDS = ("init", "demo", "serve", "keys")


class HarnessError(RuntimeError):
    """The fixture itself could not be set up (missing binary, server did not start...)."""


class ContractViolation(AssertionError):
    """Prism found a response (or an expected-valid request) that breaks docs/api/openapi.yaml."""


def source_root():
    root = os.environ.get("LP_SOURCE_ROOT")
    if root:
        return root
    return os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def via_prism():
    return os.environ.get("LP_VIA_PRISM") == "1"


def store():
    """The store the servers use: LP_STORE, 'sqlite' unless set."""
    name = os.environ.get("LP_STORE") or "sqlite"
    if name not in STORES:
        raise HarnessError(f"LP_STORE={name}: expected one of {', '.join(STORES)}")
    return name


_cluster = None


def _exit_on_sigterm(signum, frame):
    # A test stopped by meson (SIGTERM) still runs its atexit handlers: the cluster goes too.
    raise SystemExit(128 + signum)


def shared_cluster():
    """The PostgreSQL cluster of this test process, started on first use, stopped at exit."""
    global _cluster
    if _cluster is None:
        try:
            cluster = pg_cluster.Cluster()
            atexit.register(cluster.stop)
            cluster.start()
            cluster.stop_when_gone(os.getpid())
        except pg_cluster.ClusterError as exc:
            raise HarnessError(f"LP_STORE=postgresql: {exc}") from exc
        if signal.getsignal(signal.SIGTERM) == signal.SIG_DFL:
            signal.signal(signal.SIGTERM, _exit_on_sigterm)
        _cluster = cluster
    return _cluster


def sql_literal(value):
    """A Python value as a PostgreSQL literal (standard_conforming_strings is on)."""
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, (bytes, bytearray)):
        return "'\\x" + bytes(value).hex() + "'::bytea"
    if isinstance(value, str):
        if "\0" in value:
            raise HarnessError("a NUL in a text parameter")
        return "'" + value.replace("'", "''") + "'"
    raise HarnessError(f"cannot pass {type(value).__name__} to SQL")


def bind_parameters(query, params):
    """`query` with each '?' outside quotes replaced by the next parameter as a literal."""
    out, values, quote = [], iter(params), None
    for ch in query:
        if quote is not None:
            quote = None if ch == quote else quote
        elif ch in "'\"":
            quote = ch
        elif ch == "?":
            try:
                ch = sql_literal(next(values))
            except StopIteration as exc:
                raise HarnessError(f"too few parameters for {query!r}") from exc
        out.append(ch)
    left_over = object()
    if next(values, left_over) is not left_over:
        raise HarnessError(f"too many parameters for {query!r}")
    return "".join(out)


def required_binary(variable):
    path = os.environ.get(variable)
    if not path:
        raise HarnessError(f"{variable} is not set (run through meson test)")
    if not os.access(path, os.X_OK):
        raise HarnessError(f"{variable}={path} is not an executable file")
    return path


def totp(secret_base32, at=None, step=30, digits=6, offset_steps=0):
    """RFC 6238 TOTP (HMAC-SHA1) for a base32 secret, `offset_steps` windows away from `at`."""
    secret = secret_base32.upper().replace(" ", "")
    secret += "=" * (-len(secret) % 8)
    key = base64.b32decode(secret)
    counter = int((time.time() if at is None else at) // step) + offset_steps
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    code = (struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF) % (10 ** digits)
    return str(code).zfill(digits)


def parse_ts(text):
    """RFC 3339 UTC time stamp with Z (the contract's only form) to epoch seconds."""
    return calendar.timegm(time.strptime(text, "%Y-%m-%dT%H:%M:%SZ"))


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def parses_as_json(raw):
    try:
        json.loads(raw.decode("utf-8"))
        return True
    except (UnicodeDecodeError, ValueError):
        return False


class Response:
    """One HTTP answer. Unpacks as (status, headers, body); body is parsed JSON when the
    response says application/json, else the raw bytes (b"" when there is none)."""

    def __init__(self, status, headers, raw, method, path):
        self.status = status
        self.headers = headers          # http.client.HTTPMessage: case-insensitive .get()
        self.raw = raw
        self.method = method
        self.path = path
        content_type = (headers.get("Content-Type") or "").split(";")[0].strip().lower()
        self.content_type = content_type
        self.body = raw
        if raw and (content_type == "application/json" or content_type.endswith("+json")):
            try:
                self.body = json.loads(raw.decode("utf-8"))
            except (UnicodeDecodeError, ValueError):
                self.body = raw

    def __iter__(self):
        return iter((self.status, self.headers, self.body))

    @property
    def json(self):
        if isinstance(self.body, (bytes, bytearray)):
            raise AssertionError(f"{self.describe()}: body is not JSON: {self.raw[:300]!r}")
        return self.body

    @property
    def error_code(self):
        body = self.body
        if isinstance(body, dict) and isinstance(body.get("error"), dict):
            return body["error"].get("code")
        return None

    def describe(self):
        text = self.raw[:500].decode("utf-8", "replace") if self.raw else ""
        return f"{self.method} {self.path} -> {self.status} {text}"

    def __repr__(self):
        return f"<Response {self.describe()}>"


class ApiClient:
    """A small JSON client over one persistent connection (HTTPS to the server, trusting only
    the test CA; or plain HTTP to the Prism checking proxy). Paths are relative to /api/v1."""

    def __init__(self, host, port, ca_file=None, prefix=API_PREFIX, token=None, checker=None,
                 direct=None, timeout=60.0):
        self.host = host
        self.port = port
        self.ca_file = ca_file
        self.prefix = prefix
        self.token = token
        self.refresh_token = None
        self.user = None
        self.timeout = timeout
        self._checker = checker         # set when talking to Prism: validates each response
        self._direct = direct           # ApiClient straight to the server (Prism mode only)
        self._conn = None

    def _connect(self):
        if self.ca_file:
            context = ssl.create_default_context(ssl.Purpose.SERVER_AUTH, cafile=self.ca_file)
            context.check_hostname = True
            context.verify_mode = ssl.CERT_REQUIRED
            return http.client.HTTPSConnection(self.host, self.port, timeout=self.timeout,
                                               context=context)
        return http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)

    def close(self):
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        if self._direct is not None:
            self._direct.close()

    def _send(self, method, url, data, headers):
        for attempt in (1, 2):
            if self._conn is None:
                self._conn = self._connect()
            try:
                self._conn.request(method, url, body=data, headers=headers)
                resp = self._conn.getresponse()
                raw = resp.read()
                if resp.getheader("Connection", "").lower() == "close":
                    self._conn.close()
                    self._conn = None
                return resp.status, resp.headers, raw
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError,
                    http.client.CannotSendRequest, http.client.ResponseNotReady):
                # A kept-alive connection the peer closed while idle: open a new one once.
                self._conn.close()
                self._conn = None
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def request(self, method, path, body=None, token=None, headers=None, raw_body=None,
                auth=True, rejected_by_contract=False, binary=False):
        """Send one request; return a Response.

        body: a JSON-serialisable value; raw_body: bytes sent as they are (malformed JSON).
        token: Bearer token for this call (default: the client's own, unless auth=False).
        rejected_by_contract: the request itself breaks the document on purpose (bad query
          value, malformed JSON, no token). Through Prism, the proxy may refuse to forward
          it; the harness then sends it straight to the server so its answer is still tested.
        binary: the body is bytes Prism would decode as text; through Prism the response is
          checked by Prism and the bytes are taken from the server itself.
        """
        send_headers = {"Accept": "application/json"}
        if token is None and auth:
            token = self.token
        if token:
            send_headers["Authorization"] = f"Bearer {token}"
        data = None
        if raw_body is not None:
            data = raw_body
            send_headers["Content-Type"] = "application/json"
        elif body is not None:
            data = json.dumps(body).encode("utf-8")
            send_headers["Content-Type"] = "application/json"
        if method in ("POST", "PUT", "PATCH") and data is None:
            data = b""
        if headers:
            send_headers.update(headers)
        if (self._checker is not None and rejected_by_contract and raw_body is not None
                and not parses_as_json(raw_body)):
            # Prism must parse a JSON body before anything else and answers malformed JSON
            # itself, outside the document: only the server can be asked about it.
            return self._direct.request(method, path, token=token, headers=headers,
                                        raw_body=raw_body, auth=auth)
        url = self.prefix + path
        status, resp_headers, raw = self._send(method, url, data, send_headers)
        resp = Response(status, resp_headers, raw, method, path)
        if self._checker is not None:
            rejected = self._checker(resp, rejected_by_contract)
            if rejected or binary:
                resp = self._direct.request(method, path, body=body, token=token,
                                            headers=headers, raw_body=raw_body, auth=auth)
        return resp

    def get(self, path, **kw):
        return self.request("GET", path, **kw)

    def post(self, path, body=None, **kw):
        return self.request("POST", path, body=body, **kw)

    def delete(self, path, **kw):
        return self.request("DELETE", path, **kw)

    # --- conveniences built on the contract -------------------------------------------
    def login(self, email, password=DEMO_PASSWORD, otp=None):
        """POST /auth/login; on 200 keep the tokens in this client. Returns the Response."""
        body = {"email": email, "password": password}
        if otp is not None:
            body["otp"] = otp
        resp = self.post("/auth/login", body, auth=False)
        if resp.status == 200:
            self.token = resp.json["access_token"]
            self.refresh_token = resp.json["refresh_token"]
            self.user = resp.json.get("user")
        return resp

    def list_all(self, path, params=None, limit=200, max_pages=100000):
        """Follow next_cursor from the first page to the last; returns (items, totals seen)."""
        items, totals = [], []
        cursor = None
        for _ in range(max_pages):
            query = dict(params or {})
            query["limit"] = str(limit)
            if cursor is not None:
                query["cursor"] = cursor
            resp = self.get(path + "?" + urllib.parse.urlencode(query))
            if resp.status != 200:
                raise AssertionError(f"paging {path}: {resp.describe()}")
            page = resp.json
            items.extend(page["items"])
            totals.append(page["total"])
            cursor = page.get("next_cursor")
            if cursor is None:
                return items, totals
        raise AssertionError(f"paging {path}: more than {max_pages} pages")


def _die_with_parent():
    """preexec_fn: the child gets SIGTERM when the test process dies, even by SIGKILL or a
    meson timeout, so no server outlives its test."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):
        pass


def settle_expiry(api, slack=3):
    """Wait until no license is within `slack` seconds of its expiry, so that statuses
    (computed at request time) hold still while a test compares lists."""
    items, _ = api.list_all("/licenses")
    now = time.time()
    near = [parse_ts(x["expires_at"]) for x in items if x["expires_at"]
            and -slack <= parse_ts(x["expires_at"]) - now <= slack]
    if near:
        time.sleep(max(0.0, max(near) - now + 1.5))


def slowdown():
    """How many times longer the client may take than when it runs on its own: the
    'valgrind' suite sets LICPORTAL_TEST_SLOWDOWN with its wrapper."""
    try:
        return max(1.0, float(os.environ.get("LICPORTAL_TEST_SLOWDOWN", "1")))
    except ValueError:
        return 1.0


VALGRIND_SUMMARY = re.compile(r"ERROR SUMMARY: (\d+) errors?")
VALGRIND_LOST = re.compile(r"(definitely|indirectly) lost: ([\d,]+) bytes")
VALGRIND_FRAME = re.compile(r"^==\d+==\s+(at|by) 0x")
VALGRIND_LOG_LINES = 150


class ClientWrapper:
    """The command that LICPORTAL_TEST_WRAPPER puts before each licportal a test starts
    (the 'valgrind' suite: "tests/valgrind/memcheck.sh {logs}"). "{logs}" becomes a folder
    of this object's own, where memcheck leaves one log per process (vg.PID); problems()
    reads them once the processes are over, since a client run inside a terminal has no
    exit status that its test could see. Without the variable, wrap() returns argv as it is
    and problems() finds none."""

    def __init__(self):
        command = os.environ.get("LICPORTAL_TEST_WRAPPER", "").strip()
        self.dir = tempfile.mkdtemp(prefix="licportal-wrapper-") if command else None
        self.prefix = [word.replace("{logs}", self.dir) for word in shlex.split(command)]
        self._killed = set()
        self._wrapped = 0

    @property
    def active(self):
        return bool(self.prefix)

    def wrap(self, argv):
        self._wrapped += bool(self.prefix)
        return self.prefix + list(argv)

    def killed(self, pid):
        """A test killed this process on purpose: its log has no summary to read, only
        the errors reported before the kill."""
        self._killed.add(int(pid))

    @staticmethod
    def _over(pid):
        try:
            with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as f:
                return f.read().rsplit(")", 1)[1].split()[0] in ("Z", "X")
        except (OSError, IndexError):
            return True

    def _logs(self):
        names = sorted(n for n in os.listdir(self.dir) if re.fullmatch(r"vg\.\d+", n))
        return [(int(n[3:]), os.path.join(self.dir, n)) for n in names]

    def problems(self, timeout=None):
        """What the logs report, one text per log that found something (its path and its
        report); waits up to `timeout` seconds for processes still writing theirs."""
        if not self.active:
            return []
        deadline = time.monotonic() + (60.0 * slowdown() if timeout is None else timeout)
        logs = self._logs()
        if self._wrapped and not logs:
            # A wrapper that writes elsewhere (no "{logs}") would check nothing.
            return [f"no valgrind log in {self.dir} after {self._wrapped} wrapped runs: "
                    f"LICPORTAL_TEST_WRAPPER must send its logs to {{logs}}"]
        found = []
        for pid, path in logs:
            while True:
                over = self._over(pid)  # before the read: a log read after it is whole
                with open(path, encoding="utf-8", errors="replace") as f:
                    text = f.read()
                summary = VALGRIND_SUMMARY.search(text)
                if summary or over or pid in self._killed or time.monotonic() >= deadline:
                    break
                time.sleep(0.1)
            lines = text.splitlines()
            what = []
            if summary is None and pid in self._killed:
                if any(VALGRIND_FRAME.match(line) for line in lines):
                    what.append("errors before it was killed")
            elif summary is None:
                what.append("no ERROR SUMMARY: the process did not end normally")
            else:
                if int(summary.group(1)) > 0:
                    what.append(f"ERROR SUMMARY: {summary.group(1)} errors")
                what += [m.group(0) for m in VALGRIND_LOST.finditer(text)
                         if int(m.group(2).replace(",", "")) > 0]
            if what:
                found.append(f"valgrind log {path}: {'; '.join(what)}\n"
                             + "\n".join(lines[:VALGRIND_LOG_LINES]))
        return found

    def cleanup(self, keep=False):
        """Removes the logs' folder, unless `keep` (a test that failed names its logs)."""
        if self.dir is not None and not keep:
            shutil.rmtree(self.dir, ignore_errors=True)


class Portal:
    """One licportald: temp dir, CA, database, files, running server (and Prism if asked)."""

    def __init__(self, access_ttl=None, refresh_ttl=None, keep_dir=False, serve_args=(),
                 connections_per_address=TEST_CONNECTIONS_PER_ADDRESS, same_store_as=None):
        """same_store_as: another Portal whose database, signing keys, files and TLS
        certificate this one serves as a second instance (PostgreSQL only)."""
        self.licportald = required_binary("LICPORTALD")
        self.access_ttl = access_ttl
        self.refresh_ttl = refresh_ttl
        self.serve_args = list(serve_args)
        self.connections_per_address = connections_per_address
        self.keep_dir = keep_dir or os.environ.get("LP_KEEP_TMP") == "1"
        self.dir = tempfile.mkdtemp(prefix="licportal-integ-")
        self.store = store()
        if same_store_as is not None:
            if self.store != "postgresql":
                raise HarnessError("a second instance on one database needs LP_STORE=postgresql")
            self.db = same_store_as.db
            self.signing_keys = same_store_as.signing_keys
        elif self.store == "postgresql":
            self.db = shared_cluster().create_database()
            self.signing_keys = os.path.join(self.dir, "signing-keys")
        else:
            self.db = os.path.join(self.dir, "portal.db")
            self.signing_keys = self.db + ".signing-keys"
        self.files = os.path.join(self.dir, "files")
        self.cert_dir = os.path.join(self.dir, "tls")
        if same_store_as is not None:
            self.files = same_store_as.files
            self.cert_dir = same_store_as.cert_dir
        self.log_path = os.path.join(self.dir, "server.log")
        self.prism_log_path = os.path.join(self.dir, "prism.log")
        self.ca_file = os.path.join(self.cert_dir, "ca.pem")
        self.host = "127.0.0.1"
        self.port = None
        self.origin = None
        self.base_url = None
        self.prism_port = None
        self._server = None
        self._prism = None
        self._log = None
        self._prism_log = None
        self._stdout_thread = None
        self._clients = []
        self.exit_problems = []
        if same_store_as is None:
            os.makedirs(self.files, exist_ok=True)
            self._run(["bash", os.path.join(source_root(), "scripts", "mkcert.sh"), self.cert_dir],
                      what="mkcert.sh")
            self.admin("init", "--db", self.db)

    # --- administration (sub-commands of the same binary) -----------------------------
    def _run(self, argv, what, stdin=None, timeout=300):
        try:
            proc = subprocess.run(argv, input=stdin, capture_output=True, timeout=timeout)
        except subprocess.TimeoutExpired as exc:
            raise HarnessError(f"{what} did not finish in {timeout} s") from exc
        if proc.returncode != 0:
            raise HarnessError(f"{what} failed with exit status {proc.returncode}:\n"
                               f"{proc.stdout.decode(errors='replace')}"
                               f"{proc.stderr.decode(errors='replace')}")
        return proc.stdout.decode(errors="replace")

    def admin(self, *args, stdin=None, timeout=300):
        """Run `licportald ARGS...` (with --signing-keys where the store needs it); raise
        HarnessError with its output if it fails."""
        argv = list(args)
        if argv and "--signing-keys" not in argv:
            argv += self.store_args(argv[0])[2:]
        return self._run([self.licportald, *argv], what="licportald " + " ".join(args[:2]),
                         stdin=stdin, timeout=timeout)

    def store_args(self, command):
        """--db and, with PostgreSQL for the commands that sign license files, --signing-keys."""
        argv = ["--db", self.db]
        if self.store == "postgresql" and command in SIGNING_KEY_COMMANDS:
            argv += ["--signing-keys", self.signing_keys]
        return argv

    def demo(self, users=2, licenses_per_user=None, seed=None, password=DEMO_PASSWORD,
             timeout=300):
        argv = ["demo", "--db", self.db, "--files", self.files, "--users", str(users)]
        if licenses_per_user is not None:
            argv += ["--licenses-per-user", str(licenses_per_user)]
        if seed is not None:
            argv += ["--seed", str(seed)]
        argv.append("--password-stdin")
        return self.admin(*argv, stdin=password.encode(), timeout=timeout)

    def add_user(self, email, password=ADDED_PASSWORD, name=None, otp_secret=None):
        argv = ["user", "add", "--db", self.db, "--email", email]
        if name is not None:
            argv += ["--name", name]
        if otp_secret is not None:
            secret_file = os.path.join(self.dir, f"otp-{email}")
            fd = os.open(secret_file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w") as f:
                f.write(otp_secret + "\n")
            argv += ["--otp-secret-file", secret_file]
        argv.append("--password-stdin")
        return self.admin(*argv, stdin=password.encode())

    def sql(self, query, params=(), write=False):
        """One statement on the server's store, for facts the API does not expose (read-only
        unless `write`). '?' marks parameters; the text must mean the same in SQLite and
        PostgreSQL. Returns the rows as tuples (none for a write in PostgreSQL)."""
        if self.store == "postgresql":
            return self._psql(query, params, write)
        if write:
            conn = sqlite3.connect(self.db, timeout=10)
        else:
            conn = sqlite3.connect(f"file:{self.db}?mode=ro", uri=True, timeout=10)
        try:
            with conn:
                return conn.execute(query, params).fetchall()
        finally:
            conn.close()

    def skip_explicit_ids(self, table):
        """After rows written with explicit ids into `table`: the rows the server adds are
        numbered after them. SQLite does so by itself; PostgreSQL's identity counter is moved."""
        if self.store == "postgresql":
            if not re.fullmatch(r"[a-z_]+", table):
                raise HarnessError(f"table name {table!r}")
            self.sql(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))",
                     write=True)

    def _psql(self, query, params, write):
        statement = bind_parameters(query.strip().rstrip(";"), params)
        if not write:
            # Rows as JSON keep numbers numbers; a list of values per row keeps column order.
            # Only a query can stand in the subquery, so a read cannot write.
            statement = f"SELECT coalesce(json_agg(q), '[]') FROM ({statement}) q"
        argv = shared_cluster().psql_command(self.db) + ["--tuples-only", "--no-align",
                                                         "--command", statement]
        out = self._run(argv, what="psql " + query[:60], timeout=60)
        if write:
            return []
        rows = json.loads(out, object_pairs_hook=lambda pairs: tuple(value for _, value in pairs))
        return list(rows)

    # --- the server --------------------------------------------------------------------
    def start(self):
        argv = [self.licportald, "serve", *self.store_args("serve"), "--files", self.files,
                "--listen", "127.0.0.1:0",
                "--cert", os.path.join(self.cert_dir, "server.pem"),
                "--key", os.path.join(self.cert_dir, "server.key")]
        if self.access_ttl is not None:
            argv += ["--access-ttl", str(self.access_ttl)]
        if self.refresh_ttl is not None:
            argv += ["--refresh-ttl", str(self.refresh_ttl)]
        if self.connections_per_address is not None:
            argv += ["--connections-per-address", str(self.connections_per_address)]
        argv += self.serve_args
        self._log = open(self.log_path, "ab")
        self._server = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                        stderr=self._log, preexec_fn=_die_with_parent)
        line = self._first_line(self._server, START_TIMEOUT)
        match = re.match(r"^listening on https://([^\s:]+|\[[^\]]+\]):(\d+)\s*$", line)
        if not match:
            self.stop()
            raise HarnessError(f"licportald serve: unexpected first line {line!r}\n"
                               + self.log_text())
        self.port = int(match.group(2))
        self.origin = f"https://{self.host}:{self.port}"
        self.base_url = self.origin + API_PREFIX
        self._stdout_thread = threading.Thread(target=self._drain, args=(self._server.stdout,),
                                               daemon=True)
        self._stdout_thread.start()
        if via_prism():
            self._start_prism()
        return self

    def _first_line(self, proc, timeout):
        deadline = time.monotonic() + timeout
        fd = proc.stdout.fileno()
        buf = b""
        while b"\n" not in buf:
            left = deadline - time.monotonic()
            if left <= 0:
                self.stop()
                raise HarnessError(f"licportald serve printed no address within {timeout} s\n"
                                   + self.log_text())
            ready, _, _ = select.select([fd], [], [], min(left, 0.5))
            if ready:
                chunk = os.read(fd, 4096)
                if not chunk:
                    code = proc.wait()
                    self.stop()
                    raise HarnessError(f"licportald serve exited ({code}) before listening\n"
                                       + self.log_text())
                buf += chunk
        line, rest = buf.split(b"\n", 1)
        if rest:
            self._log.write(rest)
            self._log.flush()
        return line.decode(errors="replace")

    def _drain(self, stream):
        # Keep the pipe from filling up; whatever comes goes into the log.
        for chunk in iter(lambda: stream.read1(4096), b""):
            try:
                self._log.write(chunk)
                self._log.flush()
            except ValueError:
                return

    def alive(self):
        return self._server is not None and self._server.poll() is None

    def _start_prism(self):
        doc = os.path.join(source_root(), "docs", "api", "openapi.yaml")
        if not os.path.exists(doc):
            raise HarnessError(f"LP_VIA_PRISM=1 but {doc} does not exist")
        prism = os.path.join(prism_bin_dir(), "prism")
        # Prism matches request paths against the document's `paths`; when those are
        # relative to a /api/v1 server URL, the prefix belongs to the upstream instead.
        full_paths = document_paths_include_prefix(doc)
        self.prism_prefix = API_PREFIX if full_paths else ""
        upstream = self.origin if full_paths else self.origin + API_PREFIX
        self.prism_port = free_port()
        env = dict(os.environ, NODE_EXTRA_CA_CERTS=self.ca_file, NO_COLOR="1", FORCE_COLOR="0")
        self._prism_log = open(self.prism_log_path, "ab")
        self._prism = subprocess.Popen(
            [prism, "proxy", doc, upstream, "--errors", "--port", str(self.prism_port),
             "--host", "127.0.0.1"],
            stdin=subprocess.DEVNULL, stdout=self._prism_log, stderr=subprocess.STDOUT, env=env,
            start_new_session=True, preexec_fn=_die_with_parent)
        deadline = time.monotonic() + PRISM_START_TIMEOUT
        while time.monotonic() < deadline:
            if self._prism.poll() is not None:
                break
            try:
                conn = http.client.HTTPConnection("127.0.0.1", self.prism_port, timeout=5)
                conn.request("GET", self.prism_prefix + "/me")
                conn.getresponse().read()
                conn.close()
                return
            except OSError:
                time.sleep(0.3)
        text = self.prism_log_text()
        self.stop()
        raise HarnessError("prism proxy did not start\n" + text)

    def _check_through_prism(self, resp, rejected_by_contract):
        """Raise ContractViolation when Prism reports one; return True when Prism refused to
        forward a request the test sent against the document on purpose."""
        violations = resp.headers.get("sl-violations")
        problem_type = ""
        if resp.content_type == "application/problem+json" and isinstance(resp.body, dict):
            problem_type = str(resp.body.get("type", ""))
        if problem_type.startswith(PRISM_PROBLEM_PREFIX):
            kind = problem_type[len(PRISM_PROBLEM_PREFIX):]
            if rejected_by_contract and kind in PRISM_REQUEST_REJECTIONS:
                return True
            raise ContractViolation(f"Prism: {resp.describe()}\n" + self.prism_log_tail())
        if violations:
            raise ContractViolation(f"Prism sl-violations on {resp.method} {resp.path} "
                                    f"({resp.status}): {violations}")
        return False

    def client(self, token=None):
        """A new ApiClient: through Prism in Prism mode, else straight to the server."""
        if self.port is None:
            raise HarnessError("server not started")
        direct = ApiClient(self.host, self.port, ca_file=self.ca_file, token=token)
        if self._prism is None:
            client = direct
        else:
            client = ApiClient("127.0.0.1", self.prism_port, ca_file=None,
                               prefix=self.prism_prefix, token=token,
                               checker=self._check_through_prism, direct=direct)
        self._clients.append(client)
        return client

    def direct_client(self, token=None):
        """An ApiClient straight to the server over HTTPS, also in Prism mode."""
        client = ApiClient(self.host, self.port, ca_file=self.ca_file, token=token)
        self._clients.append(client)
        return client

    def login(self, email, password=DEMO_PASSWORD, otp=None):
        """A client logged in as email; raises AssertionError when the login fails."""
        client = self.client()
        resp = client.login(email, password, otp)
        if resp.status != 200:
            raise AssertionError(f"login as {email}: {resp.describe()}")
        return client

    def log_text(self):
        try:
            with open(self.log_path, "rb") as f:
                return f.read().decode(errors="replace")
        except OSError:
            return ""

    def log_tail(self, lines=60):
        return "\n".join(self.log_text().splitlines()[-lines:])

    def prism_log_text(self):
        try:
            with open(self.prism_log_path, "rb") as f:
                return f.read().decode(errors="replace")
        except OSError:
            return ""

    def prism_log_tail(self, lines=30):
        # Skip Prism's start-up listing of every route; keep what it said about requests.
        said = [l for l in self.prism_log_text().splitlines() if "[CLI]" not in l]
        return "\n".join(said[-lines:])

    @staticmethod
    def _terminate(proc, group=False):
        """SIGTERM, then SIGKILL after 5 s. Returns a problem in words, or None when the
        process ended cleanly on SIGTERM (or was not running)."""
        if proc is None:
            return None
        if proc.poll() is not None:
            return f"exited by itself with status {proc.returncode}"
        try:
            if group:
                os.killpg(proc.pid, signal.SIGTERM)
            else:
                proc.terminate()
            proc.wait(timeout=5)
        except (subprocess.TimeoutExpired, ProcessLookupError):
            try:
                if group:
                    os.killpg(proc.pid, signal.SIGKILL)
                else:
                    proc.kill()
            except ProcessLookupError:
                pass
            proc.wait(timeout=5)
            return "did not stop within 5 s of SIGTERM and was killed"
        if proc.returncode != 0:
            return f"ended with status {proc.returncode} when stopped with SIGTERM"
        return None

    def stop(self):
        for client in self._clients:
            client.close()
        self._clients = []
        self._terminate(self._prism, group=True)
        self._prism = None
        problem = self._terminate(self._server)
        if problem:
            # A crash, a sanitizer report at exit, or a hang on shutdown: the test class
            # fails on it (PortalTestCase.tearDownClass) with the log.
            self.exit_problems.append("licportald " + problem)
        if self._stdout_thread is not None:
            self._stdout_thread.join(timeout=2)
            self._stdout_thread = None
        if self._server is not None and self._server.stdout is not None:
            self._server.stdout.close()
        self._server = None
        for f in (self._log, self._prism_log):
            if f is not None:
                f.close()
        self._log = self._prism_log = None

    def cleanup(self):
        self.stop()
        if not self.keep_dir:
            shutil.rmtree(self.dir, ignore_errors=True)


def prism_bin_dir():
    override = os.environ.get("LP_PRISM_BIN")
    if override:
        return override
    script = os.path.join(source_root(), "scripts", "npm-tools.sh")
    try:
        out = subprocess.run(["bash", script], capture_output=True, timeout=600, check=True)
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
        raise HarnessError(f"scripts/npm-tools.sh failed: {exc}") from exc
    lines = out.stdout.decode().strip().splitlines()
    if not lines:
        raise HarnessError("scripts/npm-tools.sh printed no folder")
    return lines[-1]


def document_paths_include_prefix(doc):
    """True when the document's path keys already start with /api/v1."""
    with open(doc, encoding="utf-8") as f:
        text = f.read()
    keys = re.findall(r"^\s{2}['\"]?(/[^\s'\":]*)['\"]?:\s*$", text, flags=re.MULTILINE)
    return any(key.startswith(API_PREFIX + "/") for key in keys)


class PortalTestCase(unittest.TestCase):
    """Base class: one server per test class, configured by class attributes."""

    access_ttl = None
    refresh_ttl = None
    serve_args = ()             # more options for `licportald serve`
    connections_per_address = TEST_CONNECTIONS_PER_ADDRESS  # None: the server's default
    demo_users = 2              # 0: no demo data
    licenses_per_user = None
    demo_seed = None
    demo_timeout = 300
    portal = None

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        portal = Portal(access_ttl=cls.access_ttl, refresh_ttl=cls.refresh_ttl,
                        serve_args=cls.serve_args,
                        connections_per_address=cls.connections_per_address)
        # Runs even when a subclass's setUpClass fails after this one returned.
        cls.addClassCleanup(portal.cleanup)
        try:
            demo_done = None
            if cls.demo_users:
                portal.demo(users=cls.demo_users, licenses_per_user=cls.licenses_per_user,
                            seed=cls.demo_seed, timeout=cls.demo_timeout)
                demo_done = time.time()
            cls.prepare(portal)
            portal.start()
            if demo_done is not None:
                # The demo has a license that expires the second the data is made. Until
                # the server's clock (whole seconds) has passed it, that license is still
                # active and inside every expiry window; tests start after it lapsed.
                time.sleep(max(0.0, math.floor(demo_done) + 1.05 - time.time()))
        except BaseException:
            text = portal.log_text()
            portal.cleanup()
            if text:
                print("# server log:\n" + "\n".join("# " + l for l in text.splitlines()[-60:]))
            raise
        cls.portal = portal

    @classmethod
    def prepare(cls, portal):
        """Hook: add users etc. before the server starts."""

    @classmethod
    def tearDownClass(cls):
        portal = cls.portal
        cls.portal = None
        if portal is not None:
            portal.stop()
            log = portal.log_tail()
            problems = portal.exit_problems
            portal.cleanup()
            if problems:
                raise AssertionError("; ".join(problems) + "\n" + log)
        super().tearDownClass()

    # --- helpers ------------------------------------------------------------------------
    def client(self):
        return self.portal.client()

    def login(self, email="demo1@example.com", password=DEMO_PASSWORD, otp=None):
        return self.portal.login(email, password, otp)

    def assertStatus(self, resp, status):
        self.assertEqual(resp.status, status, resp.describe())

    def assertError(self, resp, status, code):
        """Status, error code, message, and request_id repeating X-Request-Id."""
        self.assertEqual(resp.status, status, resp.describe())
        body = resp.body
        self.assertIsInstance(body, dict, resp.describe())
        self.assertIsInstance(body.get("error"), dict, resp.describe())
        error = body["error"]
        self.assertEqual(error.get("code"), code, resp.describe())
        self.assertIsInstance(error.get("message"), str, resp.describe())
        self.assertTrue(error["message"], resp.describe())
        request_id = resp.headers.get("X-Request-Id")
        self.assertTrue(request_id, f"no X-Request-Id: {resp.describe()}")
        self.assertEqual(error.get("request_id"), request_id, resp.describe())

    def assertRevalidates(self, client, path, binary=False, tries=3):
        """GET path, then GET it again with If-None-Match: expect an empty 304 carrying the
        same strong ETag. A body holding a time stamp may change between the two requests;
        then the answer is a 200 with a new tag, and the round trip is tried again."""
        for _ in range(tries):
            first = client.get(path, binary=binary)
            self.assertEqual(first.status, 200, first.describe())
            etag = first.headers.get("ETag")
            self.assertTrue(etag, f"{path} without ETag")
            self.assertRegex(etag, r'^"[\x21\x23-\x7e]*"$', f"{path}: not a strong tag")
            again = client.get(path, headers={"If-None-Match": etag}, binary=binary)
            if again.status == 200 and again.headers.get("ETag") not in (None, etag):
                continue
            self.assertEqual(again.status, 304, again.describe())
            self.assertEqual(again.raw, b"", f"{path}: 304 with a body")
            self.assertEqual(again.headers.get("ETag"), etag)
            self.assertTrue(again.headers.get("X-Request-Id"), f"{path}: 304 without X-Request-Id")
            return etag
        self.fail(f"{path}: the representation changed on each of {tries} tries")
