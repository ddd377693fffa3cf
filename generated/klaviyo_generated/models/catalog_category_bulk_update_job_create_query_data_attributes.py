# Generated from spec/klaviyo.yaml by `make generate`. DO NOT EDIT.
# Change the spec or spec/klaviyo-config.yaml, then run `make generate`.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.catalog_category_bulk_update_job_create_query_data_attributes_categories import (
        CatalogCategoryBulkUpdateJobCreateQueryDataAttributesCategories,
    )


T = TypeVar("T", bound="CatalogCategoryBulkUpdateJobCreateQueryDataAttributes")


@_attrs_define
class CatalogCategoryBulkUpdateJobCreateQueryDataAttributes:
    """
    Attributes:
        categories (CatalogCategoryBulkUpdateJobCreateQueryDataAttributesCategories):
    """

    categories: CatalogCategoryBulkUpdateJobCreateQueryDataAttributesCategories

    def to_dict(self) -> dict[str, Any]:
        categories = self.categories.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "categories": categories,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.catalog_category_bulk_update_job_create_query_data_attributes_categories import (
            CatalogCategoryBulkUpdateJobCreateQueryDataAttributesCategories,  # noqa: PLC0415
        )

        d = dict(src_dict)
        categories = (
            CatalogCategoryBulkUpdateJobCreateQueryDataAttributesCategories.from_dict(
                d.pop("categories")
            )
        )

        catalog_category_bulk_update_job_create_query_data_attributes = cls(
            categories=categories,
        )

        return catalog_category_bulk_update_job_create_query_data_attributes
