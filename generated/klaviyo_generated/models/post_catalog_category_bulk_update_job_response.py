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
    from ..models.post_catalog_category_bulk_update_job_response_links_type_0 import (
        PostCatalogCategoryBulkUpdateJobResponseLinksType0,
    )


T = TypeVar("T", bound="PostCatalogCategoryBulkUpdateJobResponse")


@_attrs_define
class PostCatalogCategoryBulkUpdateJobResponse:
    """
    Attributes:
        data (CatalogCategoryBulkUpdateJob):
        links (None | PostCatalogCategoryBulkUpdateJobResponseLinksType0 | Unset):
    """

    data: CatalogCategoryBulkUpdateJob
    links: None | PostCatalogCategoryBulkUpdateJobResponseLinksType0 | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.post_catalog_category_bulk_update_job_response_links_type_0 import (
            PostCatalogCategoryBulkUpdateJobResponseLinksType0,  # noqa: PLC0415
        )

        data = self.data.to_dict()

        links: dict[str, Any] | None | Unset
        if isinstance(self.links, Unset):
            links = UNSET
        elif isinstance(self.links, PostCatalogCategoryBulkUpdateJobResponseLinksType0):
            links = self.links.to_dict()
        else:
            links = self.links

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "data": data,
            }
        )
        if links is not UNSET:
            field_dict["links"] = links

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.catalog_category_bulk_update_job import (
            CatalogCategoryBulkUpdateJob,  # noqa: PLC0415
        )
        from ..models.post_catalog_category_bulk_update_job_response_links_type_0 import (
            PostCatalogCategoryBulkUpdateJobResponseLinksType0,  # noqa: PLC0415
        )

        d = dict(src_dict)
        data = CatalogCategoryBulkUpdateJob.from_dict(d.pop("data"))

        def _parse_links(
            data: object,
        ) -> None | PostCatalogCategoryBulkUpdateJobResponseLinksType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                links_type_0 = (
                    PostCatalogCategoryBulkUpdateJobResponseLinksType0.from_dict(data)
                )

                return links_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                None | PostCatalogCategoryBulkUpdateJobResponseLinksType0 | Unset, data
            )

        links = _parse_links(d.pop("links", UNSET))

        post_catalog_category_bulk_update_job_response = cls(
            data=data,
            links=links,
        )

        post_catalog_category_bulk_update_job_response.additional_properties = d
        return post_catalog_category_bulk_update_job_response

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
