#!/usr/bin/env python3
"""Counts test cases in meson's JSON test logs (each TAP line is a case) and
prints the closing line "N passed, N failed"; exits 1 when any failed."""
import json
import re
import sys

passed = failed = 0
failures = []
for path in sys.argv[1:]:
    if path == "build-failed":
        failed += 1
        failures.append("a build failed")
        continue
    try:
        lines = open(path, encoding="utf-8", errors="replace").read().splitlines()
    except OSError:
        failed += 1
        failures.append(f"no test log at {path}")
        continue
    for line in lines:
        if not line.strip():
            continue
        entry = json.loads(line)
        result = entry.get("result", "")
        ok_cases = not_ok_cases = 0
        # TAP tests report one line per case; other tests count as one.
        for out in (entry.get("stdout") or "").splitlines():
            if re.match(r"^not ok\b", out):
                not_ok_cases += 1
            elif re.match(r"^ok\b", out):
                ok_cases += 1
        if result in ("OK", "EXPECTEDFAIL", "SKIP"):
            passed += max(ok_cases, 1) if result != "SKIP" else 0
        else:
            # A failing test counts its failing cases, or itself when it
            # died before reporting any (crash, timeout).
            failed += max(not_ok_cases, 1)
            passed += ok_cases
            failures.append(f"{path}: {entry.get('name')} {result}")
            for out in (entry.get("stdout") or "").splitlines():
                if re.match(r"^not ok\b", out):
                    failures.append("    " + out[:200])

# The failures are repeated here, just above the closing line, so that the
# tail of a long log names them.
for failure in failures:
    print(failure)
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
