"""Prints the p50 and p99 latency (seconds) from wrk --latency output; fails on errors or non-2xx answers."""
import re
import sys

UNITS = {"us": 1e-6, "ms": 1e-3, "s": 1.0, "m": 60.0}


def main(path):
    text = open(path, encoding="utf-8").read()
    if "Non-2xx or 3xx responses" in text or "Socket errors" in text:
        sys.exit("wrk reported failed requests:\n" + text)
    found = {}
    for pct, value, unit in re.findall(r"^\s+(50|99)(?:\.0+)?%\s+([\d.]+)(us|ms|s|m)\s*$", text, re.M):
        found[pct] = float(value) * UNITS[unit]
    if set(found) != {"50", "99"}:
        sys.exit("no latency distribution in wrk output:\n" + text)
    print(f"{found['50']:.6f} {found['99']:.6f}")


main(sys.argv[1])
