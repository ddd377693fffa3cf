"""The rules a category and a directive list must meet before anything is sent. Pure.

Every rule comes from the spec's schemas (the generated ``_rules.SCHEMAS``): the server
refuses a whole chunk (a schema-validation error) for one bad item, so catching the mistake
here keeps the other items of that chunk flowing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from propeller_generated import _accept, _rules

from .._schema import Compiler, Found
from .._spec import operation_for
from .._words import path_text, shown, suggestion
from ..errors import Problem

_COMPILER = Compiler(_rules.SCHEMAS)
BULK_BY_ID = operation_for(_rules.OPERATIONS, "bulk_upsert_categories_by_id")

_OPERATION_KEY, _FIELDS_KEY = _rules.DIRECTIVE_KEYS
_WITH_FIELDS = frozenset(op for _, op, takes_fields in _rules.DIRECTIVE_OPERATIONS if takes_fields)
DIRECTIVE_OPERATIONS = tuple(op for _, op, _ in _rules.DIRECTIVE_OPERATIONS)
SKIPPABLE_FIELDS = _rules.DIRECTIVE_FIELD_NAMES
_check_directive = _COMPILER.ref(_rules.DIRECTIVE_SCHEMA)


def _problems(index: int | None, found: Found) -> list[Problem]:
    return [Problem(index, path_text(path) or None, message) for path, message in found]


class ItemRules:
    """The item rules of one bulk operation: its item schema, lookup key and item limit."""

    def __init__(self, operation_id: str) -> None:
        bulk = _rules.BULK[operation_id]
        self.operation = _rules.OPERATIONS[operation_id]
        self.items_property: str = bulk["items"]
        self.directives_property: str | None = bulk["directives"]
        self.max_items: int = bulk["max_items"]
        self.item_schema: str = bulk["item_schema"]
        self.schema: Mapping[str, Any] = _rules.SCHEMAS[self.item_schema]
        self.lookup_key = self.operation.lookup_key
        self.fields: tuple[str, ...] = tuple(self.schema.get("properties", {}))
        # Whether each lookup-key field is an integer (the answer's key is then compared as one).
        # The answer's key echoes the first lookup field; compared as an integer when the
        # spec says that field is one (a digit string then matches too), else as text
        # ("0012" is not 12).
        first = self.schema["properties"][self.lookup_key[0]]
        self.text_keys = first.get("type") != "integer"
        self._check = _COMPILER.ref(bulk["item_schema"])
        self.accepts = _accept.ACCEPTS[bulk["item_schema"]]

    def key_of(self, wire: Mapping[str, Any]) -> object:
        """What the answer's ``key`` of a valid wire item is compared to."""
        key = wire[self.lookup_key[0]]
        return str(key) if self.text_keys else key

    def problems(self, index: int | None, item: object) -> list[Problem]:
        """Every problem of one wire-format item; [] when it may be sent."""
        # (the exact type first: an ABC check costs more than the item's whole yes/no check)
        if type(item) is not dict and not isinstance(item, Mapping):
            message = f"must be a Category or a dict in wire format, got {shown(item)}"
            return [Problem(index, None, message)]
        if self.accepts(item):  # the common case: one quick yes, no paths or messages
            return []
        found: Found = []
        self._check(item, (), found)
        return _problems(index, found)


BY_ID = ItemRules(BULK_BY_ID.operation_id)
BY_SOURCE_ID = ItemRules(
    operation_for(_rules.OPERATIONS, "bulk_upsert_categories_by_source_id").operation_id
)


def category_problems(index: int | None, item: object) -> list[Problem]:
    """Every problem of one wire-format category for bulk by id; [] when it may be sent."""
    return BY_ID.problems(index, item)


def directive_problems(directives: object) -> list[Problem]:
    """Every problem of a wire-format directive list (problems name ``directives[i]``)."""
    if not isinstance(directives, list | tuple):
        message = f"must be a list of directive objects, got {shown(directives)}"
        return [Problem(None, "directives", message)]
    found: Found = []
    for i, directive in enumerate(directives):
        path = ("directives", i)
        _check_directive(directive, path, found)
        if not isinstance(directive, Mapping):
            continue
        operation, fields = directive.get(_OPERATION_KEY), directive.get(_FIELDS_KEY)
        if not isinstance(fields, Sequence) or operation not in DIRECTIVE_OPERATIONS:
            continue  # the schema check reported it
        if operation in _WITH_FIELDS and not fields:
            found.append(((*path, _FIELDS_KEY), f"{operation} needs at least one field name"))
        elif operation not in _WITH_FIELDS and fields:
            found.append(((*path, _FIELDS_KEY), f"{operation} takes no fields (an empty list)"))
    return _problems(None, found)


__all__ = [
    "BY_ID",
    "DIRECTIVE_OPERATIONS",
    "SKIPPABLE_FIELDS",
    "ItemRules",
    "category_problems",
    "directive_problems",
    "suggestion",
]
