"""Build the wheel and the sdist, and check what a user would install.

    python scripts/check_package.py DIST_DIR

- the wheel needs only the runtime dependencies (httpx, attrs, orjson); the CLI's typer and
  rich come with the ``cli`` extra only; its version is the package's ``__version__``;
- the wheel ships both generated packages, ``py.typed`` and the LICENSE;
- the sdist can regenerate (``spec/`` and ``scripts/``) and carries no tests.
"""

from __future__ import annotations

import re
import sys
import tarfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNTIME = {"httpx", "attrs", "orjson"}


def _name(requirement: str) -> str:
    match = re.match(r"[A-Za-z0-9_.-]+", requirement)
    assert match is not None, requirement
    return match.group(0).lower()


def check_wheel(wheel: Path, version: str) -> list[str]:
    problems = []
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        metadata = next(n for n in names if n.endswith(".dist-info/METADATA"))
        lines = archive.read(metadata).decode().splitlines()
    requires = [
        line.split(":", 1)[1].strip() for line in lines if line.startswith("Requires-Dist:")
    ]
    core = {_name(r) for r in requires if "extra ==" not in r}
    cli = {_name(r) for r in requires if "extra == 'cli'" in r or 'extra == "cli"' in r}
    if core != RUNTIME:
        problems.append(f"runtime dependencies are {sorted(core)}, expected {sorted(RUNTIME)}")
    if not {"typer", "rich"} <= cli:
        problems.append(f"the cli extra holds {sorted(cli)}, expected typer and rich")
    if f"Version: {version}" not in lines:
        problems.append(f"the wheel's version is not {version}")
    for wanted in (
        "catalog_clients/py.typed",
        "klaviyo_generated/_rules.py",
        "propeller_generated/operations.py",
    ):
        if wanted not in names:
            problems.append(f"the wheel lacks {wanted}")
    if not any(n.endswith("/LICENSE") or n.endswith("licenses/LICENSE") for n in names):
        problems.append("the wheel lacks the LICENSE")
    return problems


def check_sdist(sdist: Path) -> list[str]:
    with tarfile.open(sdist) as archive:
        names = [n.split("/", 1)[1] for n in archive.getnames() if "/" in n]
    problems = [
        f"the sdist lacks {w}"
        for w in ("scripts/generate.py", "spec/klaviyo.yaml", "LICENSE")
        if w not in names
    ]
    if any(n.startswith("tests/") for n in names):
        problems.append("the sdist carries tests/")
    return problems


def main(argv: list[str]) -> int:
    dist = Path(argv[0])
    namespace: dict[str, str] = {}
    exec((ROOT / "src" / "catalog_clients" / "_version.py").read_text(), namespace)
    wheel = next(dist.glob("*.whl"))
    sdist = next(dist.glob("*.tar.gz"))
    problems = check_wheel(wheel, namespace["__version__"]) + check_sdist(sdist)
    for problem in problems:
        print(f"package: {problem}", file=sys.stderr)
    if not problems:
        print(f"package: {wheel.name} and {sdist.name} are as a user needs them")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
