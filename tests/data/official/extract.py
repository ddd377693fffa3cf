"""Cut Klaviyo's official spec down to the list-jobs operation, for the contract test.

    python tests/data/official/extract.py GIT_DIR   # of a clone of github.com/klaviyo/openapi

Writes ``klaviyo-<revision>.json`` here for each revision the cassettes use: the operation
``GET /api/catalog-category-bulk-update-jobs`` of ``openapi/stable.json`` at the commit that
published that revision (github.com/klaviyo/openapi), with every component it refers to.
Not run by the tests: its output is committed, so they stay offline.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
# revision -> the klaviyo/openapi commit whose openapi/stable.json has that info.version
COMMITS = {"2023-01-24": "ee82ee0", "2024-10-15": "023d5a3", "2026-07-15": "f0a30ba"}
PATH = "/api/catalog-category-bulk-update-jobs"


def _refs(node: Any) -> set[str]:
    if isinstance(node, dict):
        found = {node["$ref"]} if isinstance(node.get("$ref"), str) else set()
        return found.union(*(_refs(v) for v in node.values()))
    if isinstance(node, list):
        return set().union(*(_refs(v) for v in node))
    return set()


def cut(spec: dict[str, Any]) -> dict[str, Any]:
    path = next(p for p in spec["paths"] if p.rstrip("/") == PATH)
    operation = spec["paths"][path]["get"]
    components: dict[str, dict[str, Any]] = {}
    todo = _refs(operation)
    while todo:
        ref = todo.pop()
        _, _, kind, name = ref.split("/")
        if name in components.setdefault(kind, {}):
            continue
        node = spec["components"][kind][name]
        components[kind][name] = node
        todo |= _refs(node)
    return {
        "openapi": spec["openapi"],
        "info": spec["info"],
        "servers": spec["servers"],
        "paths": {path: {"get": operation}},
        "components": {**components, "securitySchemes": spec["components"]["securitySchemes"]},
    }


def main(mirror: str) -> None:
    for revision, commit in COMMITS.items():
        text = subprocess.run(
            ["git", "--git-dir", mirror, "show", f"{commit}:openapi/stable.json"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        spec = json.loads(text)
        assert spec["info"]["version"] == revision, (commit, spec["info"]["version"])
        out = HERE / f"klaviyo-{revision}.json"
        out.write_text(json.dumps(cut(spec), indent=1, sort_keys=True) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
