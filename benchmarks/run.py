"""Run the benchmarks, print the table, write benchmarks/results.md.

    python benchmarks/run.py                 # everything, 5 reps (about half an hour)
    python benchmarks/run.py --only 1b       # one benchmark (key or title prefix)
    python benchmarks/run.py --smoke         # tiny workloads in seconds; no results.md

klaviyo-api is only in the bench venv (``make bench``); elsewhere its rows are skipped.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

# Run as a script: make the repository root (the ``benchmarks`` package) and the project's
# import roots importable before anything else.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import Config, Section, compile_bytecode, ensure_import_paths

ensure_import_paths()

from benchmarks import bulk, cpu_paging, memory, pacing, paging, report, startup  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results.md"

# key -> (title used by --only, runner). Order is the issue's.
BENCHMARKS: dict[str, tuple[str, Callable[[Config], Section]]] = {
    "1a": ("paging in-process", paging.run_in_process),
    "1b": ("paging loopback", paging.run_loopback),
    "1c": ("paging CPU", cpu_paging.run),
    "2": ("startup", startup.run),
    "3": ("bulk server check", bulk.server_check),
    "3a": ("bulk", lambda c: bulk.run(c, delay=0.0, key="3a")),
    "3b": ("bulk with latency", lambda c: bulk.run(c, delay=bulk.SIMULATED_LATENCY, key="3b")),
    "4": ("memory", memory.run),
    "5": ("pacing", pacing.run),
}
# Smoke mode checks that the code runs: 3b differs from 3a only by the server's delay.
SKIPPED_IN_SMOKE = ("3b",)


def selected(only: str | None, smoke: bool) -> list[str]:
    """The benchmarks to run: ``--only`` names a key exactly ("3"), else a prefix of keys
    or titles ("1" is 1a and 1b, "bulk" is 3, 3a and 3b)."""
    if not only:
        return [k for k in BENCHMARKS if not (smoke and k in SKIPPED_IN_SMOKE)]
    wanted = only.lower()
    if wanted in BENCHMARKS:
        return [wanted]
    keys = [k for k, (title, _) in BENCHMARKS.items() if (k + " " + title).startswith(wanted)]
    keys += [k for k, (title, _) in BENCHMARKS.items() if title.startswith(wanted)]
    if not keys:
        raise SystemExit(f"--only {only!r} matches none of: {', '.join(BENCHMARKS)}")
    return list(dict.fromkeys(keys))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--smoke", action="store_true", help="tiny workloads, no results.md")
    parser.add_argument("--only", help="one benchmark: 1a, 1b, 2, 3, 3a, 3b, 4, 5 or a title")
    parser.add_argument("--reps", type=int, help="repetitions (default 5; 1 with --smoke)")
    args = parser.parse_args(argv)
    reps = args.reps or (1 if args.smoke else 5)
    if not args.smoke and reps < 5:
        print(f"note: {reps} reps; the issue asks for at least 5", file=sys.stderr)
    config = Config(smoke=args.smoke, reps=reps, only=args.only)

    if not args.smoke:
        compile_bytecode()
    started = time.perf_counter()
    sections: list[Section] = []
    for key in selected(args.only, args.smoke):
        title, runner = BENCHMARKS[key]
        began = time.perf_counter()
        print(f"running {key} {title} ...", file=sys.stderr, flush=True)
        section = runner(config)
        sections.append(section)
        print(report.text_table([section], reps), flush=True)
        print(f"  ({time.perf_counter() - began:.1f} s)", file=sys.stderr, flush=True)
    elapsed = time.perf_counter() - started

    if args.smoke:
        print(f"\nsmoke run done in {elapsed:.1f} s; results.md not written", flush=True)
    elif args.only:
        print("\n--only: results.md not written (it holds full runs only)", flush=True)
    else:
        RESULTS.write_text(report.markdown(sections, config, elapsed))
        print(f"\nwrote {RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
