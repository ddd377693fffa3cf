# Generated from spec/propeller.yaml by `make generate`. DO NOT EDIT.
# Change the spec or spec/propeller-config.yaml, then run `make generate`.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ParentBySource")


@_attrs_define
class ParentBySource:
    """
    Attributes:
        source_id (str):
        source (str):
    """

    source_id: str
    source: str

    def to_dict(self) -> dict[str, Any]:
        source_id = self.source_id

        source = self.source

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "sourceId": source_id,
                "source": source,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        source_id = d.pop("sourceId")

        source = d.pop("source")

        parent_by_source = cls(
            source_id=source_id,
            source=source,
        )

        return parent_by_source
