"""Typed inputs (``Category``, ``Directives``) and their wire format. Pure.

Both classes take their fields from the spec (the generated ``CategoryFields`` and
``DirectivesFields``: one snake_case keyword per wire field or directive operation), so a
field or operation added to the spec is accepted here after ``make generate``.

Plain wire-format dicts are accepted everywhere a ``Category`` is; both go through the same
validation on their wire form, so a typed input and a dict get the same messages. A
``Category`` is not validated when it is built: a bad one becomes a per-item failure of the
bulk call, like a bad dict, instead of an exception in the caller's generator.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs
from propeller_generated import _rules

from .._words import camel_case
from ..errors import InputValidationError
from ._validation import directive_problems

_OPERATION_KEY, _FIELDS_KEY = _rules.DIRECTIVE_KEYS


def deep_copy(value: object) -> Any:
    """A fresh copy of nested lists and mappings, so a later change by the caller cannot
    reach what was captured."""
    if isinstance(value, Mapping):
        return {k: deep_copy(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [deep_copy(v) for v in value]
    return value


def to_wire(obj: object, plan: Sequence[_rules.Field]) -> dict[str, Any]:
    """The wire form of a typed input: each set field at its wire path (``parent_id`` at
    ``parent.id``); a mapping given for a list of pairs becomes that list."""
    wire: dict[str, Any] = {}
    for field in plan:
        value = getattr(obj, field.name)
        if value is None:
            continue
        if field.pairs is not None and isinstance(value, Mapping):
            first, second = field.pairs
            value = [{first: k, second: v} for k, v in value.items()]
        else:
            value = deep_copy(value)
        *parents, leaf = field.paths[0]
        target = wire
        for step in parents:
            target = target.setdefault(step, {})
        target[leaf] = value
    return wire


@attrs.frozen(kw_only=True)
class Category(_rules.CategoryFields):
    """One category for ``bulk_upsert_categories_by_id``; every keyword is a spec field.

    ``Category(id=1800, language="EN", names={"EN": "Bikes", "NL": "Fietsen"}, parent_id=1)``;
    the parent is ``parent_id=...`` or ``parent_source_id=...`` with ``parent_source=...``.
    Localized texts may be a mapping ``{language: text}`` or the wire list.
    """

    def to_wire(self) -> dict[str, Any]:
        return to_wire(self, _rules.CATEGORY_FIELDS)


@attrs.frozen(kw_only=True)
class CategoryBySource(_rules.CategoryBySourceFields):
    """One category for ``bulk_upsert_categories_by_source_id``, known by your own id:
    ``CategoryBySource(source_id="0012", source="PIM", language="EN", names={"EN": "Bikes"},
    parent_source_id="0001", parent_source="PIM")``."""

    def to_wire(self) -> dict[str, Any]:
        return to_wire(self, _rules.CATEGORY_BY_SOURCE_FIELDS)


# The typed inputs, each of which knows its wire form.
TYPED_INPUTS = (Category, CategoryBySource)


def _field_names(value: object) -> Any:
    # One name given as a plain string must not become a tuple of its letters.
    if isinstance(value, str):
        return (camel_case(value),)
    if isinstance(value, Iterable):
        return tuple(camel_case(n) if isinstance(n, str) else n for n in value)
    return value


@attrs.frozen(kw_only=True)
class Directives(_rules.DirectivesFields):
    """How an update treats existing categories: one keyword per directive operation.

    ``Directives(skip_if_not_empty=["names"], skip_move_on_update=True)``. Field names may be
    given in wire (``shortDescriptions``) or Python (``short_descriptions``) spelling.
    Raises ``InputValidationError`` at once for an unknown field name.
    """

    def __attrs_post_init__(self) -> None:
        for keyword, _, takes_fields in _rules.DIRECTIVE_OPERATIONS:
            if takes_fields:
                object.__setattr__(self, keyword, _field_names(getattr(self, keyword)))
        problems = directive_problems(self.to_wire())
        if problems:
            raise InputValidationError(problems)

    def to_wire(self) -> list[dict[str, Any]]:
        wire: list[dict[str, Any]] = []
        for keyword, operation, takes_fields in _rules.DIRECTIVE_OPERATIONS:
            value = getattr(self, keyword)
            if takes_fields and value:
                wire.append({_OPERATION_KEY: operation, _FIELDS_KEY: list(value)})
            elif not takes_fields and value:
                wire.append({_OPERATION_KEY: operation, _FIELDS_KEY: []})
        return wire


def directives_to_wire(
    directives: Directives | Sequence[Mapping[str, Any]] | None,
) -> list[dict[str, Any]]:
    """The checked wire form of the ``directives`` argument ([] for none)."""
    if directives is None:
        return []
    wire: Any = directives.to_wire() if isinstance(directives, Directives) else directives
    problems = directive_problems(wire)
    if problems:
        raise InputValidationError(problems)
    return [deep_copy(d) for d in wire]
