# Generated from spec/klaviyo.yaml by `make generate`. DO NOT EDIT.
# Change the spec or spec/klaviyo-config.yaml, then run `make generate`.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.catalog_category_bulk_update_job_attributes import (
        CatalogCategoryBulkUpdateJobAttributes,
    )
    from ..models.catalog_category_bulk_update_job_links_type_0 import (
        CatalogCategoryBulkUpdateJobLinksType0,
    )
    from ..models.catalog_category_bulk_update_job_relationships_type_0 import (
        CatalogCategoryBulkUpdateJobRelationshipsType0,
    )


T = TypeVar("T", bound="CatalogCategoryBulkUpdateJob")


@_attrs_define
class CatalogCategoryBulkUpdateJob:
    """
    Attributes:
        type_ (str):  Example: catalog-category-bulk-update-job.
        attributes (CatalogCategoryBulkUpdateJobAttributes):
        id (None | str | Unset):
        links (CatalogCategoryBulkUpdateJobLinksType0 | None | Unset):
        relationships (CatalogCategoryBulkUpdateJobRelationshipsType0 | None | Unset):
    """

    type_: str
    attributes: CatalogCategoryBulkUpdateJobAttributes
    id: None | str | Unset = UNSET
    links: CatalogCategoryBulkUpdateJobLinksType0 | None | Unset = UNSET
    relationships: CatalogCategoryBulkUpdateJobRelationshipsType0 | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.catalog_category_bulk_update_job_links_type_0 import (
            CatalogCategoryBulkUpdateJobLinksType0,  # noqa: PLC0415
        )
        from ..models.catalog_category_bulk_update_job_relationships_type_0 import (
            CatalogCategoryBulkUpdateJobRelationshipsType0,  # noqa: PLC0415
        )

        type_ = self.type_

        attributes = self.attributes.to_dict()

        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

        links: dict[str, Any] | None | Unset
        if isinstance(self.links, Unset):
            links = UNSET
        elif isinstance(self.links, CatalogCategoryBulkUpdateJobLinksType0):
            links = self.links.to_dict()
        else:
            links = self.links

        relationships: dict[str, Any] | None | Unset
        if isinstance(self.relationships, Unset):
            relationships = UNSET
        elif isinstance(
            self.relationships, CatalogCategoryBulkUpdateJobRelationshipsType0
        ):
            relationships = self.relationships.to_dict()
        else:
            relationships = self.relationships

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "attributes": attributes,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if links is not UNSET:
            field_dict["links"] = links
        if relationships is not UNSET:
            field_dict["relationships"] = relationships

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.catalog_category_bulk_update_job_attributes import (
            CatalogCategoryBulkUpdateJobAttributes,  # noqa: PLC0415
        )
        from ..models.catalog_category_bulk_update_job_links_type_0 import (
            CatalogCategoryBulkUpdateJobLinksType0,  # noqa: PLC0415
        )
        from ..models.catalog_category_bulk_update_job_relationships_type_0 import (
            CatalogCategoryBulkUpdateJobRelationshipsType0,  # noqa: PLC0415
        )

        d = dict(src_dict)
        type_ = d.pop("type")

        attributes = CatalogCategoryBulkUpdateJobAttributes.from_dict(
            d.pop("attributes")
        )

        def _parse_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        id = _parse_id(d.pop("id", UNSET))

        def _parse_links(
            data: object,
        ) -> CatalogCategoryBulkUpdateJobLinksType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                links_type_0 = CatalogCategoryBulkUpdateJobLinksType0.from_dict(data)

                return links_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CatalogCategoryBulkUpdateJobLinksType0 | None | Unset, data)

        links = _parse_links(d.pop("links", UNSET))

        def _parse_relationships(
            data: object,
        ) -> CatalogCategoryBulkUpdateJobRelationshipsType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                relationships_type_0 = (
                    CatalogCategoryBulkUpdateJobRelationshipsType0.from_dict(data)
                )

                return relationships_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                CatalogCategoryBulkUpdateJobRelationshipsType0 | None | Unset, data
            )

        relationships = _parse_relationships(d.pop("relationships", UNSET))

        catalog_category_bulk_update_job = cls(
            type_=type_,
            attributes=attributes,
            id=id,
            links=links,
            relationships=relationships,
        )

        catalog_category_bulk_update_job.additional_properties = d
        return catalog_category_bulk_update_job

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
