"""The benchmark smoke run: the benchmark code still runs end to end and prints its ratios.

It asserts nothing about speed (the machines are shared and noisy); the real figures come
from ``make bench``. It runs in a child process, as ``make bench-smoke`` does, because the
benchmarks start loopback servers and child interpreters of their own.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUN = ROOT / "benchmarks" / "run.py"
RESULTS = ROOT / "benchmarks" / "results.md"
# Every benchmark that the smoke run covers (3b differs from 3a only by latency).
SMOKE_SECTIONS = ("1a", "1b", "2", "3a", "4", "5")


def test_smoke_run_completes_and_prints_ratios() -> None:
    before = RESULTS.stat().st_mtime_ns if RESULTS.exists() else None

    run = subprocess.run(
        [sys.executable, str(RUN), "--smoke"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=110,
    )

    assert run.returncode == 0, run.stderr[-3000:]
    for key in SMOKE_SECTIONS:
        assert f"[{key}]" in run.stdout, f"section {key} missing:\n{run.stdout[-2000:]}"
        assert re.search(rf"^  ratio {re.escape(key)}: .+ = \d+\.\d\d$", run.stdout, re.M), key
    assert "smoke run done" in run.stdout
    # Smoke figures are not results: the file written by `make bench` is left alone.
    after = RESULTS.stat().st_mtime_ns if RESULTS.exists() else None
    assert after == before
