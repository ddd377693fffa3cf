"""JSON in and out, through orjson: faster decoding of job pages and encoding of bulk bodies
than the stdlib ``json`` (the figures are in benchmarks/).

One module so that every caller gets the same behaviour: compact UTF-8 output (what httpx's
``json=`` sends for the same input, except that NaN and infinities become ``null``), and
typed failures: ``EncodeError`` is a ``TypeError``, ``DecodeError`` a ``json.JSONDecodeError``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

import orjson

EncodeError = orjson.JSONEncodeError  # a TypeError
DecodeError = orjson.JSONDecodeError  # a ValueError (json.JSONDecodeError, too)


def _default(value: object) -> object:
    # orjson encodes dict only; a read-only or custom Mapping is just as much a JSON object.
    if isinstance(value, Mapping):
        return dict(value)
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def dumps(value: Any, *, sort_keys: bool = False) -> bytes:
    """Compact JSON as UTF-8 bytes; ``EncodeError`` for what JSON cannot hold."""
    return orjson.dumps(value, default=_default, option=orjson.OPT_SORT_KEYS if sort_keys else None)


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def loads(data: bytes | bytearray | memoryview | str) -> Any:
    """The decoded value; ``DecodeError`` for a body that is not JSON.

    orjson reads an integer beyond 64 bits as a float, and one beyond a double's range not
    at all: such a body is read by ``loads_exact`` instead (see there).
    """
    try:
        return orjson.loads(data)
    except DecodeError as exc:
        if "infinity" not in str(exc):
            raise
    return loads_exact(data)


# An integer that orjson could not have read exactly (more than 19 digits).
_BIG_INTEGER = re.compile(rb"(?<![0-9.eE+-])-?[0-9]{20,}(?![0-9.eE])")


def has_big_integer(data: bytes) -> bool:
    return _BIG_INTEGER.search(data) is not None


def loads_exact(data: bytes | bytearray | memoryview | str) -> Any:
    """The stdlib's reading: integers of any size as Python ints (JSON allows them), with
    orjson's refusals kept (NaN, nesting too deep); ``DecodeError`` otherwise."""
    try:
        text = data if isinstance(data, str) else bytes(data).decode()
        return json.loads(text, parse_constant=_refuse_constant)
    except (ValueError, RecursionError) as exc:  # a number over the digit limit, too deep
        raise DecodeError(str(exc) or type(exc).__name__, "", 0) from None
