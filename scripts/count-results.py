#!/usr/bin/env python3
"""Counts test cases in meson's JSON test logs (each TAP line is a case), in
plain TAP files (*.tap) and in "failed:REASON" arguments (one failure each),
and prints the closing line "N passed, N failed"; exits 1 when any failed.
A skipped test or case counts as failed: a full run on a machine set up by
scripts/deps.sh has what every test needs, so a skip means a test that proves
nothing. The skips are named above the closing line."""
import json
import re
import sys

NOT_OK = re.compile(r"^not ok\b")
OK = re.compile(r"^ok\b")
SKIP = re.compile(r"^ok\b.*#\s*SKIP\b", re.I)
PLAN_SKIP = re.compile(r"^1\.\.0\b.*#\s*SKIP\b", re.I)


def tap_counts(text):
    """(ok, not ok, skipped lines) of a TAP stream; skipped cases are not in ok."""
    ok = not_ok = 0
    skipped = []
    for line in text.splitlines():
        if NOT_OK.match(line):
            not_ok += 1
        elif SKIP.match(line) or PLAN_SKIP.match(line):
            skipped.append(line)
        elif OK.match(line):
            ok += 1
    return ok, not_ok, skipped


passed = failed = 0
failures = []
skips = []
for path in sys.argv[1:]:
    if path == "build-failed":
        failed += 1
        failures.append("a build failed")
        continue
    if path.startswith("failed:"):
        failed += 1
        failures.append(path[len("failed:"):])
        continue
    try:
        text = open(path, encoding="utf-8", errors="replace").read()
    except OSError:
        failed += 1
        failures.append(f"no test log at {path}")
        continue
    if path.endswith(".tap"):
        ok, not_ok, skipped = tap_counts(text)
        if ok + not_ok + len(skipped) == 0:
            not_ok = 1
            failures.append(f"{path}: no test case reported")
        passed += ok
        failed += not_ok
        skips += [f"{path}: {line[:200]}" for line in skipped]
        failures += [f"{path}: {line[:200]}" for line in text.splitlines() if NOT_OK.match(line)]
        continue
    for line in text.splitlines():
        if not line.strip():
            continue
        entry = json.loads(line)
        result = entry.get("result", "")
        name = entry.get("name")
        stdout = entry.get("stdout") or ""
        # TAP tests report one line per case; other tests count as one.
        ok, not_ok, skipped = tap_counts(stdout)
        skips += [f"{path}: {name}: {line[:200]}" for line in skipped]
        if result == "SKIP":
            if not skipped:
                skips.append(f"{path}: {name} skipped")
        elif result in ("OK", "EXPECTEDFAIL"):
            passed += ok if ok or skipped else 1
        else:
            # A failing test counts its failing cases, or itself when it
            # died before reporting any (crash, timeout).
            failed += max(not_ok, 1)
            passed += ok
            failures.append(f"{path}: {name} {result}")
            for out in stdout.splitlines():
                if NOT_OK.match(out):
                    failures.append("    " + out[:200])

failed += len(skips)
# The failures and skips are repeated here, just above the closing line, so
# that the tail of a long log names them.
for failure in failures:
    print(failure)
for skip in skips:
    print(f"SKIPPED (counted as failed): {skip}")
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
