# Generated from spec/propeller.yaml by `make generate`. DO NOT EDIT.
# Change the spec or spec/propeller-config.yaml, then run `make generate`.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.directive_fields_item import DirectiveFieldsItem
from ..models.directive_operation import DirectiveOperation

T = TypeVar("T", bound="Directive")


@_attrs_define
class Directive:
    """
    Attributes:
        operation (DirectiveOperation):
        fields (list[DirectiveFieldsItem]): Field names for skipIfNotEmpty; empty for the other two.
    """

    operation: DirectiveOperation
    fields: list[DirectiveFieldsItem]

    def to_dict(self) -> dict[str, Any]:
        operation = self.operation.value

        fields = []
        for fields_item_data in self.fields:
            fields_item = fields_item_data.value
            fields.append(fields_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "operation": operation,
                "fields": fields,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        operation = DirectiveOperation(d.pop("operation"))

        fields = []
        _fields = d.pop("fields")
        for fields_item_data in _fields:
            fields_item = DirectiveFieldsItem(fields_item_data)

            fields.append(fields_item)

        directive = cls(
            operation=operation,
            fields=fields,
        )

        return directive
