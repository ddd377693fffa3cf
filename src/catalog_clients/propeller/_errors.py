"""Readers of Propeller's error bodies, for ``_http.responses.raise_for_status``. Pure.

The API wraps every non-2xx answer in ``{"error": {code, status, type, messages, moreInfo}}``;
the token endpoint may answer in that envelope or in RFC 6749's ``{"error",
"error_description"}``. Both become keyword arguments for ``errors.status_error``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from propeller_generated import _rules

from ..errors import SchemaValidationError

# The spec's error codes (x-error-codes) whose x-exception is SchemaValidationError, and their
# types: the body's code or its type may say it (the code is documented as a string, sent as
# a number, so both spellings are compared).
_SCHEMA_CODES = frozenset(
    code for code, name in _rules.ERROR_EXCEPTIONS.items() if name == SchemaValidationError.__name__
)
_SCHEMA_TYPES = frozenset(_rules.ERROR_CODES[code] for code in _SCHEMA_CODES)


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [str(v) for v in value if v is not None]
    return []


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def read_error_envelope(body: Any) -> dict[str, Any]:
    """``{"error": {...}}`` -> message, code, type, messages, more_info, schema_error."""
    error = body["error"]
    if not isinstance(error, Mapping):
        raise TypeError("error is not an object")
    code = error.get("code")
    code = code if isinstance(code, int | str) and not isinstance(code, bool) else None
    kind = _text(error.get("type"))
    messages = _strings(error.get("messages"))
    detail = "; ".join(messages)
    label = " ".join(
        str(part) for part in (kind, f"({code})" if code is not None else None) if part
    )
    return {
        "message": f"{label}: {detail}" if label and detail else (detail or label or None),
        "code": code,
        "type": kind,
        "messages": messages,
        "more_info": _text(error.get("moreInfo")),
        "schema_error": str(code) in _SCHEMA_CODES or kind in _SCHEMA_TYPES,
    }


def read_token_error(body: Any) -> dict[str, Any]:
    """A token endpoint's refusal: RFC 6749 ``error``/``error_description``, or the envelope."""
    if isinstance(body, Mapping) and isinstance(body.get("error"), Mapping):
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
