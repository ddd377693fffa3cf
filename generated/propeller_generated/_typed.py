# Generated from spec/propeller.yaml by `make generate`. DO NOT EDIT.
# Change the spec or spec/propeller-config.yaml, then run `make generate`.
"""The wire shape of each bulk request item of spec/propeller.yaml, as a ``TypedDict``.

Emitted by scripts/typeddicts.py: keys in their wire spelling, required keys marked.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal, Required, TypedDict


# LocalizedString
LocalizedStringDict = TypedDict(
    "LocalizedStringDict", {"language": Required[str], "value": Required[str]}, total=False
)

# ParentById
ParentByIdDict = TypedDict(
    "ParentByIdDict", {"id": Required[int], "sourceId": str, "source": str}, total=False
)

# ParentBySource
ParentBySourceDict = TypedDict(
    "ParentBySourceDict", {"sourceId": Required[str], "source": Required[str]}, total=False
)

# CategoryByIdInput
CategoryDict = TypedDict(
    "CategoryDict",
    {
        "id": Required[int],
        "language": Required[str],
        "names": Required[Sequence[LocalizedStringDict]],
        "descriptions": Sequence[LocalizedStringDict],
        "shortDescriptions": Sequence[LocalizedStringDict],
        "parent": Required[ParentByIdDict | ParentBySourceDict],
        "attributes": Sequence[Mapping[str, Any]],
        "sourceId": str,
        "source": str,
    },
    total=False,
)

# Directive
DirectiveDict = TypedDict(
    "DirectiveDict",
    {
        "operation": Required[
            Literal["skipIfNotEmpty", "skipMoveOnUpdate", "mergeTranslationsOnUpdate"]
        ],
        "fields": Required[
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
        ],
    },
    total=False,
)

# CategoryBySourceIdInput
CategoryBySourceDict = TypedDict(
    "CategoryBySourceDict",
    {
        "sourceId": Required[str],
        "source": Required[str],
        "language": Required[str],
        "names": Required[Sequence[LocalizedStringDict]],
        "descriptions": Sequence[LocalizedStringDict],
        "shortDescriptions": Sequence[LocalizedStringDict],
        "parent": Required[ParentByIdDict | ParentBySourceDict],
        "attributes": Sequence[Mapping[str, Any]],
    },
    total=False,
)

__all__ = [
    "LocalizedStringDict",
    "ParentByIdDict",
    "ParentBySourceDict",
    "CategoryDict",
    "DirectiveDict",
    "CategoryBySourceDict",
]
