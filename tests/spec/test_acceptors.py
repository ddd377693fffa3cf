"""The generated yes/no checks (``<package>._accept.ACCEPTS``) give the layer's validator's
verdict on every schema of both specs: valid documented values, and those values broken at
one random place."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from klaviyo_generated import _accept as klaviyo_accept
from klaviyo_generated import _rules as klaviyo_rules
from propeller_generated import _accept as propeller_accept
from propeller_generated import _rules as propeller_rules

from catalog_clients._schema import Compiler, Found

EXAMPLES = Path(__file__).resolve().parents[1] / "data" / "examples"
SPECS = {
    "klaviyo": (klaviyo_rules.SCHEMAS, klaviyo_accept.ACCEPTS),
    "propeller": (propeller_rules.SCHEMAS, propeller_accept.ACCEPTS),
}
CATEGORY = {
    "id": 1800,
    "language": "EN",
    "names": [{"language": "EN", "value": "Bikes"}],
    "descriptions": [{"language": "NL", "value": "x"}],
    "shortDescriptions": [],
    "attributes": [{"name": "a", "value": 1}],
    "parent": {"id": 1},
    "sourceId": "s",
    "source": "ERP",
}


def _nested(value: Any) -> list[Any]:
    """The value and every value inside it."""
    found = [value]
    if isinstance(value, dict):
        found += [n for v in value.values() for n in _nested(v)]
    elif isinstance(value, list):
        found += [n for v in value for n in _nested(v)]
    return found


SAMPLES = [
    n for path in sorted(EXAMPLES.glob("*.json")) for n in _nested(json.loads(path.read_text()))
]
SAMPLES += _nested({"categories": [CATEGORY], "directives": []})
SAMPLES += [
    {"id": 1},
    {"sourceId": "s", "source": "ERP"},
    {**CATEGORY, "parent": {"sourceId": "p", "source": "ERP"}},
]


_COMPILERS = {id(schemas): Compiler(schemas) for schemas, _ in SPECS.values()}


def verdict(schemas: Any, name: str, value: Any) -> bool:
    found: Found = []
    _COMPILERS[id(schemas)].ref(name)(value, (), found)
    return not found


def test_every_schema_has_a_check() -> None:
    for schemas, accepts in SPECS.values():
        assert set(accepts) == set(schemas)


@pytest.mark.parametrize("spec", SPECS)
def test_documented_values_get_the_validators_verdict(spec: str) -> None:
    schemas, accepts = SPECS[spec]
    valid = 0
    for name in schemas:
        for value in SAMPLES:
            expected = verdict(schemas, name, value)
            assert accepts[name](value) is expected, (name, value)
            valid += expected
    assert valid >= len(schemas) // 2  # the samples are valid for many schemas, not none


_ANY = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 3),
    st.floats(allow_nan=False, width=32),
    st.sampled_from(
        ["", "EN", "e1", "ENG", "queued", "complete", "x" * 70, "2024-01-01T00:00:00Z"]
    ),
    st.just([]),
    st.just({}),
    st.just([{"language": "EN"}]),
)


def _break(value: Any, data: st.DataObject) -> Any:
    """A copy of ``value`` with one place changed: a key dropped, added or given another value."""
    value = copy.deepcopy(value)
    holders = [n for n in _nested(value) if isinstance(n, dict | list) and n]
    if not holders:
        return data.draw(_ANY)
    holder = data.draw(st.sampled_from(holders))
    keys = list(holder) if isinstance(holder, dict) else list(range(len(holder)))
    key = data.draw(st.sampled_from(keys))
    action = data.draw(st.sampled_from(["drop", "add", "replace"]))
    if action == "drop":
        del holder[key]
    elif action == "add" and isinstance(holder, dict):
        holder[data.draw(st.sampled_from(["colour", "id", "type", "meta"]))] = data.draw(_ANY)
    else:
        holder[key] = data.draw(_ANY)
    return value


@pytest.mark.parametrize("spec", SPECS)
@settings(max_examples=400, deadline=None)
@given(data=st.data())
def test_broken_values_get_the_validators_verdict(spec: str, data: st.DataObject) -> None:
    schemas, accepts = SPECS[spec]
    name = data.draw(st.sampled_from(sorted(schemas)))
    candidates = [v for v in SAMPLES if verdict(schemas, name, v)] or SAMPLES
    value = _break(data.draw(st.sampled_from(candidates)), data)
    assert accepts[name](value) is verdict(schemas, name, value), (name, value)
