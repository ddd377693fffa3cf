# Generated from spec/klaviyo.yaml by `make generate`. DO NOT EDIT.
# Change the spec or spec/klaviyo-config.yaml, then run `make generate`.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.catalog_category_resource_attributes_type_0 import (
        CatalogCategoryResourceAttributesType0,
    )
    from ..models.catalog_category_resource_links_type_0 import (
        CatalogCategoryResourceLinksType0,
    )


T = TypeVar("T", bound="CatalogCategoryResource")


@_attrs_define
class CatalogCategoryResource:
    """
    Attributes:
        type_ (str):  Example: catalog-category.
        id (str):
        attributes (CatalogCategoryResourceAttributesType0 | None | Unset):
        links (CatalogCategoryResourceLinksType0 | None | Unset):
    """

    type_: str
    id: str
    attributes: CatalogCategoryResourceAttributesType0 | None | Unset = UNSET
    links: CatalogCategoryResourceLinksType0 | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.catalog_category_resource_attributes_type_0 import (
            CatalogCategoryResourceAttributesType0,  # noqa: PLC0415
        )
        from ..models.catalog_category_resource_links_type_0 import (
            CatalogCategoryResourceLinksType0,  # noqa: PLC0415
        )

        type_ = self.type_

        id = self.id

        attributes: dict[str, Any] | None | Unset
        if isinstance(self.attributes, Unset):
            attributes = UNSET
        elif isinstance(self.attributes, CatalogCategoryResourceAttributesType0):
            attributes = self.attributes.to_dict()
        else:
            attributes = self.attributes

        links: dict[str, Any] | None | Unset
        if isinstance(self.links, Unset):
            links = UNSET
        elif isinstance(self.links, CatalogCategoryResourceLinksType0):
            links = self.links.to_dict()
        else:
            links = self.links

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "id": id,
            }
        )
        if attributes is not UNSET:
            field_dict["attributes"] = attributes
        if links is not UNSET:
            field_dict["links"] = links

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.catalog_category_resource_attributes_type_0 import (
            CatalogCategoryResourceAttributesType0,  # noqa: PLC0415
        )
        from ..models.catalog_category_resource_links_type_0 import (
            CatalogCategoryResourceLinksType0,  # noqa: PLC0415
        )

        d = dict(src_dict)
        type_ = d.pop("type")

        id = d.pop("id")

        def _parse_attributes(
            data: object,
        ) -> CatalogCategoryResourceAttributesType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                attributes_type_0 = CatalogCategoryResourceAttributesType0.from_dict(
                    data
                )

                return attributes_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CatalogCategoryResourceAttributesType0 | None | Unset, data)

        attributes = _parse_attributes(d.pop("attributes", UNSET))

        def _parse_links(
            data: object,
        ) -> CatalogCategoryResourceLinksType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                links_type_0 = CatalogCategoryResourceLinksType0.from_dict(data)

                return links_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CatalogCategoryResourceLinksType0 | None | Unset, data)

        links = _parse_links(d.pop("links", UNSET))

        catalog_category_resource = cls(
            type_=type_,
            id=id,
            attributes=attributes,
            links=links,
        )

        catalog_category_resource.additional_properties = d
        return catalog_category_resource

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
