# Generated from spec/klaviyo.yaml by `make generate`. DO NOT EDIT.
# Change the spec or spec/klaviyo-config.yaml, then run `make generate`.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.catalog_category_update_query_resource_object import (
        CatalogCategoryUpdateQueryResourceObject,
    )


T = TypeVar(
    "T", bound="CatalogCategoryBulkUpdateJobCreateQueryDataAttributesCategories"
)


@_attrs_define
class CatalogCategoryBulkUpdateJobCreateQueryDataAttributesCategories:
    """
    Attributes:
        data (list[CatalogCategoryUpdateQueryResourceObject]):
    """

    data: list[CatalogCategoryUpdateQueryResourceObject]

    def to_dict(self) -> dict[str, Any]:
        data = []
        for data_item_data in self.data:
            data_item = data_item_data.to_dict()
            data.append(data_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.catalog_category_update_query_resource_object import (
            CatalogCategoryUpdateQueryResourceObject,  # noqa: PLC0415
        )

        d = dict(src_dict)
        data = []
        _data = d.pop("data")
        for data_item_data in _data:
            data_item = CatalogCategoryUpdateQueryResourceObject.from_dict(
                data_item_data
            )

            data.append(data_item)

        catalog_category_bulk_update_job_create_query_data_attributes_categories = cls(
            data=data,
        )

        return catalog_category_bulk_update_job_create_query_data_attributes_categories
