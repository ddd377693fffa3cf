# Generated from spec/propeller.yaml by `make generate`. DO NOT EDIT.
# Change the spec or spec/propeller-config.yaml, then run `make generate`.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.category_by_source_id_input import CategoryBySourceIdInput
    from ..models.directive import Directive


T = TypeVar("T", bound="BulkCategoriesBySourceIdRequest")


@_attrs_define
class BulkCategoriesBySourceIdRequest:
    """
    Attributes:
        categories (list[CategoryBySourceIdInput]):
        directives (list[Directive] | Unset):
    """

    categories: list[CategoryBySourceIdInput]
    directives: list[Directive] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        categories = []
        for categories_item_data in self.categories:
            categories_item = categories_item_data.to_dict()
            categories.append(categories_item)

        directives: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.directives, Unset):
            directives = []
            for directives_item_data in self.directives:
                directives_item = directives_item_data.to_dict()
                directives.append(directives_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "categories": categories,
            }
        )
        if directives is not UNSET:
            field_dict["directives"] = directives

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.category_by_source_id_input import CategoryBySourceIdInput  # noqa: PLC0415
        from ..models.directive import Directive  # noqa: PLC0415

        d = dict(src_dict)
        categories = []
        _categories = d.pop("categories")
        for categories_item_data in _categories:
            categories_item = CategoryBySourceIdInput.from_dict(categories_item_data)

            categories.append(categories_item)

        _directives = d.pop("directives", UNSET)
        directives: list[Directive] | Unset = UNSET
        if _directives is not UNSET:
            directives = []
            for directives_item_data in _directives:
                directives_item = Directive.from_dict(directives_item_data)

                directives.append(directives_item)

        bulk_categories_by_source_id_request = cls(
            categories=categories,
            directives=directives,
        )

        return bulk_categories_by_source_id_request
