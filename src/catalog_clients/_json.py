"""JSON in and out, through orjson: faster decoding of job pages and encoding of bulk bodies
than the stdlib ``json`` (the figures are in benchmarks/).

One module so that every caller gets the same behaviour: compact UTF-8 output (what httpx's
``json=`` sends for the same input, except that NaN and infinities become ``null``), and
typed failures: ``EncodeError`` is a ``TypeError``, ``DecodeError`` a ``json.JSONDecodeError``.
"""

from __future__ import annotations

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


def loads(data: bytes | bytearray | memoryview | str) -> Any:
    """The decoded value; ``DecodeError`` for a body that is not JSON."""
    return orjson.loads(data)
