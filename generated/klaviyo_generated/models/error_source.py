# Generated from spec/klaviyo.yaml by `make generate`. DO NOT EDIT.
# Change the spec or spec/klaviyo-config.yaml, then run `make generate`.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.error_pointer_object import ErrorPointerObject


T = TypeVar("T", bound="ErrorSource")


@_attrs_define
class ErrorSource:
    """
    Attributes:
        pointer (ErrorPointerObject | None | str | Unset):
        parameter (None | str | Unset):
    """

    pointer: ErrorPointerObject | None | str | Unset = UNSET
    parameter: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.error_pointer_object import ErrorPointerObject  # noqa: PLC0415

        pointer: dict[str, Any] | None | str | Unset
        if isinstance(self.pointer, Unset):
            pointer = UNSET
        elif isinstance(self.pointer, ErrorPointerObject):
            pointer = self.pointer.to_dict()
        else:
            pointer = self.pointer

        parameter: None | str | Unset
        if isinstance(self.parameter, Unset):
            parameter = UNSET
        else:
            parameter = self.parameter

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if pointer is not UNSET:
            field_dict["pointer"] = pointer
        if parameter is not UNSET:
            field_dict["parameter"] = parameter

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.error_pointer_object import ErrorPointerObject  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_pointer(data: object) -> ErrorPointerObject | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                pointer_type_1 = ErrorPointerObject.from_dict(data)

                return pointer_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ErrorPointerObject | None | str | Unset, data)

        pointer = _parse_pointer(d.pop("pointer", UNSET))

        def _parse_parameter(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        parameter = _parse_parameter(d.pop("parameter", UNSET))

        error_source = cls(
            pointer=pointer,
            parameter=parameter,
        )

        error_source.additional_properties = d
        return error_source

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
