"""Benchmark 4: peak RSS while streaming 100k and 1M categories from a JSONL file.

Each sample is a child process (``ru_maxrss`` of that pid alone, see ``common.run_child``):
the CLI (``catalog-clients propeller upsert FILE``), the library fed by a generator
(``memchild library``), and a hand-written httpx loop as the floor (``memchild raw``).
"""

from __future__ import annotations

import statistics
from collections.abc import Callable
from pathlib import Path

from . import fixtures
from .common import DATA_DIR, ChildRun, Config, Goal, Row, Section, check_child, child_env, repeat
from .common import run_child as run_child_process
from .servers import ServerProcess

LIMIT_MB = 150.0
FLATNESS = 1.1


def sizes(config: Config) -> tuple[int, int]:
    return (1_000, 5_000) if config.smoke else (100_000, 1_000_000)


def _label(count: int) -> str:
    return f"{count // 1_000_000}M" if count >= 1_000_000 else f"{count // 1_000}k"


def run(config: Config) -> Section:
    small, large = sizes(config)
    files = {n: fixtures.write_jsonl(DATA_DIR / f"categories-{n}.jsonl", n) for n in (small, large)}
    section = Section("4", "Peak RSS streaming categories from a JSONL file (child processes)")
    walls: dict[str, list[float]] = {}

    def child(name: str, argv: list[str], env: dict[str, str], count: int) -> Callable[[], float]:
        def measure() -> float:
            run: ChildRun = check_child(run_child_process(argv, env=env), name)
            if "DONE" in run.stdout and f"DONE {count}" not in run.stdout:
                raise RuntimeError(f"{name}: not every item was upserted: {run.stdout[-200:]}")
            walls.setdefault(name, []).append(run.wall)
            return run.max_rss_mb

        return measure

    with ServerProcess("bulk", python=config.python) as server:
        cli_env = child_env(
            {
                "PROPELLER_CLIENT_ID": "sandbox-client",
                "PROPELLER_CLIENT_SECRET": "sandbox-secret",
                "PROPELLER_BASE_URL": f"{server.url}/v2",
                "PROPELLER_TOKEN_URL": f"{server.url}/oauth2/token",
            }
        )
        # Each child reports its own peak RSS (see peakrss.py for why not ru_maxrss).
        wrapped = [config.python, "-m", "benchmarks.peakrss"]
        variants: dict[str, Callable[[], float]] = {}
        for count in (small, large):
            path = str(files[count])
            label = _label(count)
            if count == small and not config.smoke:  # the floor, flat by construction
                variants[f"raw httpx loop {label}"] = child(
                    f"raw httpx loop {label}",
                    [*wrapped, "benchmarks.memchild", "raw", path, server.url],
                    child_env(),
                    count,
                )
            variants[f"library generator {label}"] = child(
                f"library generator {label}",
                [*wrapped, "benchmarks.memchild", "library", path, server.url],
                child_env(),
                count,
            )
            variants[f"CLI upsert {label}"] = child(
                f"CLI upsert {label}",
                [*wrapped, "catalog_clients.cli", "propeller", "upsert", path],
                cli_env,
                count,
            )
        samples = repeat(variants, config.reps)

    lo, hi = _label(small), _label(large)
    for name, values in samples.items():
        baseline = None
        if name.endswith(f" {hi}"):
            baseline = name.replace(f" {hi}", f" {lo}")  # flatness: large vs small
        section.rows.append(Row(name, "MB", values, baseline=baseline))
    for what in ("library generator", "CLI upsert"):
        big = section.row(f"{what} {hi}")
        flat = section.ratio(f"{what} {hi}", f"{what} {lo}")
        assert big is not None and flat is not None
        section.goals.append(
            Goal(f"{what} {hi} < {LIMIT_MB:.0f} MB", big.median < LIMIT_MB, f"{big.median:.0f} MB")
        )
        section.goals.append(
            Goal(f"{what}: {hi} <= {FLATNESS}x {lo}", flat <= FLATNESS, f"{flat:.2f}x")
        )
    section.notes.append(
        "Wall time per run (median): "
        + ", ".join(f"{name} {statistics.median(v):.1f} s" for name, v in walls.items())
    )
    section.notes.append(f"Input files: {', '.join(Path(p).name for p in files.values())}.")
    return section
