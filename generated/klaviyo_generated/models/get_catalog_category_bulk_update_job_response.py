# Generated from spec/klaviyo.yaml by `make generate`. DO NOT EDIT.
# Change the spec or spec/klaviyo-config.yaml, then run `make generate`.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.catalog_category_bulk_update_job import CatalogCategoryBulkUpdateJob
    from ..models.catalog_category_resource import CatalogCategoryResource
    from ..models.get_catalog_category_bulk_update_job_response_links_type_0 import (
        GetCatalogCategoryBulkUpdateJobResponseLinksType0,
    )


T = TypeVar("T", bound="GetCatalogCategoryBulkUpdateJobResponse")


@_attrs_define
class GetCatalogCategoryBulkUpdateJobResponse:
    """
    Attributes:
        data (CatalogCategoryBulkUpdateJob):
        links (GetCatalogCategoryBulkUpdateJobResponseLinksType0 | None | Unset):
        included (list[CatalogCategoryResource] | None | Unset):
    """

    data: CatalogCategoryBulkUpdateJob
    links: GetCatalogCategoryBulkUpdateJobResponseLinksType0 | None | Unset = UNSET
    included: list[CatalogCategoryResource] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.get_catalog_category_bulk_update_job_response_links_type_0 import (
            GetCatalogCategoryBulkUpdateJobResponseLinksType0,  # noqa: PLC0415
        )

        data = self.data.to_dict()

        links: dict[str, Any] | None | Unset
        if isinstance(self.links, Unset):
            links = UNSET
        elif isinstance(self.links, GetCatalogCategoryBulkUpdateJobResponseLinksType0):
            links = self.links.to_dict()
        else:
            links = self.links

        included: list[dict[str, Any]] | None | Unset
        if isinstance(self.included, Unset):
            included = UNSET
        elif isinstance(self.included, list):
            included = []
            for included_type_0_item_data in self.included:
                included_type_0_item = included_type_0_item_data.to_dict()
                included.append(included_type_0_item)

        else:
            included = self.included

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "data": data,
            }
        )
        if links is not UNSET:
            field_dict["links"] = links
        if included is not UNSET:
            field_dict["included"] = included

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.catalog_category_bulk_update_job import (
            CatalogCategoryBulkUpdateJob,  # noqa: PLC0415
        )
        from ..models.catalog_category_resource import CatalogCategoryResource  # noqa: PLC0415
        from ..models.get_catalog_category_bulk_update_job_response_links_type_0 import (
            GetCatalogCategoryBulkUpdateJobResponseLinksType0,  # noqa: PLC0415
        )

        d = dict(src_dict)
        data = CatalogCategoryBulkUpdateJob.from_dict(d.pop("data"))

        def _parse_links(
            data: object,
        ) -> GetCatalogCategoryBulkUpdateJobResponseLinksType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                links_type_0 = (
                    GetCatalogCategoryBulkUpdateJobResponseLinksType0.from_dict(data)
                )

                return links_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                GetCatalogCategoryBulkUpdateJobResponseLinksType0 | None | Unset, data
            )

        links = _parse_links(d.pop("links", UNSET))

        def _parse_included(
            data: object,
        ) -> list[CatalogCategoryResource] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                included_type_0 = []
                _included_type_0 = data
                for included_type_0_item_data in _included_type_0:
                    included_type_0_item = CatalogCategoryResource.from_dict(
                        included_type_0_item_data
                    )

                    included_type_0.append(included_type_0_item)

                return included_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[CatalogCategoryResource] | None | Unset, data)

        included = _parse_included(d.pop("included", UNSET))

        get_catalog_category_bulk_update_job_response = cls(
            data=data,
            links=links,
            included=included,
        )

        get_catalog_category_bulk_update_job_response.additional_properties = d
        return get_catalog_category_bulk_update_job_response

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
