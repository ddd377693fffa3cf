# Generated from spec/klaviyo.yaml by `make generate`. DO NOT EDIT.
# Change the spec or spec/klaviyo-config.yaml, then run `make generate`.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.catalog_category_update_query_resource_object_type import (
    CatalogCategoryUpdateQueryResourceObjectType,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.catalog_category_update_query_resource_object_attributes import (
        CatalogCategoryUpdateQueryResourceObjectAttributes,
    )
    from ..models.catalog_category_update_query_resource_object_relationships import (
        CatalogCategoryUpdateQueryResourceObjectRelationships,
    )


T = TypeVar("T", bound="CatalogCategoryUpdateQueryResourceObject")


@_attrs_define
class CatalogCategoryUpdateQueryResourceObject:
    """
    Attributes:
        type_ (CatalogCategoryUpdateQueryResourceObjectType):
        id (str):
        attributes (CatalogCategoryUpdateQueryResourceObjectAttributes):
        relationships (CatalogCategoryUpdateQueryResourceObjectRelationships | Unset):
    """

    type_: CatalogCategoryUpdateQueryResourceObjectType
    id: str
    attributes: CatalogCategoryUpdateQueryResourceObjectAttributes
    relationships: CatalogCategoryUpdateQueryResourceObjectRelationships | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        id = self.id

        attributes = self.attributes.to_dict()

        relationships: dict[str, Any] | Unset = UNSET
        if not isinstance(self.relationships, Unset):
            relationships = self.relationships.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
                "id": id,
                "attributes": attributes,
            }
        )
        if relationships is not UNSET:
            field_dict["relationships"] = relationships

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.catalog_category_update_query_resource_object_attributes import (
            CatalogCategoryUpdateQueryResourceObjectAttributes,  # noqa: PLC0415
        )
        from ..models.catalog_category_update_query_resource_object_relationships import (
            CatalogCategoryUpdateQueryResourceObjectRelationships,  # noqa: PLC0415
        )

        d = dict(src_dict)
        type_ = CatalogCategoryUpdateQueryResourceObjectType(d.pop("type"))

        id = d.pop("id")

        attributes = CatalogCategoryUpdateQueryResourceObjectAttributes.from_dict(
            d.pop("attributes")
        )

        _relationships = d.pop("relationships", UNSET)
        relationships: CatalogCategoryUpdateQueryResourceObjectRelationships | Unset
        if isinstance(_relationships, Unset):
            relationships = UNSET
        else:
            relationships = (
                CatalogCategoryUpdateQueryResourceObjectRelationships.from_dict(
                    _relationships
                )
            )

        catalog_category_update_query_resource_object = cls(
            type_=type_,
            id=id,
            attributes=attributes,
            relationships=relationships,
        )

        return catalog_category_update_query_resource_object
