"""Readers of Propeller's error bodies, for ``_http.responses.raise_for_status``. Pure.

The API wraps every non-2xx answer in ``{"error": {code, status, type, messages, moreInfo}}``;
the token endpoint may answer in that envelope or in RFC 6749's ``{"error",
"error_description"}``. Both become keyword arguments for ``errors.status_error``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

SCHEMA_VALIDATION_CODE = "10007"
SCHEMA_VALIDATION_TYPE = "SchemaValidationException"


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
        # Documented as a string code, sent as a number: compare both spellings.
        "schema_error": str(code) == SCHEMA_VALIDATION_CODE or kind == SCHEMA_VALIDATION_TYPE,
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
