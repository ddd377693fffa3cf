# Generated from spec/klaviyo.yaml by `make generate`. DO NOT EDIT.
# Change the spec or spec/klaviyo-config.yaml, then run `make generate`.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.catalog_category_bulk_update_job_create_query_data_type import (
    CatalogCategoryBulkUpdateJobCreateQueryDataType,
)

if TYPE_CHECKING:
    from ..models.catalog_category_bulk_update_job_create_query_data_attributes import (
        CatalogCategoryBulkUpdateJobCreateQueryDataAttributes,
    )


T = TypeVar("T", bound="CatalogCategoryBulkUpdateJobCreateQueryData")


@_attrs_define
class CatalogCategoryBulkUpdateJobCreateQueryData:
    """
    Attributes:
        type_ (CatalogCategoryBulkUpdateJobCreateQueryDataType):
        attributes (CatalogCategoryBulkUpdateJobCreateQueryDataAttributes):
    """

    type_: CatalogCategoryBulkUpdateJobCreateQueryDataType
    attributes: CatalogCategoryBulkUpdateJobCreateQueryDataAttributes

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        attributes = self.attributes.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
                "attributes": attributes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.catalog_category_bulk_update_job_create_query_data_attributes import (
            CatalogCategoryBulkUpdateJobCreateQueryDataAttributes,  # noqa: PLC0415
        )

        d = dict(src_dict)
        type_ = CatalogCategoryBulkUpdateJobCreateQueryDataType(d.pop("type"))

        attributes = CatalogCategoryBulkUpdateJobCreateQueryDataAttributes.from_dict(
            d.pop("attributes")
        )

        catalog_category_bulk_update_job_create_query_data = cls(
            type_=type_,
            attributes=attributes,
        )

        return catalog_category_bulk_update_job_create_query_data
