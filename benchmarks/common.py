"""What every benchmark shares: result rows and goals, repetition, child processes, paths."""

from __future__ import annotations

import gc
import os
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Generated inputs (the 1M-line JSONL file); listed in .gitignore.
DATA_DIR = ROOT / "benchmarks" / ".data"
# The project's import roots. The editable install's .pth is not relied on (the current one
# lists generated/ but not src/), and the benchmarks package itself lives at the root.
IMPORT_ROOTS = (ROOT, ROOT / "src", ROOT / "generated")
PEAK_MARKER = "PEAK_RSS_KB "  # written by benchmarks.peakrss
IDEMPOTENT_KEY = "catalog_clients.idempotent"  # catalog_clients._http.retry.IDEMPOTENT


def ensure_import_paths() -> None:
    for path in reversed(IMPORT_ROOTS):
        if str(path) not in sys.path:
            sys.path.insert(0, str(path))


def child_env(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment for child processes: same import roots, no user site noise."""
    env = dict(os.environ)
    roots = os.pathsep.join(str(p) for p in IMPORT_ROOTS)
    env["PYTHONPATH"] = roots + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env["PYTHONNOUSERSITE"] = "1"
    # An installed package has its bytecode (pip and uv write it at install); without it
    # every child would compile each module it imports, a cost no user pays.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("CATALOG_CLIENTS_LOG", None)  # logging would distort every timing
    env.update(extra or {})
    return env


def compile_bytecode() -> None:
    """Write the bytecode of this venv's packages and of src/ and generated/ (editable, so
    no installer wrote it), as an installed package has it: imports are timed, not compiles."""
    import compileall
    import sysconfig

    ours = [ROOT / d for d in ("src", "generated", "benchmarks")]
    for path in (sysconfig.get_paths()["purelib"], *ours):
        compileall.compile_dir(path, quiet=1, workers=0)


@dataclass
class Config:
    smoke: bool = False
    reps: int = 5
    only: str | None = None
    python: str = sys.executable

    @property
    def noisy_reps(self) -> int:
        """Repetitions for a section whose runs vary by a quarter or more from one to the next.

        Such a section (a process's CPU time, throughput with both ends busy on the same CPUs)
        needs more samples before its median settles; smoke runs only check that it works.
        """
        return self.reps * (1 if self.smoke else 3)


def noisy_note(config: Config, why: str) -> str:
    return (
        f"{config.noisy_reps} runs per variant here, not {config.reps}: {why} from run to run, "
        "and the median settles only over more samples."
    )


@dataclass
class Row:
    """One measured variant: ``samples`` over the repetitions, compared with ``baseline``."""

    name: str
    unit: str
    samples: list[float]
    baseline: str | None = None  # the name of another row of the same section
    note: str = ""

    @property
    def median(self) -> float:
        return statistics.median(self.samples) if self.samples else float("nan")


@dataclass
class Goal:
    text: str
    holds: bool | None  # None: not measured in this run
    measured: str


@dataclass
class Section:
    key: str  # "1a", "1b", "2", ...
    title: str
    rows: list[Row] = field(default_factory=list)
    goals: list[Goal] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def row(self, name: str) -> Row | None:
        return next((r for r in self.rows if r.name == name), None)

    def ratio(self, name: str, baseline: str) -> float | None:
        """median(name) / median(baseline), or None when either row is missing."""
        row, base = self.row(name), self.row(baseline)
        if row is None or base is None or not row.samples or not base.samples:
            return None
        return row.median / base.median if base.median else None


def ratio_of(section: Section, row: Row) -> float | None:
    return None if row.baseline is None else section.ratio(row.name, row.baseline)


def repeat(variants: Mapping[str, Callable[[], float]], reps: int) -> dict[str, list[float]]:
    """Run each variant ``reps`` times, interleaved (a, b, c, a, b, c, ...).

    Interleaving spreads the machine's slow spells over all variants instead of letting one
    variant absorb them. Each callable returns its own measurement (seconds, a rate, ...).
    """
    samples: dict[str, list[float]] = {name: [] for name in variants}
    for _ in range(reps):
        for name, run in variants.items():
            gc.collect()  # start each sample without the previous one's garbage
            samples[name].append(run())
    return samples


def timed(run: Callable[[], object]) -> float:
    started = time.perf_counter()
    run()
    return time.perf_counter() - started


@dataclass
class ChildRun:
    returncode: int
    stdout: str
    stderr: str
    wall: float  # seconds, process start to exit
    cpu: float  # seconds of user + system CPU time of the child itself (wait4)
    max_rss_mb: float  # the child's peak RSS: its own report, else ru_maxrss of its pid


def run_child(
    argv: Sequence[str],
    *,
    env: Mapping[str, str] | None = None,
    cwd: Path = ROOT,
    timeout: float = 900.0,
) -> ChildRun:
    """Run a child to completion, with its wall time and peak RSS.

    ``wait4`` on the pid (not ``RUSAGE_CHILDREN``, the maximum over every child reaped so
    far) gives a fallback peak RSS; children wrapped in ``benchmarks.peakrss`` report a
    better one themselves.
    """
    out_path = DATA_DIR / f"child-{os.getpid()}.out"
    err_path = DATA_DIR / f"child-{os.getpid()}.err"
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    with out_path.open("wb") as out, err_path.open("wb") as err:
        started = time.perf_counter()
        process = subprocess.Popen(
            list(argv), stdout=out, stderr=err, cwd=cwd, env=dict(env or child_env())
        )
        # A blocking wait4 (no polling error in ``wall``); a timer kills a hung child.
        killer = threading.Timer(timeout, process.kill)
        killer.start()
        try:
            _, status, usage = os.wait4(process.pid, 0)
        finally:
            killer.cancel()
        wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)  # so Popen does not wait again
    stdout = out_path.read_text(errors="replace")
    stderr = err_path.read_text(errors="replace")
    out_path.unlink(missing_ok=True)
    err_path.unlink(missing_ok=True)
    # KiB. A child run through benchmarks.peakrss reports its own VmHWM, which unlike
    # ru_maxrss does not include the forking parent's memory (see peakrss.py).
    peak_kb = float(usage.ru_maxrss)
    for line in reversed(stderr.splitlines()):
        if line.startswith(PEAK_MARKER):
            peak_kb = float(line.split()[1])
            break
    cpu = usage.ru_utime + usage.ru_stime
    return ChildRun(process.returncode, stdout, stderr, wall, cpu, peak_kb / 1024)


def check_child(run: ChildRun, what: str) -> ChildRun:
    if run.returncode != 0:
        tail = (run.stderr or run.stdout)[-2000:]
        raise RuntimeError(f"{what} exited with {run.returncode}:\n{tail}")
    return run


def have_module(name: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(name) is not None
