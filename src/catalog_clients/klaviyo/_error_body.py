"""Reading Klaviyo's JSON:API error document through the generated models."""

from __future__ import annotations

from typing import Any

from klaviyo_generated.models.api_error import APIError
from klaviyo_generated.models.error_document import ErrorDocument
from klaviyo_generated.models.error_pointer_object import ErrorPointerObject
from klaviyo_generated.models.error_source import ErrorSource

from .. import _json
from ..errors import ErrorDetail


def read_error_document(body: Any) -> dict[str, Any]:
    """Klaviyo's JSON:API ``{"errors": [...]}`` as ``errors.status_error`` keywords.

    Tolerant on purpose: the call is failing anyway, and every readable detail helps.
    """
    document = ErrorDocument.from_dict(body)
    details = [_error_detail(e) for e in document.errors if isinstance(e, APIError)]
    first = details[0] if details else None
    message = first and (first.detail or first.title or first.code)
    return {"message": message, "errors": details}


def _error_detail(error: APIError) -> ErrorDetail:
    status = error.status
    if isinstance(status, str) and status.strip().isdigit():
        status = int(status)
    pointer, parameter = None, None
    if isinstance(error.source, ErrorSource):
        pointer = pointer_text(error.source.pointer)
        parameter = _loose_str(error.source.parameter)
    return ErrorDetail(
        id=_loose_str(error.id),
        status=status if type(status) is int else None,
        code=_loose_str(error.code),
        title=_loose_str(error.title),
        detail=_loose_str(error.detail),
        source_pointer=pointer,
        source_parameter=parameter,
    )


def pointer_text(pointer: object) -> str | None:
    """A JSON pointer as text; an object pointer (the seed's) as its "value", else as JSON."""
    if isinstance(pointer, str):
        return pointer
    if isinstance(pointer, ErrorPointerObject):
        value = pointer.additional_properties.get("value")
        if isinstance(value, str):
            return value
        return _json.dumps(pointer.additional_properties, sort_keys=True).decode()
    return None


def _loose_str(value: object) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return None
