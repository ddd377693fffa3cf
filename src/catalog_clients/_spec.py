"""Finding things in a generated ``_rules`` module: the operation behind a client method."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol, TypeVar

from .errors import ConfigurationError


class _HasMethod(Protocol):
    @property
    def sdk_method(self) -> str | None: ...


OperationT = TypeVar("OperationT", bound=_HasMethod)


def operation_for(operations: Mapping[str, OperationT], sdk_method: str) -> OperationT:
    """The operation the spec marks (``x-sdk-method``) as the one behind ``sdk_method``."""
    for operation in operations.values():
        if operation.sdk_method == sdk_method:
            return operation
    raise ConfigurationError(
        f"the spec marks no operation with x-sdk-method: {sdk_method}; regenerate after fixing it"
    )
