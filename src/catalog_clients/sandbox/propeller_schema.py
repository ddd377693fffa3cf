"""Validation of a bulk-by-id request body, with the messages Propeller's validator writes.

Propeller validates with the everit JSON-schema library, so its 400 (code 10007) lists
messages such as ``#/categories/2: extraneous key [shortDescription] is not permitted``.
This is written out by hand rather than derived from ``spec/propeller.yaml`` on purpose: a
sandbox generated from our own spec would agree with every mistake in that spec.
"""

from __future__ import annotations

import re
from typing import Any

MAX_ITEMS = 1000
CATEGORY_KEYS = (
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
REQUIRED = ("id", "language", "names", "parent")
# By source id, the pair (sourceId, source) identifies a category instead of its id.
REQUIRED_BY_SOURCE = ("sourceId", "source", "language", "names", "parent")
LOCALIZED = ("names", "descriptions", "shortDescriptions")
OPERATIONS = ("skipIfNotEmpty", "skipMoveOnUpdate", "mergeTranslationsOnUpdate")
_LANGUAGE = re.compile(r"^[A-Za-z]{2}$")
_TYPE_NAMES = {dict: "JSONObject", list: "JSONArray", str: "String", bool: "Boolean"}


def _type_name(value: Any) -> str:
    if value is None:
        return "Null"
    if isinstance(value, bool):
        return "Boolean"
    if isinstance(value, int):
        return "Integer"
    if isinstance(value, float):
        return "BigDecimal"
    return _TYPE_NAMES.get(type(value), type(value).__name__)


class _Checker:
    def __init__(self) -> None:
        self.messages: list[str] = []

    def fail(self, at: str, text: str) -> None:
        self.messages.append(f"{at}: {text}")

    def typed(self, at: str, value: Any, expected: type) -> bool:
        ok = isinstance(value, expected) and not (expected is int and isinstance(value, bool))
        if not ok:
            want = "Integer" if expected is int else _TYPE_NAMES[expected]
            self.fail(at, f"expected type: {want}, found: {_type_name(value)}")
        return ok

    def keys(
        self,
        at: str,
        value: dict[str, Any],
        allowed: tuple[str, ...],
        required: tuple[str, ...] = (),
    ) -> None:
        for key in value:
            if key not in allowed:
                self.fail(at, f"extraneous key [{key}] is not permitted")
        for key in required:
            if key not in value:
                self.fail(at, f"required key [{key}] not found")

    def language(self, at: str, value: Any) -> None:
        if self.typed(at, value, str) and not _LANGUAGE.match(value):
            self.fail(at, f"string [{value}] does not match pattern ^[A-Za-z]{{2}}$")

    def localized(self, at: str, value: Any, min_items: int) -> None:
        if not self.typed(at, value, list):
            return
        if len(value) < min_items:
            self.fail(at, f"expected minimum item count: {min_items}, found: {len(value)}")
        for i, entry in enumerate(value):
            here = f"{at}/{i}"
            if self.typed(here, entry, dict):
                self.keys(here, entry, ("language", "value"), ("language", "value"))
                if "language" in entry:
                    self.language(f"{here}/language", entry["language"])
                if "value" in entry:
                    self.typed(f"{here}/value", entry["value"], str)

    def parent(self, at: str, value: Any) -> None:
        if not self.typed(at, value, dict):
            return
        self.keys(at, value, ("id", "sourceId", "source"))
        if "id" in value:
            self.typed(f"{at}/id", value["id"], int)
        for key in ("sourceId", "source"):
            if key in value:
                self.typed(f"{at}/{key}", value[key], str)
        if "id" not in value and not ("sourceId" in value and "source" in value):
            self.fail(at, "expected key [id], or keys [sourceId] and [source]")

    def category(self, at: str, value: Any, required: tuple[str, ...] = REQUIRED) -> None:
        if not self.typed(at, value, dict):
            return
        self.keys(at, value, CATEGORY_KEYS, required)
        if "id" in value:
            self.typed(f"{at}/id", value["id"], int)
        if "language" in value:
            self.language(f"{at}/language", value["language"])
        for key in LOCALIZED:
            if key in value:
                self.localized(f"{at}/{key}", value[key], 1 if key == "names" else 0)
        if "parent" in value:
            self.parent(f"{at}/parent", value["parent"])
        if "attributes" in value and self.typed(f"{at}/attributes", value["attributes"], list):
            for i, entry in enumerate(value["attributes"]):
                self.typed(f"{at}/attributes/{i}", entry, dict)
        for key in ("sourceId", "source"):
            if key in value:
                self.typed(f"{at}/{key}", value[key], str)

    def directive(self, at: str, value: Any) -> None:
        if not self.typed(at, value, dict):
            return
        self.keys(at, value, ("operation", "fields"), ("operation", "fields"))
        operation = value.get("operation")
        typed = "operation" in value and self.typed(f"{at}/operation", operation, str)
        if typed and operation not in OPERATIONS:
            self.fail(f"{at}/operation", f"{operation} is not a valid enum value")
        if "fields" in value and self.typed(f"{at}/fields", value["fields"], list):
            for i, field in enumerate(value["fields"]):
                if self.typed(f"{at}/fields/{i}", field, str) and field not in CATEGORY_KEYS:
                    self.fail(f"{at}/fields/{i}", f"{field} is not a valid enum value")


def validate_bulk(body: Any, required: tuple[str, ...] = REQUIRED) -> list[str]:
    """Every schema violation in ``body``; empty when it is valid."""
    check = _Checker()
    if not check.typed("#", body, dict):
        return check.messages
    check.keys("#", body, ("categories", "directives"), ("categories",))
    categories = body.get("categories")
    if "categories" in body and check.typed("#/categories", categories, list):
        if not categories:
            check.fail("#/categories", "expected minimum item count: 1, found: 0")
        if len(categories) > MAX_ITEMS:
            found = len(categories)
            check.fail("#/categories", f"expected maximum item count: {MAX_ITEMS}, found: {found}")
        for i, category in enumerate(categories):
            check.category(f"#/categories/{i}", category, required)
    directives = body.get("directives")
    if "directives" in body and check.typed("#/directives", directives, list):
        for i, directive in enumerate(directives):
            check.directive(f"#/directives/{i}", directive)
    return check.messages
