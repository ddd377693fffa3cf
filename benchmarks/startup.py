"""Benchmark 2: import and construct in a fresh process, with the child's peak RSS.

Each sample is a new interpreter. The figure is the time of the statement itself, taken
inside the child (interpreter start-up is the same for every variant and would only dilute
the ratios); peak RSS is the child's own ``VmHWM`` (see peakrss.py).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from .common import (
    Config,
    Goal,
    Row,
    Section,
    check_child,
    child_env,
    have_module,
    repeat,
    run_child,
)

# Only builtin modules (already loaded at start-up) before the measured statement.
_PROBE = """
{setup}
import time as _t
_start = _t.perf_counter()
{statement}
_elapsed = _t.perf_counter() - _start
import sys as _s
print("ELAPSED", _elapsed, len(_s.modules))
from benchmarks.peakrss import _report
_report()
"""

# httpx imports its own command line (httpx._main) whenever click, rich and pygments are
# installed, and this project installs them (typer and rich are runtime dependencies, for
# the CLI). This setup hides them, as an install without the CLI would: the what-if rows.
WITHOUT_CLI_DEPS = """
import sys as _s
class _Hide:
    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] in ("click", "rich", "pygments", "typer"):
            raise ImportError(name)
_s.meta_path.insert(0, _Hide())
"""
CONSTRUCT_KLAVIYO = 'from catalog_clients import KlaviyoClient\nKlaviyoClient(api_key="x")'

FLOOR = "python (empty statement)"
BASELINE = "import httpx"
OURS = "catalog_clients: import + KlaviyoClient(api_key=...)"
# A library-only install (no cli extra): what a user of the library pays.
LEAN_HTTPX = "what-if, no CLI deps installed: import httpx; httpx.Client()"
LEAN_OURS = "what-if, no CLI deps installed: import + KlaviyoClient"
# name -> (setup outside the timer, measured statement)
VARIANTS: dict[str, tuple[str, str]] = {
    FLOOR: ("", "pass"),
    BASELINE: ("", "import httpx"),
    "import httpx; httpx.Client()": ("", "import httpx\nhttpx.Client()"),
    "import catalog_clients": ("", "import catalog_clients"),
    OURS: ("", CONSTRUCT_KLAVIYO),
    "catalog_clients: import + PropellerClient(...)": (
        "",
        'from catalog_clients import PropellerClient\nPropellerClient("id", "secret")',
    ),
    "what-if, no CLI deps installed: import httpx": (WITHOUT_CLI_DEPS, "import httpx"),
    LEAN_HTTPX: (WITHOUT_CLI_DEPS, "import httpx\nhttpx.Client()"),
    LEAN_OURS: (
        WITHOUT_CLI_DEPS,
        CONSTRUCT_KLAVIYO,
    ),
}
WHAT_IF_BASELINES = {
    LEAN_OURS: LEAN_HTTPX,
    LEAN_HTTPX: "what-if, no CLI deps installed: import httpx",
}
KLAVIYO_API = "klaviyo-api: import + KlaviyoAPI(...)"
KLAVIYO_API_STATEMENT = ("", 'from klaviyo_api import KlaviyoAPI\nKlaviyoAPI("x")')

# What `import catalog_clients` must leave unloaded: a library import stays lean.
MUST_STAY_LAZY = (
    "klaviyo_generated",
    "propeller_generated",
    "catalog_clients.sandbox",
    "catalog_clients.cli",
    "typer",
    "rich",
    "click",
    "authlib",
    "starlette",
    "uvicorn",
)


def _probe(config: Config, probe: tuple[str, str]) -> tuple[float, float]:
    setup, statement = probe
    code = _PROBE.format(setup=setup, statement=statement)
    run = check_child(run_child([config.python, "-c", code]), statement)
    line = next(x for x in run.stdout.splitlines() if x.startswith("ELAPSED"))
    return float(line.split()[1]), run.max_rss_mb


def loaded_after(config: Config, statement: str, names: Sequence[str]) -> list[str]:
    code = (
        f"{statement}\nimport sys\n"
        f"print(' '.join(n for n in {list(names)!r} "
        "if any(m == n or m.startswith(n + '.') for m in sys.modules)))"
    )
    run = check_child(run_child([config.python, "-c", code]), statement)
    return run.stdout.split()


def heaviest_imports(config: Config, statement: str, top: int = 10) -> list[tuple[str, int]]:
    """Import time (-X importtime, self time in us) summed per top-level package."""
    run = check_child(
        run_child([config.python, "-X", "importtime", "-c", statement], env=child_env()),
        statement,
    )
    pattern = re.compile(r"import time:\s+(\d+) \|\s+\d+ \| *(\S+)")
    found: dict[str, int] = {}
    for line in run.stderr.splitlines():
        match = pattern.match(line)
        if match:
            package = match.group(2).partition(".")[0]
            found[package] = found.get(package, 0) + int(match.group(1))
    return sorted(found.items(), key=lambda kv: -kv[1])[:top]


def run(config: Config) -> Section:
    variants = dict(VARIANTS)
    section = Section("2", "Import + construct in a fresh process (time of the statement)")
    if config.smoke:  # each sample is a new interpreter: keep only the goal's two
        variants = {name: VARIANTS[name] for name in (BASELINE, OURS)}
    elif have_module("klaviyo_api"):
        variants[KLAVIYO_API] = KLAVIYO_API_STATEMENT
    else:
        section.notes.append("klaviyo-api is not installed in this venv: its row is skipped.")
    rss: dict[str, list[float]] = {name: [] for name in variants}

    def sample(name: str, probe: tuple[str, str]) -> float:
        elapsed, peak = _probe(config, probe)
        rss[name].append(peak)
        return elapsed * 1000

    if not config.smoke:
        for probe in variants.values():  # warm the OS page cache, not counted
            _probe(config, probe)
    samples = repeat(
        {name: functools.partial(sample, name, probe) for name, probe in variants.items()},
        config.reps,
    )
    for suffix, unit, values in (("", "ms", samples), (" (RSS)", "MB", rss)):
        for name in variants:
            base = WHAT_IF_BASELINES.get(name, BASELINE)
            row = Row(name + suffix, unit, values[name])
            # The empty statement is the floor, not a contender: no ratio.
            row.baseline = None if name in (BASELINE, FLOOR) else base + suffix
            section.rows.append(row)

    ratio = section.ratio(OURS, BASELINE)
    assert ratio is not None
    section.goals.append(
        Goal("import + construct <= 2x bare `import httpx`", ratio <= 2, f"{ratio:.2f}x")
    )
    lean = section.ratio(LEAN_OURS, LEAN_HTTPX)
    if lean is not None:
        section.goals.append(
            Goal(
                "library only: import + KlaviyoClient <= 1.5x `import httpx; httpx.Client()`",
                lean <= 1.5,
                f"{lean:.2f}x",
            )
        )
    loaded = loaded_after(config, "import catalog_clients", MUST_STAY_LAZY)
    section.goals.append(
        Goal(
            "`import catalog_clients` loads no generated models, sandbox, CLI deps, OAuth lib",
            not loaded,
            "none loaded" if not loaded else "loaded: " + ", ".join(loaded),
        )
    )
    if not config.smoke:
        by_httpx = loaded_after(config, CONSTRUCT_KLAVIYO, ("click", "rich", "pygments"))
        if by_httpx:
            section.notes.append(
                f"`from catalog_clients import KlaviyoClient` loads {', '.join(by_httpx)}: "
                "httpx imports its own CLI (httpx._main) whenever they are installed, and this "
                "venv has the cli extra. The what-if rows hide them, as a library-only install."
            )
        heavy = heaviest_imports(config, CONSTRUCT_KLAVIYO)
        section.notes.append(
            "Import self time per package under `from catalog_clients import KlaviyoClient; "
            "KlaviyoClient(...)` (-X importtime, one run): "
            + ", ".join(f"{name} {us / 1000:.0f} ms" for name, us in heavy)
        )
    return section
