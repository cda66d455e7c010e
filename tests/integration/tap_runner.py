# Runs unittest modules given by path and reports each test case as TAP for meson.
"""Usage: tap_runner.py [-k PATTERN] [-x PATTERN] path/to/test_module.py ...

-k runs only the test cases whose name contains PATTERN; -x leaves out those
whose name contains PATTERN (both may be repeated).

Prints `ok N - name` / `not ok N - name` as each test case finishes, then `1..N`.
Exit status 1 when any test failed or errored, or when no test ran at all. The
failure text and, for PortalTestCase classes, the tail of the server log follow
a failing line as `#` comments.
"""

import importlib.util
import os
import sys
import time
import traceback
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))


def load_module(path):
    path = os.path.abspath(path)
    folder = os.path.dirname(path)
    for entry in (HERE, folder):
        if entry not in sys.path:
            sys.path.insert(0, entry)
    name = os.path.splitext(os.path.basename(path))[0]
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def comment(text):
    for line in str(text).rstrip("\n").splitlines():
        print("# " + line)


class TapResult(unittest.TestResult):
    def __init__(self):
        super().__init__()
        self.number = 0
        self.failed = 0
        self.started = 0.0

    def startTest(self, test):
        super().startTest(test)
        self.started = time.monotonic()

    def _name(self, test):
        case = getattr(test, "test_case", None)
        if case is not None:
            # A failing subTest: the case's name plus the subtest's parameters.
            return f"{self._name(case)} {test._subDescription()}"
        if isinstance(test, unittest.TestCase):
            return f"{type(test).__module__}.{type(test).__name__}.{test._testMethodName}"
        return str(test)

    def _line(self, ok, test, extra=""):
        self.number += 1
        word = "ok" if ok else "not ok"
        print(f"{word} {self.number} - {self._name(test)}{extra}", flush=True)

    def addSuccess(self, test):
        super().addSuccess(test)
        self._line(True, test, f" ({time.monotonic() - self.started:.2f} s)")

    def addSkip(self, test, reason):
        super().addSkip(test, reason)
        self._line(True, test, f" # SKIP {reason}")

    def addExpectedFailure(self, test, err):
        super().addExpectedFailure(test, err)
        self._line(True, test, " # TODO expected failure")

    def addUnexpectedSuccess(self, test):
        super().addUnexpectedSuccess(test)
        self.failed += 1
        self._line(False, test, " (unexpected success)")

    def _failure(self, test, err):
        self.failed += 1
        self._line(False, test)
        comment("".join(traceback.format_exception(*err)))
        case = getattr(test, "test_case", test)
        portal = getattr(type(case), "portal", None) if isinstance(case, unittest.TestCase) \
            else None
        if portal is not None:
            comment("--- server log (last lines) ---")
            comment(portal.log_tail())
            if portal.prism_port:
                comment("--- prism log (last lines) ---")
                comment(portal.prism_log_tail())
        sys.stdout.flush()

    def addError(self, test, err):
        super().addError(test, err)
        self._failure(test, err)

    def addFailure(self, test, err):
        super().addFailure(test, err)
        self._failure(test, err)

    def addSubTest(self, test, subtest, err):
        super().addSubTest(test, subtest, err)
        if err is not None:
            # One failing subtest fails the case; report it under the subtest's name.
            self._failure(subtest, err)


def without(suite, excluded):
    """The suite's test cases, flattened, less those whose id contains an excluded pattern."""
    kept = unittest.TestSuite()
    for test in suite:
        if isinstance(test, unittest.TestSuite):
            kept.addTests(without(test, excluded))
        elif not any(pattern in test.id() for pattern in excluded):
            kept.addTest(test)
    return kept


def main(argv):
    patterns = []
    excluded = []
    paths = []
    args = iter(argv)
    for arg in args:
        if arg in ("-k", "-x"):
            value = next(args, None)
            if value is None:
                paths = []
                break
            (patterns if arg == "-k" else excluded).append(value)
        else:
            paths.append(arg)
    if not paths:
        print("usage: tap_runner.py [-k PATTERN] [-x PATTERN] TEST_MODULE.py ...", file=sys.stderr)
        return 2
    loader = unittest.TestLoader()
    if patterns:
        loader.testNamePatterns = [f"*{pattern}*" for pattern in patterns]
    suite = unittest.TestSuite()
    for path in paths:
        suite.addTests(loader.loadTestsFromModule(load_module(path)))
    if excluded:
        suite = without(suite, excluded)
    result = TapResult()
    suite.run(result)
    if result.number == 0:
        print("not ok 1 - no tests ran")
        print("1..1")
        return 1
    print(f"1..{result.number}")
    return 1 if result.failed or not result.wasSuccessful() else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
