# Generated from spec/klaviyo.yaml by `make generate`. DO NOT EDIT.
# Change the spec or spec/klaviyo-config.yaml, then run `make generate`.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.catalog_category_update_query_resource_object_relationships_items_data_item import (
        CatalogCategoryUpdateQueryResourceObjectRelationshipsItemsDataItem,
    )


T = TypeVar("T", bound="CatalogCategoryUpdateQueryResourceObjectRelationshipsItems")


@_attrs_define
class CatalogCategoryUpdateQueryResourceObjectRelationshipsItems:
    """
    Attributes:
        data (list[CatalogCategoryUpdateQueryResourceObjectRelationshipsItemsDataItem] | Unset):
    """

    data: (
        list[CatalogCategoryUpdateQueryResourceObjectRelationshipsItemsDataItem] | Unset
    ) = UNSET

    def to_dict(self) -> dict[str, Any]:
        data: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.data, Unset):
            data = []
            for data_item_data in self.data:
                data_item = data_item_data.to_dict()
                data.append(data_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if data is not UNSET:
            field_dict["data"] = data

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.catalog_category_update_query_resource_object_relationships_items_data_item import (
            CatalogCategoryUpdateQueryResourceObjectRelationshipsItemsDataItem,  # noqa: PLC0415
        )

        d = dict(src_dict)
        _data = d.pop("data", UNSET)
        data: (
            list[CatalogCategoryUpdateQueryResourceObjectRelationshipsItemsDataItem]
            | Unset
        ) = UNSET
        if _data is not UNSET:
            data = []
            for data_item_data in _data:
                data_item = CatalogCategoryUpdateQueryResourceObjectRelationshipsItemsDataItem.from_dict(
                    data_item_data
                )

                data.append(data_item)

        catalog_category_update_query_resource_object_relationships_items = cls(
            data=data,
        )

        return catalog_category_update_query_resource_object_relationships_items
