# Generated from spec/klaviyo.yaml by `make generate`. DO NOT EDIT.
# Change the spec or spec/klaviyo-config.yaml, then run `make generate`.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.catalog_category_bulk_update_job_create_query_data import (
        CatalogCategoryBulkUpdateJobCreateQueryData,
    )


T = TypeVar("T", bound="CatalogCategoryBulkUpdateJobCreateQuery")


@_attrs_define
class CatalogCategoryBulkUpdateJobCreateQuery:
    """
    Attributes:
        data (CatalogCategoryBulkUpdateJobCreateQueryData):
    """

    data: CatalogCategoryBulkUpdateJobCreateQueryData

    def to_dict(self) -> dict[str, Any]:
        data = self.data.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.catalog_category_bulk_update_job_create_query_data import (
            CatalogCategoryBulkUpdateJobCreateQueryData,  # noqa: PLC0415
        )

        d = dict(src_dict)
        data = CatalogCategoryBulkUpdateJobCreateQueryData.from_dict(d.pop("data"))

        catalog_category_bulk_update_job_create_query = cls(
            data=data,
        )

        return catalog_category_bulk_update_job_create_query
