"""How each kind of value in a Klaviyo answer is read and checked. Pure.

A reader takes ``(value, base, path, field)``: the value and where it is (the JSON path is
formatted only when a value is refused). The generated plans (``_rules.JOB_FIELDS``...) give
each field its kind; ``_reader`` compiles them.
"""

from __future__ import annotations

import reprlib
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any, NoReturn

from klaviyo_generated import _rules

from .. import _json

# JSON:API resource identifiers ({"type", "id"}) carry the related id under this key.
IDENTIFIER_ID = "id"


class Mismatch(Exception):
    """A value of the page does not have the kind the spec gives it."""


# Shows a value in a message at bounded depth and length: a body nested a thousand deep
# must give the typed error, not a RecursionError from repr().
_SHOWN = reprlib.Repr()  # (keyword arguments only from Python 3.12)
_SHOWN.maxlevel, _SHOWN.maxdict, _SHOWN.maxlist, _SHOWN.maxstring = 3, 4, 4, 60


def mismatch(where: str, expected: str, value: object) -> NoReturn:
    shown = _SHOWN.repr(value)
    if len(shown) > 80:
        shown = shown[:80] + "..."
    raise Mismatch(f"{where}: expected {expected}, got {type(value).__name__} {shown}")


def _where(base: str, path: Sequence[str | int]) -> str:
    text = base
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def as_utc(value: datetime) -> datetime | None:
    """Aware UTC (a value without an offset is taken as UTC); None when out of range."""
    tz = value.tzinfo
    if tz is UTC:  # "Z" and "+00:00" parse to this very object
        return value
    if tz is None:
        return value.replace(tzinfo=UTC)
    try:
        return value.astimezone(UTC)
    except (OverflowError, ValueError):
        return None


# --- one reader per kind: (value, base, path, field) -> the Python value ----------------------
# ``base`` and ``path`` say where the value is; the path is formatted only when one is refused.
Path = tuple[str, ...]


Reader = Callable[[object, str, Path, _rules.Field], Any]


def _exact(types: tuple[type, ...], expected: str) -> Reader:
    """A reader that takes None or a value of exactly one of ``types`` (so not bool for an
    integer) as it is, and refuses anything else."""

    def read(value: object, base: str, path: Path, field: _rules.Field) -> Any:
        if value is None or type(value) in types:
            return value
        mismatch(_where(base, path), expected, value)

    return read


def _code(value: object, base: str, path: Path, field: _rules.Field) -> Any:
    """Text that some answers send as a number (an error code): kept as its text."""
    if value is None or type(value) is str:
        return value
    if type(value) is int:
        return str(value)
    mismatch(_where(base, path), "a string, an integer or null", value)


def _datetime(value: object, base: str, path: Path, field: _rules.Field) -> Any:
    if value is None:
        return None
    if type(value) is str:
        text = value[:-1] + "Z" if value.endswith("z") else value  # RFC 3339 allows "z"
        try:
            parsed = datetime.fromisoformat(text)
        except ValueError:
            parsed = None
        if parsed is not None:
            # A valid date-time whose UTC instant Python cannot hold (year 1 with a positive
            # offset, 9999-12-31 with a negative one) is None: the spec allows it, and one
            # such value must not cost the whole page.
            return as_utc(parsed)
    mismatch(_where(base, path), "an ISO 8601 date-time or null", value)


def _enum(value: object, base: str, path: Path, field: _rules.Field) -> Any:
    if value is None:
        return None
    if type(value) is str:
        assert field.model is not None
        return _rules.ENUMS[field.model](value)
    mismatch(_where(base, path), "a string or null", value)


def _text(value: object, base: str, path: Path, field: _rules.Field) -> Any:
    """Text, or an object shown as its "value" (or else as JSON): the seed's odd pointers."""
    if value is None or type(value) is str:
        return value
    if type(value) is dict:
        inner = value.get("value")
        return inner if type(inner) is str else _json.dumps(value, sort_keys=True).decode()
    mismatch(_where(base, path), "a string, an object or null", value)


def _ids(value: object, base: str, path: Path, field: _rules.Field) -> Any:
    if value is None:
        return []
    if type(value) is not list:
        mismatch(_where(base, path), "a list or null", value)
    # The compiled plans check the common case in line and call this to name a mismatch.
    keys, ids = frozenset(field.keys), []
    for k, identifier in enumerate(value):
        if type(identifier) is not dict or not keys <= identifier.keys():
            expected = f"an object with {' and '.join(field.keys)}"
            mismatch(f"{_where(base, path)}[{k}]", expected, identifier)
        found = identifier.get(IDENTIFIER_ID)
        if type(found) is not str:
            mismatch(f"{_where(base, path)}[{k}].{IDENTIFIER_ID}", "a string", found)
        ids.append(found)
    return ids


def _any(value: object, base: str, path: Path, field: _rules.Field) -> Any:
    return value


READERS: dict[str, Reader] = {
    "str": _exact((str,), "a string or null"),
    "int": _exact((int,), "an integer or null"),
    "float": _exact((int, float), "a number or null"),
    "bool": _exact((bool,), "true, false or null"),
    "datetime": _datetime,
    "enum": _enum,
    "text": _text,
    "code": _code,
    "object": _exact((dict,), "an object or null"),
    "list": _exact((list,), "a list or null"),
    "ids": _ids,
    "any": _any,
}
