# Generated from spec/propeller.yaml by `make generate`. DO NOT EDIT.
# Change the spec or spec/propeller-config.yaml, then run `make generate`.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="LocalizedString")


@_attrs_define
class LocalizedString:
    """
    Attributes:
        language (str):
        value (str):
    """

    language: str
    value: str

    def to_dict(self) -> dict[str, Any]:
        language = self.language

        value = self.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "language": language,
                "value": value,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        language = d.pop("language")

        value = d.pop("value")

        localized_string = cls(
            language=language,
            value=value,
        )

        return localized_string
