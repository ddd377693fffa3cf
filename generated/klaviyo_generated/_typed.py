# Generated from spec/klaviyo.yaml by `make generate`. DO NOT EDIT.
# Change the spec or spec/klaviyo-config.yaml, then run `make generate`.
"""The wire shape of each bulk request item of spec/klaviyo.yaml, as a ``TypedDict``.

Emitted by scripts/typeddicts.py: keys in their wire spelling, required keys marked.
"""

from collections.abc import Mapping, Sequence
from typing import Any, Literal, Required, TypedDict


class CatalogCategoryUpdateQueryResourceObjectDict(TypedDict, total=False):
    """The wire shape of ``CatalogCategoryUpdateQueryResourceObject``."""

    type: Required[Literal["catalog-category"]]
    id: Required[str]
    attributes: Required[Mapping[str, Any]]
    relationships: Mapping[str, Any]


__all__ = ["CatalogCategoryUpdateQueryResourceObjectDict"]
