"""Build the wheel and the sdist, and check what a user would install.

    python scripts/check_package.py DIST_DIR

- the wheel needs only the runtime dependencies (httpx, attrs, orjson); the CLI's typer and
  rich come with the ``cli`` extra only; its version is the package's ``__version__``;
- the wheel ships both generated packages, ``py.typed`` and the LICENSE, with classifiers
  for every supported Python and https project URLs;
- the sdist can regenerate (``spec/`` and ``scripts/``) and carries no tests;
- installed from the wheel into a fresh venv (with ``UV``, the second argument), the library
  imports and builds both clients, typer and rich are absent, and the ``catalog-clients``
  script names the install line and exits 2. The distributions and their size are printed.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tarfile
import tempfile
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
    problems += _check_labels(lines)
    if not any(n.endswith("/LICENSE") or n.endswith("licenses/LICENSE") for n in names):
        problems.append("the wheel lacks the LICENSE")
    return problems


def _check_labels(lines: list[str]) -> list[str]:
    """Classifiers for every supported Python, and project URLs that are all https."""
    classifiers = {
        line.split(":", 1)[1].strip() for line in lines if line.startswith("Classifier:")
    }
    problems = [
        f"no classifier {wanted!r}"
        for wanted in (
            *(f"Programming Language :: Python :: 3.{minor}" for minor in (11, 12, 13)),
            "Typing :: Typed",
        )
        if wanted not in classifiers
    ]
    urls = [line.split(",", 1)[-1].strip() for line in lines if line.startswith("Project-URL:")]
    if not urls:
        problems.append("the wheel has no project URLs")
    problems += [
        f"project URL {url!r} is not https" for url in urls if not url.startswith("https://")
    ]
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


# Run inside the fresh venv: what a library-only user gets.
_PROBE = """
import importlib.metadata as md, importlib.util, json, pathlib
from catalog_clients import KlaviyoClient, PropellerClient
KlaviyoClient(api_key="pk_probe").close()
PropellerClient("id", "secret").close()
dists = list(md.distributions())
size = sum(
    (pathlib.Path(d.locate_file(f)).stat().st_size for d in dists for f in (d.files or ())
     if pathlib.Path(d.locate_file(f)).is_file())
)
print(json.dumps({
    "distributions": sorted(d.metadata["Name"] for d in dists),
    "bytes": size,
    "cli_deps": [m for m in ("typer", "rich") if importlib.util.find_spec(m)],
}))
"""


def check_install(wheel: Path, uv: str) -> list[str]:
    with tempfile.TemporaryDirectory() as tmp:
        venv = Path(tmp) / "venv"
        python = venv / "bin" / "python"
        subprocess.run([uv, "venv", "--quiet", "--python", sys.executable, str(venv)], check=True)
        subprocess.run(
            [uv, "pip", "install", "--quiet", "--python", str(python), str(wheel)], check=True
        )
        probe = subprocess.run(
            [str(python), "-c", _PROBE], capture_output=True, text=True, cwd=tmp, check=False
        )
        if probe.returncode != 0:
            return [f"the library fails in a fresh venv: {probe.stderr.strip()[-500:]}"]
        found = json.loads(probe.stdout)
        script = subprocess.run(
            [str(venv / "bin" / "catalog-clients"), "--help"], capture_output=True, text=True
        )
    problems = []
    if found["cli_deps"]:
        problems.append(f"a library install brings {found['cli_deps']}")
    if script.returncode != 2 or "catalog-clients[cli]" not in script.stderr:
        outcome = f"exit {script.returncode}, {script.stderr!r}"
        problems.append(f"catalog-clients without the cli extra: {outcome}")
    print(
        f"package: a fresh venv with the wheel holds {len(found['distributions'])} distributions,"
        f" {found['bytes'] / 1e6:.1f} MB ({', '.join(found['distributions'])})"
    )
    return problems


def main(argv: list[str]) -> int:
    dist = Path(argv[0])
    namespace: dict[str, str] = {}
    exec((ROOT / "src" / "catalog_clients" / "_version.py").read_text(), namespace)
    wheel = next(dist.glob("*.whl"))
    sdist = next(dist.glob("*.tar.gz"))
    problems = check_wheel(wheel, namespace["__version__"]) + check_sdist(sdist)
    if len(argv) > 1:
        problems += check_install(wheel, argv[1])
    for problem in problems:
        print(f"package: {problem}", file=sys.stderr)
    if not problems:
        print(f"package: {wheel.name} and {sdist.name} are as a user needs them")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
