#!/usr/bin/env python3
"""Checks the include rules of docs/architecture.md over src/ and include/: which
folder may include which project header, and which folders may include curses,
curl and the server's libraries; and that every public header (include/licportal/)
opens with a comment and is one that programs on the library (src/cli/, src/tui/)
use, directly or through another public header. Prints TAP, one case per rule;
exits 1 when a file breaks one. Usage: scripts/check-includes.py [ROOT]"""
import os
import re
import sys

# Folder -> the project headers (by path prefix) its files may include. The
# first folder that a file's path starts with decides.
ALLOWED = [
    ("include/licportal/", ["licportal/"]),
    ("src/common/", ["common/", "licportal/timestamp.h", "licportal/wire_names.h", "licportal/utf8.h"]),
    ("src/lib/text/", ["lib/text/", "licportal/", "common/"]),
    ("src/lib/config/", ["lib/config/", "licportal/", "common/"]),
    ("src/lib/store/", ["lib/store/", "licportal/", "common/"]),
    ("src/lib/model/", ["lib/model/", "lib/text/", "licportal/", "common/"]),
    # The transport moves bytes: it never includes the model (nor the client above it).
    ("src/lib/transport/", ["lib/transport/", "licportal/error.h", "licportal/buffer.h",
                            "licportal/private_file.h"]),
    ("src/lib/session/", ["lib/session/", "lib/transport/", "lib/store/", "lib/model/", "licportal/",
                          "common/"]),
    ("src/lib/", ["lib/", "licportal/", "common/"]),
    ("src/tui/", ["tui/", "licportal/", "common/"]),
    ("src/cli/", ["cli/", "licportal/", "tui/tui.h", "common/"]),
    ("src/server/", ["server/", "common/", "licportal/timestamp.h", "licportal/wire_names.h", "licportal/utf8.h"]),
]

# System headers that only some folders may include.
ONLY_IN = [
    ("curses", re.compile(r"^n?cursesw?/|^n?curses(w)?\.h$|^curses\.h$|^term\.h$"), ["src/tui/"]),
    ("curl", re.compile(r"^curl/"), ["src/lib/transport/"]),
    ("the server's libraries", re.compile(r"^microhttpd\.h$|^liboath/"), ["src/server/"]),
    # The store API (db.h) is the only way to a database: one file per dialect.
    ("SQLite", re.compile(r"^sqlite3\.h$"), ["src/server/db.c"]),
    ("libpq", re.compile(r"^libpq-fe\.h$|^postgresql/"), ["src/server/db_postgres.c"]),
]

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')

PUBLIC = "include/licportal/"
# The programs on the library: a public header none of them needs belongs under src/lib/PART/.
PROGRAMS = ("src/cli/", "src/tui/")


def sources(root):
    for top in ("src", "include"):
        for folder, _, names in os.walk(os.path.join(root, top)):
            for name in sorted(names):
                if name.endswith((".c", ".h")):
                    path = os.path.join(folder, name)
                    yield os.path.relpath(path, root).replace(os.sep, "/"), path


def main(argv):
    root = argv[1] if len(argv) > 1 else os.path.join(os.path.dirname(__file__), "..")
    project_breaks, system_breaks = [], {name: [] for name, _, _ in ONLY_IN}
    public, used_by_programs, uncommented = [], set(), []
    count = 0
    for rel, path in sources(root):
        count += 1
        allowed = next((prefixes for folder, prefixes in ALLOWED if rel.startswith(folder)), None)
        if rel.startswith(PUBLIC):
            public.append(rel)
        with open(path, encoding="utf-8", errors="replace") as f:
            for number, line in enumerate(f, 1):
                if number == 1 and rel.startswith(PUBLIC) and not line.startswith("/* "):
                    uncommented.append(f"{rel}:1: does not open with a comment saying what it is for")
                match = INCLUDE.match(line)
                if not match:
                    continue
                kind, header = match.groups()
                itself = "licportal/" + rel[len(PUBLIC):]
                if kind == '"' and rel.startswith(PROGRAMS + (PUBLIC,)) and header != itself:
                    used_by_programs.add(header)
                if kind == '"':
                    if allowed is None:
                        project_breaks.append(f"{rel}:{number}: no rule for this folder")
                    elif not any(header.startswith(p) for p in allowed):
                        project_breaks.append(f'{rel}:{number}: includes "{header}"')
                for name, pattern, folders in ONLY_IN:
                    if pattern.search(header) and not any(rel.startswith(d) for d in folders):
                        system_breaks[name].append(f"{rel}:{number}: includes <{header}>")
    unused = [f"{rel}: no program includes it; it belongs under src/lib/PART/"
              for rel in public if "licportal/" + rel[len(PUBLIC):] not in used_by_programs]
    cases = [("each folder includes only the project headers it may", project_breaks)]
    cases += [("every public header opens with a comment", uncommented),
              ("every public header is used by a program on the library", unused)]
    cases += [(f"only {', '.join(folders)} includes {name}", system_breaks[name])
              for name, _, folders in ONLY_IN]
    if count == 0:
        cases = [("the tree has C sources under src/ and include/", ["none found"])]
    for number, (title, breaks) in enumerate(cases, 1):
        print(f"{'not ok' if breaks else 'ok'} {number} - {title}")
        for line in breaks:
            print(f"# {line}")
    print(f"1..{len(cases)}")
    return 1 if any(breaks for _, breaks in cases) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
