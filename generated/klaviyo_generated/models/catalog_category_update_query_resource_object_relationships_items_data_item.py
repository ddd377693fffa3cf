# Generated from spec/klaviyo.yaml by `make generate`. DO NOT EDIT.
# Change the spec or spec/klaviyo-config.yaml, then run `make generate`.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.catalog_category_update_query_resource_object_relationships_items_data_item_type import (
    CatalogCategoryUpdateQueryResourceObjectRelationshipsItemsDataItemType,
)

T = TypeVar(
    "T", bound="CatalogCategoryUpdateQueryResourceObjectRelationshipsItemsDataItem"
)


@_attrs_define
class CatalogCategoryUpdateQueryResourceObjectRelationshipsItemsDataItem:
    """
    Attributes:
        type_ (CatalogCategoryUpdateQueryResourceObjectRelationshipsItemsDataItemType):
        id (str):
    """

    type_: CatalogCategoryUpdateQueryResourceObjectRelationshipsItemsDataItemType
    id: str

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        id = self.id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
                "id": id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = CatalogCategoryUpdateQueryResourceObjectRelationshipsItemsDataItemType(
            d.pop("type")
        )

        id = d.pop("id")

        catalog_category_update_query_resource_object_relationships_items_data_item = (
            cls(
                type_=type_,
                id=id,
            )
        )

        return (
            catalog_category_update_query_resource_object_relationships_items_data_item
        )
