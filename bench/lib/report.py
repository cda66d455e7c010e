"""Turns the bench results (TSV rows) into a Markdown table with ratios and verdicts."""
import sys


def human(value, unit):
    if unit == "s":
        return f"{value * 1000:.2f} ms" if value < 10 else f"{value:.2f} s"
    if unit == "B":
        if value >= 1 << 20:
            return f"{value / (1 << 20):.2f} MiB"
        return f"{value:.0f} B"
    if unit == "Ir":
        return f"{value / 1e6:.3f} M Ir"
    return f"{value:g} {unit}"


def main(path, mode):
    print(f"| # | measure | licportal | baseline | ratio | target | verdict |")
    print("|---|---|---|---|---|---|---|")
    misses = 0
    for line in open(path, encoding="utf-8"):
        case, measure, value, base, unit, ratio_target, limit = line.rstrip("\n").split("\t")
        if not value:
            # A measurement that could not be made here; the measure says why.
            print(f"| {case} | {measure} | - | - | - | - | skipped |")
            continue
        v = float(value)
        b = float(base) if base else None
        ratio = v / b if b else None
        targets, ok = [], True
        if ratio_target:
            targets.append(f"≤ {ratio_target}x")
            ok = ok and ratio is not None and ratio <= float(ratio_target)
        if limit:
            lim = float(limit)
            targets.append(f"< {human(lim, unit)}")
            ok = ok and v < lim
        verdict = ("met" if ok else "MISSED") if targets else "info"
        misses += verdict == "MISSED"
        print(f"| {case} | {measure} | {human(v, unit)} | {human(b, unit) if b else '-'} | "
              f"{f'{ratio:.2f}x' if ratio is not None else '-'} | {' and '.join(targets) or '-'} | {verdict} |")
    print(f"\n{mode}; medians; {misses} target(s) missed.")


main(sys.argv[1], sys.argv[2])
