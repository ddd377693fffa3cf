"""Benchmark 1c: the client's own CPU time to page 20,000 mixed-shape jobs over loopback.

Each run is a fresh process that imports its client, builds it and walks every page of a
page server in another process; the figure is that process's user + system CPU time
(``wait4``), imports included, so the server's speed does not dilute it. The pages vary as
real ones do (``fixtures._mixed_job``): nulls, ``Z`` and offset-less datetimes, a status the
spec does not list, extra fields, job errors with ``meta``.

    python -m benchmarks.cpu_paging child VARIANT URL   # one run (what the parent starts)
"""

from __future__ import annotations

import sys

from .common import (
    Config,
    Goal,
    Row,
    Section,
    check_child,
    have_module,
    noisy_note,
    run_child,
)
from .paging import klaviyo_api, ours_sync, raw_sync, workload
from .servers import ServerProcess

RAW = "raw httpx + json.loads"
OURS = "ours sync"
PEER = "klaviyo-api 25"
_RUNS = {RAW: raw_sync, OURS: ours_sync, PEER: klaviyo_api}
_SLUG = {RAW: "raw", OURS: "ours", PEER: "peer"}


def child(variant: str, url: str) -> None:
    name = next(name for name, slug in _SLUG.items() if slug == variant)
    print(_RUNS[name](url), flush=True)


def _cpu_of(variant: str, url: str, expected: int) -> float:
    argv = [sys.executable, "-m", "benchmarks.cpu_paging", "child", _SLUG[variant], url]
    run = check_child(run_child(argv), f"1c {variant}")
    if int(run.stdout.split()[-1]) != expected:
        raise RuntimeError(f"1c {variant} walked {run.stdout!r}, expected {expected} jobs")
    return run.cpu


def _samples(config: Config, variants: list[str], *flags: str) -> dict[str, list[float]]:
    pages, per_page = workload(config)
    samples: dict[str, list[float]] = {name: [] for name in variants}
    argv = ("pages", "--pages", str(pages), "--per-page", str(per_page), "--mixed", *flags)
    with ServerProcess(*argv) as server:
        # Interleaved, so drift hits every variant alike.
        for _ in range(config.noisy_reps):
            for name in variants:
                samples[name].append(_cpu_of(name, server.url, pages * per_page))
    return samples


def run(config: Config) -> Section:
    pages, per_page = workload(config)
    section = Section(
        "1c",
        f"Client CPU time, imports included: {pages} pages x {per_page} mixed-shape jobs "
        "over loopback, one fresh process per run",
    )
    samples = _samples(config, [RAW, OURS])
    section.rows.append(Row(RAW, "s", samples[RAW]))
    section.rows.append(Row(OURS, "s", samples[OURS], baseline=RAW))
    ratio = section.ratio(OURS, RAW)
    assert ratio is not None
    section.goals.append(Goal(f"{OURS} <= 1.15x {RAW} (CPU)", ratio <= 1.15, f"{ratio:.2f}x"))
    section.notes.append("Our client runs with rate_limits=None (pacing off).")
    section.notes.append(noisy_note(config, "one process's CPU time varies by a quarter"))
    if not have_module("klaviyo_api"):
        section.notes.append("klaviyo-api is not installed in this venv: its rows are skipped.")
        return section
    # klaviyo-api refuses a whole page over one status its enum lacks (pydantic: "must be
    # one of enum values"), so the comparison with it uses the same set without those.
    known = _samples(config, [OURS, PEER], "--known-statuses")
    ours_known, peer_known = f"{OURS} (known statuses)", f"{PEER} (known statuses)"
    section.rows.append(Row(ours_known, "s", known[OURS]))
    section.rows.append(Row(peer_known, "s", known[PEER], baseline=ours_known))
    speedup = section.ratio(peer_known, ours_known)
    assert speedup is not None
    verdict = f"{speedup:.2f}x"
    section.goals.append(Goal(f"{PEER} >= 2.5x {OURS} (CPU)", speedup >= 2.5, verdict))
    section.notes.append(
        "klaviyo-api 25 fails on a page with a status its enum lacks (here 'paused'): "
        "its rows use the same pages with the spec's statuses only."
    )
    return section


if __name__ == "__main__":
    if sys.argv[1:2] == ["child"]:
        child(sys.argv[2], sys.argv[3])
    else:
        raise SystemExit(__doc__)
