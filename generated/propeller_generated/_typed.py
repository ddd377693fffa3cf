# Generated from spec/propeller.yaml by `make generate`. DO NOT EDIT.
# Change the spec or spec/propeller-config.yaml, then run `make generate`.
"""The wire shape of each bulk request item of spec/propeller.yaml, as a ``TypedDict``.

Emitted by scripts/typeddicts.py: keys in their wire spelling, required keys marked.
"""

from collections.abc import Mapping, Sequence
from typing import Any, Literal, Required, TypedDict


class LocalizedStringDict(TypedDict, total=False):
    """The wire shape of ``LocalizedString``."""

    language: Required[str]
    value: Required[str]


class ParentByIdDict(TypedDict, total=False):
    """The wire shape of ``ParentById``."""

    id: Required[int]
    sourceId: str
    source: str


class ParentBySourceDict(TypedDict, total=False):
    """The wire shape of ``ParentBySource``."""

    sourceId: Required[str]
    source: Required[str]


class CategoryDict(TypedDict, total=False):
    """The wire shape of ``CategoryByIdInput``."""

    id: Required[int]
    language: Required[str]
    names: Required[Sequence[LocalizedStringDict]]
    descriptions: Sequence[LocalizedStringDict]
    shortDescriptions: Sequence[LocalizedStringDict]
    parent: Required[ParentByIdDict | ParentBySourceDict]
    attributes: Sequence[Mapping[str, Any]]
    sourceId: str
    source: str


class DirectiveDict(TypedDict, total=False):
    """The wire shape of ``Directive``."""

    operation: Required[Literal["skipIfNotEmpty", "skipMoveOnUpdate", "mergeTranslationsOnUpdate"]]
    fields: Required[
        Sequence[
            Literal[
                "id",
                "language",
                "names",
                "descriptions",
                "shortDescriptions",
                "parent",
                "attributes",
                "sourceId",
                "source",
            ]
        ]
    ]


class CategoryBySourceDict(TypedDict, total=False):
    """The wire shape of ``CategoryBySourceIdInput``."""

    sourceId: Required[str]
    source: Required[str]
    language: Required[str]
    names: Required[Sequence[LocalizedStringDict]]
    descriptions: Sequence[LocalizedStringDict]
    shortDescriptions: Sequence[LocalizedStringDict]
    parent: Required[ParentByIdDict | ParentBySourceDict]
    attributes: Sequence[Mapping[str, Any]]


__all__ = [
    "LocalizedStringDict",
    "ParentByIdDict",
    "ParentBySourceDict",
    "CategoryDict",
    "DirectiveDict",
    "CategoryBySourceDict",
]
