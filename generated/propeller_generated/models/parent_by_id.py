# Generated from spec/propeller.yaml by `make generate`. DO NOT EDIT.
# Change the spec or spec/propeller-config.yaml, then run `make generate`.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ParentById")


@_attrs_define
class ParentById:
    """
    Attributes:
        id (int):
        source_id (str | Unset):
        source (str | Unset):
    """

    id: int
    source_id: str | Unset = UNSET
    source: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        source_id = self.source_id

        source = self.source

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
            }
        )
        if source_id is not UNSET:
            field_dict["sourceId"] = source_id
        if source is not UNSET:
            field_dict["source"] = source

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        source_id = d.pop("sourceId", UNSET)

        source = d.pop("source", UNSET)

        parent_by_id = cls(
            id=id,
            source_id=source_id,
            source=source,
        )

        return parent_by_id
