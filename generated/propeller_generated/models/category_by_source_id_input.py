# Generated from spec/propeller.yaml by `make generate`. DO NOT EDIT.
# Change the spec or spec/propeller-config.yaml, then run `make generate`.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.category_by_source_id_input_attributes_item import (
        CategoryBySourceIdInputAttributesItem,
    )
    from ..models.localized_string import LocalizedString
    from ..models.parent_by_id import ParentById
    from ..models.parent_by_source import ParentBySource


T = TypeVar("T", bound="CategoryBySourceIdInput")


@_attrs_define
class CategoryBySourceIdInput:
    """
    Attributes:
        source_id (str): The caller's own id of the category.
        source (str): The system sourceId belongs to.
        language (str): Default language, ISO 639-1 (shown uppercase, e.g. EN, NL).
        names (list[LocalizedString]):
        parent (ParentById | ParentBySource): Either `{id}` or `{sourceId, source}`. The server refuses a parent that
            names neither (10007 "expected key [id], or keys [sourceId] and [source]"); given both, id wins (ParentById
            allows sourceId and source beside id).
        descriptions (list[LocalizedString] | Unset):
        short_descriptions (list[LocalizedString] | Unset):
        attributes (list[CategoryBySourceIdInputAttributesItem] | Unset): Attribute values; see Propeller's attribute
            documentation.
    """

    source_id: str
    source: str
    language: str
    names: list[LocalizedString]
    parent: ParentById | ParentBySource
    descriptions: list[LocalizedString] | Unset = UNSET
    short_descriptions: list[LocalizedString] | Unset = UNSET
    attributes: list[CategoryBySourceIdInputAttributesItem] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.parent_by_id import ParentById  # noqa: PLC0415

        source_id = self.source_id

        source = self.source

        language = self.language

        names = []
        for names_item_data in self.names:
            names_item = names_item_data.to_dict()
            names.append(names_item)

        parent: dict[str, Any]
        if isinstance(self.parent, ParentById):
            parent = self.parent.to_dict()
        else:
            parent = self.parent.to_dict()

        descriptions: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.descriptions, Unset):
            descriptions = []
            for descriptions_item_data in self.descriptions:
                descriptions_item = descriptions_item_data.to_dict()
                descriptions.append(descriptions_item)

        short_descriptions: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.short_descriptions, Unset):
            short_descriptions = []
            for short_descriptions_item_data in self.short_descriptions:
                short_descriptions_item = short_descriptions_item_data.to_dict()
                short_descriptions.append(short_descriptions_item)

        attributes: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.attributes, Unset):
            attributes = []
            for attributes_item_data in self.attributes:
                attributes_item = attributes_item_data.to_dict()
                attributes.append(attributes_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "sourceId": source_id,
                "source": source,
                "language": language,
                "names": names,
                "parent": parent,
            }
        )
        if descriptions is not UNSET:
            field_dict["descriptions"] = descriptions
        if short_descriptions is not UNSET:
            field_dict["shortDescriptions"] = short_descriptions
        if attributes is not UNSET:
            field_dict["attributes"] = attributes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.category_by_source_id_input_attributes_item import (
            CategoryBySourceIdInputAttributesItem,  # noqa: PLC0415
        )
        from ..models.localized_string import LocalizedString  # noqa: PLC0415
        from ..models.parent_by_id import ParentById  # noqa: PLC0415
        from ..models.parent_by_source import ParentBySource  # noqa: PLC0415

        d = dict(src_dict)
        source_id = d.pop("sourceId")

        source = d.pop("source")

        language = d.pop("language")

        names = []
        _names = d.pop("names")
        for names_item_data in _names:
            names_item = LocalizedString.from_dict(names_item_data)

            names.append(names_item)

        def _parse_parent(data: object) -> ParentById | ParentBySource:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_parent_reference_type_0 = ParentById.from_dict(data)

                return componentsschemas_parent_reference_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_parent_reference_type_1 = ParentBySource.from_dict(data)

            return componentsschemas_parent_reference_type_1

        parent = _parse_parent(d.pop("parent"))

        _descriptions = d.pop("descriptions", UNSET)
        descriptions: list[LocalizedString] | Unset = UNSET
        if _descriptions is not UNSET:
            descriptions = []
            for descriptions_item_data in _descriptions:
                descriptions_item = LocalizedString.from_dict(descriptions_item_data)

                descriptions.append(descriptions_item)

        _short_descriptions = d.pop("shortDescriptions", UNSET)
        short_descriptions: list[LocalizedString] | Unset = UNSET
        if _short_descriptions is not UNSET:
            short_descriptions = []
            for short_descriptions_item_data in _short_descriptions:
                short_descriptions_item = LocalizedString.from_dict(
                    short_descriptions_item_data
                )

                short_descriptions.append(short_descriptions_item)

        _attributes = d.pop("attributes", UNSET)
        attributes: list[CategoryBySourceIdInputAttributesItem] | Unset = UNSET
        if _attributes is not UNSET:
            attributes = []
            for attributes_item_data in _attributes:
                attributes_item = CategoryBySourceIdInputAttributesItem.from_dict(
                    attributes_item_data
                )

                attributes.append(attributes_item)

        category_by_source_id_input = cls(
            source_id=source_id,
            source=source,
            language=language,
            names=names,
            parent=parent,
            descriptions=descriptions,
            short_descriptions=short_descriptions,
            attributes=attributes,
        )

        return category_by_source_id_input
