"""Fail when generated/ differs from what the specs generate (a hand edit or a stale spec)."""

from __future__ import annotations

import difflib
import sys
import tempfile
from pathlib import Path

from generate import ROOT, SPECS, generate


def _files(base: Path) -> dict[str, str]:
    return {
        str(p.relative_to(base)): p.read_text()
        for p in sorted(base.rglob("*"))
        if p.is_file() and "__pycache__" not in p.parts
    }


def differences(fresh_root: Path, committed_root: Path) -> list[str]:
    """One report (name and diff excerpt) per file that differs between the two trees."""
    reports = []
    for package in SPECS.values():
        fresh = _files(fresh_root / package)
        committed = _files(committed_root / package)
        for name in sorted(fresh.keys() | committed.keys()):
            old, new = committed.get(name), fresh.get(name)
            if old == new:
                continue
            diff = difflib.unified_diff(
                (old or "").splitlines(),
                (new or "").splitlines(),
                "committed",
                "fresh",
                lineterm="",
            )
            excerpt = "\n".join(list(diff)[:40])
            reports.append(f"generated/{package}/{name} differs from the spec's output:\n{excerpt}")
    return reports


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        generate(Path(tmp))
        reports = differences(Path(tmp), ROOT / "generated")
    for report in reports:
        print(report)
    problems = len(reports)
    if problems:
        print(f"\n{problems} generated file(s) are stale or edited by hand: run `make generate`.")
        return 1
    print("generated/ matches the specs.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
