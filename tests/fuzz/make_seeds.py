#!/usr/bin/python3
# Writes the seed corpora under tests/fuzz/corpus/ from the API document's examples plus hostile variants.
"""Usage: tests/fuzz/make_seeds.py   (needs python3-yaml; run from anywhere)

The JSON mapper target takes a first byte that picks the mapper (see
fuzz_json_map.c); every example body of docs/api/openapi.yaml is written once
per mapper it belongs to, and hostile variants of each are added.
"""

import base64
import json
import os

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
CORPUS = os.path.join(HERE, "corpus")

MAPPERS = {"dashboard": 0, "license_page": 1, "license_detail": 2, "activation_page": 3,
           "download_page": 4, "download": 5, "user": 6, "tokens": 7, "revealed_key": 8,
           "error_body": 9}

# (path, method, status) of the document -> mapper
RESPONSES = {
    ("/dashboard", "get", "200"): "dashboard",
    ("/licenses", "get", "200"): "license_page",
    ("/licenses/{id}", "get", "200"): "license_detail",
    ("/activations", "get", "200"): "activation_page",
    ("/downloads", "get", "200"): "download_page",
    ("/downloads/{id}", "get", "200"): "download",
    ("/me", "get", "200"): "user",
    ("/licenses/{id}/reveal", "post", "200"): "revealed_key",
}

ANSI = "\x1b[31mred\x1b[0m\x1b]52;c;ZXZpbA==\x07\u009b31m\u202eevil\u202c"


def write(target, name, data):
    folder = os.path.join(CORPUS, target)
    os.makedirs(folder, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


def resolve(doc, node):
    while isinstance(node, dict) and "$ref" in node:
        ref = node["$ref"].lstrip("#/").split("/")
        node = doc
        for part in ref:
            node = node[part]
    return node


def examples(doc):
    for (path, method, status), mapper in RESPONSES.items():
        response = resolve(doc, doc["paths"][path][method]["responses"][status])
        for name, ex in response["content"]["application/json"]["examples"].items():
            yield mapper, name, resolve(doc, ex)["value"]
    tokens = resolve(doc, {"$ref": "#/components/responses/TokenGranted"})
    for name, ex in tokens["content"]["application/json"]["examples"].items():
        yield "tokens", name, ex["value"]
    for path, ops in doc["paths"].items():
        for method, op in ops.items():
            if not isinstance(op, dict):
                continue
            for status, response in op.get("responses", {}).items():
                if status.startswith("2"):
                    continue
                response = resolve(doc, response)
                for ct, content in response.get("content", {}).items():
                    for name, ex in content.get("examples", {}).items():
                        yield "error_body", f"{status}_{name}", resolve(doc, ex)["value"]


def poison_strings(value, text):
    if isinstance(value, dict):
        return {k: poison_strings(v, text) for k, v in value.items()}
    if isinstance(value, list):
        return [poison_strings(v, text) for v in value]
    if isinstance(value, str):
        return text
    return value


def json_map_seeds(doc):
    seen = set()
    for mapper, name, value in examples(doc):
        key = (mapper, json.dumps(value, sort_keys=True))
        if key in seen:
            continue
        seen.add(key)
        sel = bytes([MAPPERS[mapper]])
        body = json.dumps(value, ensure_ascii=False).encode()
        write("json_map", f"{mapper}-{name}", sel + body)
        write("json_map", f"{mapper}-{name}-ansi", sel + json.dumps(
            poison_strings(value, ANSI)).encode())
        write("json_map", f"{mapper}-{name}-truncated", sel + body[: len(body) // 2])
        write("json_map", f"{mapper}-{name}-badutf8", sel + body.replace(b'"', b'"\xc3\x28', 1))
    for mapper, sel in MAPPERS.items():
        s = bytes([sel])
        write("json_map", f"{mapper}-deep", s + b"[" * 200 + b"]" * 200)
        write("json_map", f"{mapper}-numbers", s + b'{"total": 1e400, "items": [], '
              b'"next_cursor": null, "n": -0, "m": 9223372036854775808}')
        write("json_map", f"{mapper}-empty", s)
        write("json_map", f"{mapper}-null", s + b"null")


def license_page_pull_seeds(doc):
    """Pages in the form the one-pass reader takes, and near misses it must leave alone."""
    for mapper, name, value in examples(doc):
        if mapper != "license_page":
            continue
        compact = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()
        write("license_page_pull", name, compact)
        write("license_page_pull", f"{name}-pretty", json.dumps(value, indent=2).encode())
        extra = dict(value, links={"next": "/licenses?cursor=x", "n": [1, -2.5e3, True, None]})
        write("license_page_pull", f"{name}-unknown-members",
              json.dumps(extra, separators=(",", ":")).encode())
        write("license_page_pull", f"{name}-escaped", json.dumps(value, ensure_ascii=True).encode()
              .replace(b'"name": "', b'"name": "\\"', 1))
        write("license_page_pull", f"{name}-repeated",
              compact[:-1] + b',"total":' + str(value.get("total", 0) + 1).encode() + b"}")
        write("license_page_pull", f"{name}-truncated", compact[: len(compact) * 2 // 3])


def config_seeds():
    write("config", "profiles", "# comment\n; other\n[profile default]\nserver = https://portal"
          ".example.com\nemail = demo1@example.com\ncacert = /etc/ssl/ca.pem\n"
          "credential_store = file\n\n[profile work]\nserver=https://10.0.0.1:8443/\n"
          "credential_store=none\n")
    write("config", "keys", "[keys]\nquit = q, ctrl-c\nrefresh = r\nhelp = ?\n")
    write("config", "bad-key", "[profile default]\ncolour = blue\n")
    write("config", "bad-store", "[profile default]\ncredential_store = floppy\n")
    write("config", "no-section", "server = https://x\n")
    write("config", "crlf", "[profile default]\r\nserver = https://a.example\r\n")
    write("config", "nul", b"[profile default]\nserver = https://a\x00b\n")
    write("config", "unterminated", "[profile default\nserver")
    write("config", "long", "[profile default]\nemail = " + "x" * 5000 + "\n")
    write("config", "end-of-line-comments",
          "[profile default]   ; the usual\nserver = https://portal.example.com/#frag  # note\n"
          "cacert = /etc/ssl/private-ca.pem      ; an extra CA\ncredential_store = auto\t; auto\n")
    write("config", "download-floor",
          "[profile default]\ndownload_min_speed = 0\ndownload_slow_seconds = 5\n"
          "[profile work]\ndownload_min_speed = 99999999999\n")
    write("config", "keys-conflict", "[keys]\nrefresh = q\nquit = x, F5\nrefrsh = F55\n")


def credentials_seeds():
    session = {"server": "https://portal.example.test", "email": "fuzz@example.test",
               "user_name": "Dana", "refresh_token": "rt_abc", "access_token": "at_abc",
               "access_expires_at": "2030-01-01T00:00:00Z"}
    write("credentials", "session", b"\x00" + json.dumps(session).encode())
    write("credentials", "session-noaccess", b"\x00" + json.dumps(
        dict(session, access_token=None, access_expires_at=None)).encode())
    write("credentials", "session-badtime", b"\x00" + json.dumps(
        dict(session, access_expires_at="yesterday")).encode())
    doc = {"sessions": [session, dict(session, email="other@example.test"),
                        dict(session, server="https://elsewhere.example")]}
    write("credentials", "file", b"\x01" + json.dumps(doc).encode())
    write("credentials", "file-email", b"\x02" + json.dumps(doc).encode())
    write("credentials", "file-empty", b"\x01")
    write("credentials", "file-wrongshape", b"\x01" + b'{"sessions": {"server": 1}}')
    write("credentials", "file-array", b"\x02" + b'[{"server": "https://portal.example.test"}]')
    write("credentials", "file-deep", b"\x01" + b'{"sessions": ' + b"[" * 300 + b"]" * 300 + b"}")


def sanitize_seeds():
    seeds = {
        "plain": "Orbit Backup 4.2",
        "csi": "\x1b[2J\x1b[31mred\x1b[0m",
        "osc52": "\x1b]52;c;ZXZpbA==\x07tail",
        "osc-st": "\x1b]0;title\x1b\\after",
        "dcs": "\x1bPq#0;2;0;0;0\x1b\\x",
        "c1-csi": "a\u009b31mb",
        "c1-raw": b"a\x9b31mb\x9d0;t\x9c",
        "bidi": "abc\u202edcba\u202c \u2066iso\u2069 \u200f",
        "invalid-utf8": b"\xff\xfe\xc0\xaf\xed\xa0\x80\xf4\x90\x80\x80",
        "truncated-utf8": b"caf\xc3",
        "controls": "".join(chr(c) for c in range(32)) + "\x7f",
        "wide": "\u4e2d\u6587 e\u0301 \U0001f600",
        "long": "x" * 10000,
        "nul": b"before\x00after",
        "unterminated-osc": "\x1b]8;;http://evil\x07link\x1b]8;;",
        "separators": "line\u2028para\u2029end\ufeff",
        "hidden": "soft\u00adhy\u115f\u1160\u3164\uffa0zw\u200b\u2060\u206f\U000e0001\U000e0068",
    }
    for name, text in seeds.items():
        write("sanitize", name, text)


def download_target_seeds():
    names = {"plain": "orbit-backup-4.2.0-linux-x86_64.tar.gz", "dotdot": "../../evil",
             "dotdot-only": "..", "dot": ".", "empty": "", "nested": "a/b/c.bin",
             "backslash": "a\\..\\evil.exe", "trailing-slash": "dir/", "hidden": ".bashrc",
             "escape": "evil\x1b[31m.bin", "bidi": "photo\u202egpj.exe", "absolute": "/etc/passwd",
             "long": "n" * 5000, "rlo": "\u202eexe.txt", "zero-width": "set\u200bup.exe",
             "soft-hyphen": "set\u00adup.exe", "tag": "setup\U000e0041.exe",
             "c1": "setup\u009b.exe"}
    for name, value in names.items():
        for mode in range(4):
            write("download_target", f"{name}-{mode}", bytes([mode]) + value.encode())


# The key fuzz_license_file.c trusts; its seed is written there too.
LICENSE_KEY_SEED = b"licportal-fuzz-license-file-key!"
FUZZ_FINGERPRINT = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"


def b64url(data):
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def license_file_seeds():
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    key = Ed25519PrivateKey.from_private_bytes(LICENSE_KEY_SEED)
    payload = {"license_id": "lic_7", "license_key": "Q4NM-82KD-LX0P-7F3A",
               "product": {"id": "prd_atlas", "name": "Atlas Studio"}, "edition": "Pro",
               "features": ["editor", "export-pdf"], "expires_at": None, "activation_id": "act_9",
               "machine": {"fingerprint": FUZZ_FINGERPRINT, "hostname": "airgap-01",
                           "platform": "linux-x86_64"},
               "issued_at": "2026-12-01T00:00:00Z", "valid_until": "2027-12-01T00:00:00Z"}
    variants = {
        "valid": payload,
        "expired": dict(payload, valid_until="2026-12-02T00:00:00Z"),
        "other-machine": dict(payload, machine=dict(payload["machine"], fingerprint="0" * 64)),
        "ansi": dict(payload, product={"id": "prd_x", "name": ANSI}, features=[ANSI]),
        "missing-key": {k: v for k, v in payload.items() if k != "license_key"},
        "not-object": [1, 2, 3],
    }
    for name, value in variants.items():
        raw = json.dumps(value, separators=(",", ":")).encode()
        envelope = {"format": "licportal-license-file", "version": 1, "alg": "ed25519",
                    "key_id": "key_fuzz", "payload": b64url(raw), "signature": b64url(key.sign(raw))}
        write("license_file", name, b"\x00" + json.dumps(envelope).encode())
    genuine = json.loads(open(os.path.join(CORPUS, "license_file", "valid"), "rb").read()[1:])
    write("license_file", "unknown-key", b"\x00" + json.dumps(dict(genuine, key_id="key_other")).encode())
    write("license_file", "padded", b"\x00" + json.dumps(dict(genuine, signature=genuine["signature"] + "==")).encode())
    write("license_file", "empty", b"\x00")
    public = b64url(key.public_key().public_bytes_raw())
    keys = {"keys": [{"id": "key_fuzz", "alg": "ed25519", "public_key": public,
                      "created_at": "2026-01-01T00:00:00Z", "retired_at": None},
                     {"id": "key_new", "alg": "ed448", "public_key": "AA",
                      "created_at": "2026-06-01T00:00:00Z", "retired_at": None}]}
    write("license_file", "keys", b"\x01" + json.dumps(keys).encode())
    write("license_file", "keys-short", b"\x01" + json.dumps({"keys": [dict(keys["keys"][0], public_key="AAAA")]}).encode())


def main():
    with open(os.path.join(ROOT, "docs", "api", "openapi.yaml"), encoding="utf-8") as f:
        doc = yaml.safe_load(f)
    json_map_seeds(doc)
    license_page_pull_seeds(doc)
    config_seeds()
    credentials_seeds()
    sanitize_seeds()
    download_target_seeds()
    license_file_seeds()


if __name__ == "__main__":
    main()
