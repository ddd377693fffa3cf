"""The results table: printed to the terminal and written to ``benchmarks/results.md``."""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import os
import platform
import sys
from collections.abc import Sequence

from .common import Config, Row, Section, ratio_of

HEADER = ("variant", "unit", "min", "median", "max", "ratio", "vs")


def _figure(value: float, unit: str) -> str:
    if unit == "s":
        return f"{value:.3f}"
    if unit in ("items/s", "count"):
        return f"{value:,.0f}"
    return f"{value:.1f}"


def _cells(section: Section, row: Row) -> tuple[str, ...]:
    if not row.samples:
        return (row.name, row.unit, "-", "-", "-", "", "")
    ratio = ratio_of(section, row)
    return (
        row.name,
        row.unit,
        _figure(min(row.samples), row.unit),
        _figure(row.median, row.unit),
        _figure(max(row.samples), row.unit),
        "" if ratio is None else f"{ratio:.2f}x",
        row.baseline or "",
    )


def _verdict(holds: bool | None) -> str:
    return {True: "holds", False: "NOT MET", None: "not measured"}[holds]


def machine() -> dict[str, str]:
    def version(name: str) -> str:
        try:
            return importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            return "not installed"

    return {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cpus": str(os.cpu_count()),
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "platform": platform.platform(),
        "venv": sys.prefix,
        "httpx": version("httpx"),
        "klaviyo-api": version("klaviyo-api"),
    }


def text_table(sections: Sequence[Section], reps: int) -> str:
    lines: list[str] = []
    for section in sections:
        rows = [HEADER, *(_cells(section, row) for row in section.rows)]
        widths = [max(len(r[i]) for r in rows) for i in range(len(HEADER))]
        lines.append(f"\n[{section.key}] {section.title}  ({reps} reps)")
        for i, cells in enumerate(rows if section.rows else []):
            parts = [
                c.ljust(w) if k in (0, 1, 6) else c.rjust(w)
                for k, (c, w) in enumerate(zip(cells, widths, strict=True))
            ]
            lines.append("  " + "  ".join(parts).rstrip())
            if i == 0:
                lines.append("  " + "  ".join("-" * w for w in widths))
        for row in section.rows:
            ratio = ratio_of(section, row)
            if ratio is not None:
                lines.append(f"  ratio {section.key}: {row.name} / {row.baseline} = {ratio:.2f}")
        for goal in section.goals:
            lines.append(f"  goal: {goal.text}: {goal.measured} -> {_verdict(goal.holds)}")
        for note in section.notes:
            lines.append(f"  note: {note}")
    return "\n".join(lines)


def markdown(sections: Sequence[Section], config: Config, elapsed: float) -> str:
    info = machine()
    out = [
        "# Benchmark results",
        "",
        "Written by `make bench` (`benchmarks/run.py`). Each figure is the min / median / max "
        f"over {config.reps} repetitions ({config.noisy_reps} where a section's note says so), "
        "interleaved across variants; **ratio** is this row's "
        "median over the median of the row named in **vs**, measured in the same run. The "
        "machine is shared and noisy: read the ratios, not the absolute figures.",
        "",
        "| machine | |",
        "|---|---|",
        *(f"| {key} | {value} |" for key, value in info.items()),
        f"| run time | {elapsed / 60:.1f} min |",
        "",
        "## Goals",
        "",
        "| # | goal | measured | verdict |",
        "|---|---|---|---|",
    ]
    for section in sections:
        for goal in section.goals:
            verdict = {True: "holds", False: "**not met**", None: "not measured"}[goal.holds]
            out.append(f"| {section.key} | {goal.text} | {goal.measured} | {verdict} |")
    for section in sections:
        out += ["", f"## {section.key}. {section.title}", ""]
        if section.rows:
            out.append("| " + " | ".join(HEADER) + " |")
            out.append("|---|---|--:|--:|--:|--:|---|")
            out += ["| " + " | ".join(_cells(section, row)) + " |" for row in section.rows]
        if section.notes:
            out.append("")
            out += [f"- {note}" for note in section.notes]
    out.append("")
    return "\n".join(out)
