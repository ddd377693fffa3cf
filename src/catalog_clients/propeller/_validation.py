"""The rules a category and a directive list must meet before anything is sent. Pure.

They mirror spec/propeller.yaml (CategoryByIdInput, LocalizedString, ParentReference,
Directive): the server refuses a whole chunk with 10007 for one bad item, so catching the
mistake here keeps the other 999 items of that chunk flowing.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping, Sequence
from typing import Any

from ..errors import Problem

CATEGORY_FIELDS = (
    "id",
    "language",
    "names",
    "descriptions",
    "shortDescriptions",
    "parent",
    "attributes",
    "sourceId",
    "source",
)
# By id, `id` alone identifies the category: sourceId/source are optional (DESIGN.md).
REQUIRED_FIELDS = ("id", "language", "names", "parent")
LOCALIZED_FIELDS = ("names", "descriptions", "shortDescriptions")
# skipIfNotEmpty names fields of an existing category; the lookup key is not one of them.
SKIPPABLE_FIELDS = tuple(f for f in CATEGORY_FIELDS if f != "id")
DIRECTIVE_OPERATIONS = ("skipIfNotEmpty", "skipMoveOnUpdate", "mergeTranslationsOnUpdate")
_LANGUAGE = re.compile(r"[A-Za-z]{2}")
_PARENT_KEYS = ("id", "sourceId", "source")
_LOCALIZED_KEYS = ("language", "value")


def camel_case(name: str) -> str:
    """``short_descriptions`` -> ``shortDescriptions`` (the wire spelling)."""
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def suggestion(key: str, known: Sequence[str]) -> str:
    """A " (did you mean ...?)" hint for a misspelt key, or ""."""
    camel = camel_case(key)
    if camel != key and camel in known:
        return f" (did you mean {camel!r}?)"
    close = difflib.get_close_matches(key, known, n=1, cutoff=0.75)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _kind(value: object) -> str:
    return "null" if value is None else type(value).__name__


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_list(value: object) -> bool:
    # A str is a Sequence too, but never a valid list of objects.
    return isinstance(value, list | tuple)


class _Checker:
    """Collects every problem of one item instead of stopping at the first."""

    def __init__(self, index: int | None) -> None:
        self.index = index
        self.problems: list[Problem] = []

    def add(self, field: str | None, message: str) -> None:
        self.problems.append(Problem(self.index, field, message))

    def extraneous(self, where: str, keys: Sequence[object], known: Sequence[str]) -> None:
        for key in keys:
            if key not in known:
                hint = suggestion(key, known) if isinstance(key, str) else ""
                name = f"{where}.{key}" if where else str(key)
                self.add(name, f"extraneous key {key!r} is not permitted{hint}")

    def language(self, field: str, value: object) -> None:
        if not isinstance(value, str) or not _LANGUAGE.fullmatch(value):
            self.add(field, f"must be a two-letter ISO 639-1 code such as 'EN', got {value!r}")

    def localized(self, field: str, value: object, *, required: bool) -> None:
        if not _is_list(value):
            self.add(field, f"must be a list of {{language, value}} objects, got {_kind(value)}")
            return
        assert isinstance(value, list | tuple)
        if required and not value:
            self.add(field, "must not be empty")
        for i, entry in enumerate(value):
            path = f"{field}[{i}]"
            if not isinstance(entry, Mapping):
                self.add(path, f"must be a {{language, value}} object, got {_kind(entry)}")
                continue
            self.extraneous(path, list(entry), _LOCALIZED_KEYS)
            if "language" not in entry:
                self.add(f"{path}.language", "is required")
            else:
                self.language(f"{path}.language", entry["language"])
            if "value" not in entry:
                self.add(f"{path}.value", "is required")
            elif not isinstance(entry["value"], str):
                self.add(f"{path}.value", f"must be a string, got {_kind(entry['value'])}")

    def parent(self, value: object) -> None:
        if not isinstance(value, Mapping):
            self.add("parent", f"must be {{id}} or {{sourceId, source}}, got {_kind(value)}")
            return
        self.extraneous("parent", list(value), _PARENT_KEYS)
        by_id = "id" in value
        by_source = "sourceId" in value or "source" in value
        if by_id and by_source:
            self.add("parent", "give either id or sourceId and source, not both")
        elif by_id:
            if not _is_int(value["id"]):
                self.add("parent.id", f"must be an integer, got {value['id']!r}")
        elif by_source:
            for key in ("sourceId", "source"):
                if key not in value:
                    self.add(f"parent.{key}", "is required with a source reference")
                elif not isinstance(value[key], str) or not value[key]:
                    self.add(f"parent.{key}", f"must be a non-empty string, got {value[key]!r}")
        else:
            self.add("parent", "must have an id, or a sourceId and a source")


_FIELD_SET = frozenset(CATEGORY_FIELDS)
_REQUIRED_SET = frozenset(REQUIRED_FIELDS)
_LOCALIZED_KEY_SET = frozenset(_LOCALIZED_KEYS)


def _plain_language(value: object) -> bool:
    # isalpha() on ASCII is exactly [A-Za-z], so this is the _LANGUAGE rule without a regex.
    return type(value) is str and len(value) == 2 and value.isascii() and value.isalpha()


def _plain_localized(value: object, required: bool) -> bool:
    if type(value) is not list or (required and not value):
        return False
    for entry in value:
        if (
            type(entry) is not dict
            or entry.keys() != _LOCALIZED_KEY_SET
            or type(entry["value"]) is not str
            or not _plain_language(entry["language"])
        ):
            return False
    return True


def _plain_parent(value: object) -> bool:
    if type(value) is not dict:
        return False
    if len(value) == 1:
        return type(value.get("id")) is int
    source_id, source = value.get("sourceId"), value.get("source")
    return (
        len(value) == 2
        and type(source_id) is str
        and type(source) is str
        and bool(source_id and source)
    )


def plainly_valid(item: object) -> bool:
    """A fast yes for the common, well-formed category; False means "ask category_problems".

    ``category_problems`` stays the one authority (and the only source of messages): this
    accepts a subset of what it accepts, with exact-type checks instead of the per-field
    walk, so that 1000 good items cost about 1 ms instead of 8 (benchmarks/hotspots.md).
    Anything unusual (tuples, Mapping subclasses, int subclasses) simply takes the slow path.
    """
    if type(item) is not dict:
        return False
    keys = item.keys()
    if not (keys >= _REQUIRED_SET and keys <= _FIELD_SET):
        return False
    if (
        type(item["id"]) is not int
        or not _plain_language(item["language"])
        or not _plain_localized(item["names"], True)
        or not _plain_parent(item["parent"])
    ):
        return False
    if len(keys) == len(REQUIRED_FIELDS):
        return True
    for field in ("descriptions", "shortDescriptions"):
        if field in item and not _plain_localized(item[field], False):
            return False
    for field in ("sourceId", "source"):
        if field in item and type(item[field]) is not str:
            return False
    attributes = item.get("attributes", [])
    return type(attributes) is list and all(type(a) is dict for a in attributes)


def category_problems(index: int | None, item: object) -> list[Problem]:
    """Every problem of one wire-format category; [] when it may be sent."""
    check = _Checker(index)
    if not isinstance(item, Mapping):
        check.add(None, f"must be a Category or a dict in wire format, got {_kind(item)}")
        return check.problems
    check.extraneous("", list(item), CATEGORY_FIELDS)
    for field in CATEGORY_FIELDS:  # in wire order, so messages read like the item
        if field not in item:
            if field in REQUIRED_FIELDS:
                check.add(field, "is required")
            continue
        value = item[field]
        if field == "id" and not _is_int(value):
            check.add("id", f"must be an integer, got {value!r}")
        elif field == "language":
            check.language("language", value)
        elif field in LOCALIZED_FIELDS:
            check.localized(field, value, required=field == "names")
        elif field == "parent":
            check.parent(value)
        elif field == "attributes" and (
            not _is_list(value) or not all(isinstance(a, Mapping) for a in value)
        ):
            check.add("attributes", f"must be a list of attribute objects, got {value!r:.60}")
        elif field in ("sourceId", "source") and not isinstance(value, str):
            check.add(field, f"must be a string, got {_kind(value)}")
    return check.problems


def directive_problems(directives: object) -> list[Problem]:
    """Every problem of a wire-format directive list (problems name ``directives[i]``)."""
    check = _Checker(None)
    if not _is_list(directives):
        check.add("directives", f"must be a list of directive objects, got {_kind(directives)}")
        return check.problems
    assert isinstance(directives, list | tuple)
    for i, directive in enumerate(directives):
        path = f"directives[{i}]"
        if not isinstance(directive, Mapping):
            check.add(path, f"must be an {{operation, fields}} object, got {_kind(directive)}")
            continue
        check.extraneous(path, list(directive), ("operation", "fields"))
        operation = directive.get("operation")
        if operation not in DIRECTIVE_OPERATIONS:
            hint = suggestion(operation, DIRECTIVE_OPERATIONS) if isinstance(operation, str) else ""
            check.add(
                f"{path}.operation",
                f"unknown operation {operation!r}{hint}; known: {', '.join(DIRECTIVE_OPERATIONS)}",
            )
        fields: Any = directive.get("fields")
        if not _is_list(fields) or not all(isinstance(f, str) for f in fields):
            check.add(f"{path}.fields", f"must be a list of field names, got {fields!r:.60}")
        elif operation == "skipIfNotEmpty":
            if not fields:
                check.add(f"{path}.fields", "skipIfNotEmpty needs at least one field name")
            for name in fields:
                if name not in SKIPPABLE_FIELDS:
                    check.add(
                        f"{path}.fields",
                        f"unknown category field {name!r}{suggestion(name, SKIPPABLE_FIELDS)}; "
                        f"known: {', '.join(SKIPPABLE_FIELDS)}",
                    )
        elif fields and operation in DIRECTIVE_OPERATIONS:
            check.add(f"{path}.fields", f"{operation} takes no fields (an empty list)")
    return check.problems
