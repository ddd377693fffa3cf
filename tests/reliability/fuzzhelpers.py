"""Helpers shared by the reliability tests of issue 6 (parsers, secrets, input, hygiene)."""

from __future__ import annotations

from typing import Any


def category(key: int, **changes: Any) -> dict[str, Any]:
    """A valid wire-format category; ``changes`` override fields, ``...`` removes one."""
    item = {
        "id": key,
        "language": "EN",
        "names": [{"language": "EN", "value": f"c{key}"}],
        "parent": {"id": 1},
        **changes,
    }
    return {k: v for k, v in item.items() if v is not ...}
