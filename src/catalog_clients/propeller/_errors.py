"""Readers of Propeller's error bodies, for ``_http.responses.raise_for_status``. Pure.

The API wraps every non-2xx answer in ``{"error": {code, status, type, messages, moreInfo}}``;
the token endpoint may answer in that envelope or in RFC 6749's ``{"error",
"error_description"}``. Both become keyword arguments for ``errors.status_error``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from propeller_generated import _rules
from propeller_generated.models.error_body import ErrorBody
from propeller_generated.models.error_envelope import ErrorEnvelope
from propeller_generated.types import Unset

from ..errors import SchemaValidationError

# The spec's error codes (x-error-codes) whose x-exception is SchemaValidationError, and their
# types: the body's code or its type may say it (the code is documented as a string, sent as
# a number, so both spellings are compared).
_SCHEMA_CODES = frozenset(
    code for code, name in _rules.ERROR_EXCEPTIONS.items() if name == SchemaValidationError.__name__
)
_SCHEMA_TYPES = frozenset(_rules.ERROR_CODES[code] for code in _SCHEMA_CODES)


def _given(value: object) -> Any:
    return None if isinstance(value, Unset) else value


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [str(v) for v in value if v is not None]
    return []


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _envelope(body: Any) -> ErrorBody | None:
    """The spec's error envelope read through the generated model; None if not one."""
    if not isinstance(body, Mapping):
        return None
    try:
        envelope = ErrorEnvelope.from_dict(body)
    except (KeyError, TypeError, ValueError, AttributeError):
        return None
    return envelope.error if isinstance(envelope.error, ErrorBody) else None


def read_error_envelope(body: Any) -> dict[str, Any]:
    """The error envelope -> message, code, type, messages, more_info, schema_error."""
    error = _envelope(body)
    if error is None:
        raise TypeError("not the error envelope")
    code = _given(error.code)
    code = code if isinstance(code, int | str) and not isinstance(code, bool) else None
    kind = _text(_given(error.type_))
    messages = _strings(_given(error.messages))
    detail = "; ".join(messages)
    label = " ".join(
        str(part) for part in (kind, f"({code})" if code is not None else None) if part
    )
    return {
        "message": f"{label}: {detail}" if label and detail else (detail or label or None),
        "code": code,
        "type": kind,
        "messages": messages,
        "more_info": _text(_given(error.more_info)),
        "schema_error": str(code) in _SCHEMA_CODES or kind in _SCHEMA_TYPES,
    }


def read_token_error(body: Any) -> dict[str, Any]:
    """A token endpoint's refusal: RFC 6749 ``error``/``error_description``, or the envelope."""
    if _envelope(body) is not None:
        details = read_error_envelope(body)
        details.pop("schema_error")
        return details
    error = _text(body.get("error")) if isinstance(body, Mapping) else None
    description = (
        _text(body.get("error_description") or body.get("message"))
        if isinstance(body, Mapping)
        else None
    )
    message = f"{error}: {description}" if error and description else (description or error)
    return {
        "message": message,
        "code": error,
        "messages": [description] if description else [],
    }
