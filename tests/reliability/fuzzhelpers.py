"""Helpers shared by the reliability tests (parsers, secrets, input, hygiene)."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, settings

# The fuzzing settings: reproducible (derandomized, no example database), no deadline.
FUZZ = settings(
    max_examples=250,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)


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
