"""Typed inputs (``Category``, ``Directives``) and their wire format. Pure.

Plain wire-format dicts are accepted everywhere a ``Category`` is; both go through the same
validation (``_validation``) on their wire form, so a typed input and a dict get the same
messages. A ``Category`` is not validated when it is built: a bad one becomes a per-item
failure of the bulk call, like a bad dict, instead of an exception in the caller's generator.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from ..errors import InputValidationError
from ._validation import camel_case, directive_problems

# {"EN": "Bikes", "NL": "Fietsen"}, or already a list of {"language", "value"} objects.
Localized = Mapping[str, str] | Sequence[Mapping[str, Any]]


def localized(values: Localized) -> Any:
    """The wire form of localized values: ``[{"language": "EN", "value": "Bikes"}, ...]``.

    Anything that is not a mapping passes through unchanged for the validator to judge.
    """
    if isinstance(values, Mapping):
        return [{"language": language, "value": value} for language, value in values.items()]
    return values


@attrs.frozen(kw_only=True)
class Category:
    """One category for ``bulk_upsert_categories_by_id``.

    ``Category(id=1800, language="EN", names={"EN": "Bikes", "NL": "Fietsen"}, parent_id=1)``;
    the parent is ``parent_id=...`` or ``parent_source_id=...`` with ``parent_source=...``.
    """

    id: int
    language: str
    names: Localized
    parent_id: int | None = None
    parent_source_id: str | None = None
    parent_source: str | None = None
    descriptions: Localized | None = None
    short_descriptions: Localized | None = None
    attributes: Sequence[Mapping[str, Any]] | None = None
    source_id: str | None = None
    source: str | None = None

    def to_wire(self) -> dict[str, Any]:
        wire: dict[str, Any] = {
            "id": self.id,
            "language": self.language,
            "names": localized(self.names),
        }
        parent: dict[str, Any] = {}
        if self.parent_id is not None:
            parent["id"] = self.parent_id
        if self.parent_source_id is not None:
            parent["sourceId"] = self.parent_source_id
        if self.parent_source is not None:
            parent["source"] = self.parent_source
        if parent:  # none given: the validator reports the missing parent
            wire["parent"] = parent
        if self.descriptions is not None:
            wire["descriptions"] = localized(self.descriptions)
        if self.short_descriptions is not None:
            wire["shortDescriptions"] = localized(self.short_descriptions)
        if self.attributes is not None:
            wire["attributes"] = [dict(a) if isinstance(a, Mapping) else a for a in self.attributes]
        if self.source_id is not None:
            wire["sourceId"] = self.source_id
        if self.source is not None:
            wire["source"] = self.source
        return wire


def _field_names(value: str | Iterable[str]) -> tuple[str, ...]:
    # One name given as a plain string must not become a tuple of its letters.
    names = (value,) if isinstance(value, str) else tuple(value)
    return tuple(camel_case(n) if isinstance(n, str) else n for n in names)


@attrs.frozen(kw_only=True)
class Directives:
    """How an update treats existing categories.

    ``Directives(skip_if_not_empty=["names"], skip_move_on_update=True)``. Field names may be
    given in wire (``shortDescriptions``) or Python (``short_descriptions``) spelling.
    Raises ``InputValidationError`` at once for an unknown field name.
    """

    skip_if_not_empty: tuple[str, ...] = attrs.field(default=(), converter=_field_names)
    skip_move_on_update: bool = False
    merge_translations_on_update: bool = False

    def __attrs_post_init__(self) -> None:
        problems = directive_problems(self.to_wire())
        if problems:
            raise InputValidationError(problems)

    def to_wire(self) -> list[dict[str, Any]]:
        wire: list[dict[str, Any]] = []
        if self.skip_if_not_empty:
            wire.append({"operation": "skipIfNotEmpty", "fields": list(self.skip_if_not_empty)})
        if self.skip_move_on_update:
            wire.append({"operation": "skipMoveOnUpdate", "fields": []})
        if self.merge_translations_on_update:
            wire.append({"operation": "mergeTranslationsOnUpdate", "fields": []})
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
    return [dict(d) for d in wire]
