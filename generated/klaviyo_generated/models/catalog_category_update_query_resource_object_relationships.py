# Generated from spec/klaviyo.yaml by `make generate`. DO NOT EDIT.
# Change the spec or spec/klaviyo-config.yaml, then run `make generate`.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.catalog_category_update_query_resource_object_relationships_items import (
        CatalogCategoryUpdateQueryResourceObjectRelationshipsItems,
    )


T = TypeVar("T", bound="CatalogCategoryUpdateQueryResourceObjectRelationships")


@_attrs_define
class CatalogCategoryUpdateQueryResourceObjectRelationships:
    """
    Attributes:
        items (CatalogCategoryUpdateQueryResourceObjectRelationshipsItems | Unset):
    """

    items: CatalogCategoryUpdateQueryResourceObjectRelationshipsItems | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        items: dict[str, Any] | Unset = UNSET
        if not isinstance(self.items, Unset):
            items = self.items.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if items is not UNSET:
            field_dict["items"] = items

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.catalog_category_update_query_resource_object_relationships_items import (
            CatalogCategoryUpdateQueryResourceObjectRelationshipsItems,  # noqa: PLC0415
        )

        d = dict(src_dict)
        _items = d.pop("items", UNSET)
        items: CatalogCategoryUpdateQueryResourceObjectRelationshipsItems | Unset
        if isinstance(_items, Unset):
            items = UNSET
        else:
            items = (
                CatalogCategoryUpdateQueryResourceObjectRelationshipsItems.from_dict(
                    _items
                )
            )

        catalog_category_update_query_resource_object_relationships = cls(
            items=items,
        )

        return catalog_category_update_query_resource_object_relationships
