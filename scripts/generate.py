"""Regenerate the client packages from spec/ with openapi-python-client.

    python scripts/generate.py [OUTPUT_DIR [SPEC_DIR]]   # default: generated/ from spec/

The output is deterministic (pinned generator and ruff, ruff run with --isolated), so
`scripts/check_generated.py` can regenerate into a temporary directory and diff.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import acceptors
import operations
import rules
import typeddicts

ROOT = Path(__file__).resolve().parent.parent
# Use the pinned generator and ruff from this interpreter's environment, whatever PATH says;
# the generator's post-hooks look ruff up on PATH.
BIN = Path(sys.executable).parent
ENV = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
# Our overrides of the generator's templates (only the files in it; the rest are its own).
TEMPLATES = ROOT / "templates"
SPECS = {"klaviyo": "klaviyo_generated", "propeller": "propeller_generated"}
HEADER = (
    "# Generated from spec/{spec}.yaml by `make generate`. DO NOT EDIT.\n"
    "# Change the spec or spec/{spec}-config.yaml, then run `make generate`.\n"
)


def generate(out_dir: Path, spec_dir: Path = ROOT / "spec") -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    for spec, package in SPECS.items():
        with tempfile.TemporaryDirectory() as tmp:
            target = Path(tmp) / package
            subprocess.run(
                [
                    str(BIN / "openapi-python-client"),
                    "generate",
                    "--path",
                    str(spec_dir / f"{spec}.yaml"),
                    "--config",
                    str(spec_dir / f"{spec}-config.yaml"),
                    "--meta",
                    "none",
                    "--output-path",
                    str(target),
                    "--overwrite",
                    "--custom-template-path",
                    str(TEMPLATES),
                    # A warning means part of the spec was dropped: treat it as an error.
                    "--fail-on-warning",
                ],
                check=True,
                env=ENV,
            )
            rules.emit(spec_dir / f"{spec}.yaml", target)
            operations.emit(spec_dir / f"{spec}.yaml", target)
            acceptors.emit(spec_dir / f"{spec}.yaml", target)
            typeddicts.emit(spec_dir / f"{spec}.yaml", target)
            for emitted in ("_rules.py", "operations.py", "_accept.py", "_typed.py"):
                _format(target / emitted)
            _mark(target, spec)
            dest = out_dir / package
            if dest.exists():
                shutil.rmtree(dest)
            shutil.copytree(target, dest)


def _format(path: Path) -> None:
    """ruff format, one literal per line only where it does not fit (no magic commas)."""
    subprocess.run(
        [
            str(BIN / "ruff"),
            "format",
            "--isolated",
            "--no-cache",
            "--quiet",
            "--line-length=100",
            "--config=format.skip-magic-trailing-comma=true",
            "--config=lint.isort.split-on-trailing-comma=false",
            str(path),
        ],
        check=True,
        env=ENV,
    )


def _mark(package_dir: Path, spec: str) -> None:
    """Stamp every file as generated and ship a PEP 561 marker."""
    header = HEADER.format(spec=spec)
    for path in sorted(package_dir.rglob("*.py")):
        path.write_text(header + path.read_text())
    (package_dir / "py.typed").write_text(header)


if __name__ == "__main__":
    args = [Path(a) for a in sys.argv[1:3]]
    generate(*(args or [ROOT / "generated"]))
