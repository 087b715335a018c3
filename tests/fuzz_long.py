"""Long fuzzing run, outside the normal suite: the properties of tests/test_fuzz.py with many
random (not derandomized) examples each.

    python tests/fuzz_long.py                     # 100,000 examples per property
    python tests/fuzz_long.py --examples 20000 -k analyse

Each property runs as a pytest test with ``KOSPITL_FUZZ_EXAMPLES`` set; a failure is shrunk by
hypothesis and printed with its minimal example. An example running longer than
``--time-limit`` seconds fails as ``TooSlow`` (hangs are bugs too). Exit status 1 if any
property failed.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

PROPERTIES = [
    "test_parse_number_round_trips",
    "test_parse_number_raises_only_number_error",
    "test_parse_korean_round_trips",
    "test_parse_korean_raises_only_number_error",
    "test_find_dates_and_times_never_raise",
    "test_resolve_raises_only_unresolved",
    "test_decode_and_parse_raise_only_article_error",
    "test_analyse_raises_only_article_error",
]


class Summary:
    """A pytest plugin that records each property's outcome and duration."""

    def __init__(self) -> None:
        self.results: dict[str, tuple[str, float, str]] = {}

    def pytest_runtest_logreport(self, report) -> None:  # noqa: ANN001
        if report.when == "call" or (report.when == "setup" and report.outcome != "passed"):
            name = report.nodeid.split("::")[-1]
            text = ""
            if report.failed:
                text = str(report.longrepr)
            self.results[name] = (report.outcome, report.duration, text)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--examples", type=int, default=100_000, help="examples per property (default 100000)")
    ap.add_argument("--time-limit", type=int, default=20, help="seconds per example before it counts as a hang")
    ap.add_argument("-k", dest="keyword", default=None, help="only properties matching this pytest -k expression")
    args = ap.parse_args(argv)

    os.environ["KOSPITL_FUZZ_EXAMPLES"] = str(args.examples)
    os.environ["KOSPITL_FUZZ_TIME_LIMIT"] = str(args.time_limit)
    import pytest

    selected = " or ".join(PROPERTIES)
    keyword = f"({selected})" + (f" and ({args.keyword})" if args.keyword else "")
    summary = Summary()
    t0 = time.monotonic()
    code = pytest.main([str(HERE / "test_fuzz.py"), "-q", "-p", "no:cacheprovider", "-k", keyword,
                        "--hypothesis-show-statistics", "-o", "addopts=", "--rootdir", str(HERE.parent)],
                       plugins=[summary])
    print()
    print(f"fuzz_long: {args.examples} examples per property, {time.monotonic() - t0:.0f} s")
    for name in PROPERTIES:
        if name in summary.results:
            outcome, seconds, _ = summary.results[name]
            print(f"  {outcome:7s} {seconds:8.1f} s  {name}")
    failed = [n for n, (o, _, _) in summary.results.items() if o == "failed"]
    return 1 if failed or code not in (0, 5) else 0


if __name__ == "__main__":
    sys.exit(main())
