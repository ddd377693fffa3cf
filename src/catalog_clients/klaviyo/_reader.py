"""Reading a jobs page: the decoded JSON, checked value by value into ``Job`` objects. Pure.

What is read, and from where, is the spec's: the generated plans (``_rules.JOB_FIELDS`` and
friends) give each field's JSON path and kind. Each value is checked for its kind on the way
in, and the first mismatch raises ``Mismatch`` naming its JSON path, which the core turns
into a ``ResponseDecodeError`` that keeps the raw body. Unknown fields are kept (in
``Job.raw``), unknown statuses keep their text, and nulls are None.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any, NoReturn

from klaviyo_generated import _rules

from .. import _json
from ._models import Job

# JSON:API resource identifiers ({"type", "id"}) carry the related id under this key.
_IDENTIFIER_ID = "id"


class Mismatch(Exception):
    """A value of the page does not have the kind the spec gives it."""


def mismatch(where: str, expected: str, value: object) -> NoReturn:
    shown = repr(value)
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
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    try:
        return value.astimezone(UTC)
    except (OverflowError, ValueError):
        return None


# --- one reader per kind: (value, where) -> the Python value ---------------------------------
# ``where`` is a callable so that the JSON path is formatted only when a value is refused.

Where = Callable[[], str]


def _str(value: object, where: Where, field: _rules.Field) -> Any:
    if value is None or type(value) is str:
        return value
    mismatch(where(), "a string or null", value)


def _code(value: object, where: Where, field: _rules.Field) -> Any:
    """Text that some answers send as a number (an error code): kept as its text."""
    if value is None or type(value) is str:
        return value
    if type(value) is int:
        return str(value)
    mismatch(where(), "a string, an integer or null", value)


def _int(value: object, where: Where, field: _rules.Field) -> Any:
    if value is None or type(value) is int:  # not bool, not float
        return value
    mismatch(where(), "an integer or null", value)


def _float(value: object, where: Where, field: _rules.Field) -> Any:
    if value is None or type(value) in (int, float):
        return value
    mismatch(where(), "a number or null", value)


def _bool(value: object, where: Where, field: _rules.Field) -> Any:
    if value is None or type(value) is bool:
        return value
    mismatch(where(), "true, false or null", value)


def _datetime(value: object, where: Where, field: _rules.Field) -> Any:
    if value is None:
        return None
    if type(value) is str:
        text = value[:-1] + "Z" if value.endswith("z") else value  # RFC 3339 allows "z"
        try:
            parsed = as_utc(datetime.fromisoformat(text))
        except ValueError:
            parsed = None
        if parsed is not None:
            return parsed
    mismatch(where(), "an ISO 8601 date-time (within range) or null", value)


def _enum(value: object, where: Where, field: _rules.Field) -> Any:
    if value is None:
        return None
    if type(value) is str:
        assert field.model is not None
        return _rules.ENUMS[field.model](value)
    mismatch(where(), "a string or null", value)


def _text(value: object, where: Where, field: _rules.Field) -> Any:
    """Text, or an object shown as its "value" (or else as JSON): the seed's odd pointers."""
    if value is None or type(value) is str:
        return value
    if type(value) is dict:
        inner = value.get("value")
        return inner if type(inner) is str else _json.dumps(value, sort_keys=True).decode()
    mismatch(where(), "a string, an object or null", value)


def _object(value: object, where: Where, field: _rules.Field) -> Any:
    if value is None or type(value) is dict:
        return value
    mismatch(where(), "an object or null", value)


def _list(value: object, where: Where, field: _rules.Field) -> Any:
    if value is None or type(value) is list:
        return value
    mismatch(where(), "a list or null", value)


def _models(value: object, where: Where, field: _rules.Field) -> Any:
    if value is None:
        return []
    if type(value) is not list:
        mismatch(where(), "a list or null", value)
    assert field.model is not None
    cls, plan, _, required = _rules.MODELS[field.model]
    base = where()
    return [
        cls(**read_fields(entry, plan, f"{base}[{k}]", required)) for k, entry in enumerate(value)
    ]


def _ids(value: object, where: Where, field: _rules.Field) -> Any:
    if value is None:
        return []
    if type(value) is not list:
        mismatch(where(), "a list or null", value)
    ids = []
    for k, identifier in enumerate(value):
        if type(identifier) is not dict or not all(key in identifier for key in field.keys):
            mismatch(f"{where()}[{k}]", f"an object with {' and '.join(field.keys)}", identifier)
        found = identifier.get(_IDENTIFIER_ID)
        if type(found) is not str:
            mismatch(f"{where()}[{k}].{_IDENTIFIER_ID}", "a string", found)
        ids.append(found)
    return ids


def _any(value: object, where: Where, field: _rules.Field) -> Any:
    return value


READERS: dict[str, Callable[[object, Where, _rules.Field], Any]] = {
    "str": _str,
    "int": _int,
    "float": _float,
    "bool": _bool,
    "datetime": _datetime,
    "enum": _enum,
    "text": _text,
    "code": _code,
    "object": _object,
    "list": _list,
    "models": _models,
    "ids": _ids,
    "any": _any,
}


def _at(obj: dict[str, Any], path: tuple[str, ...], base: str) -> object:
    """The value at ``path`` (None when a step is missing or null)."""
    value: object = obj
    for depth, step in enumerate(path):
        if value is None:
            return None
        if type(value) is not dict:
            mismatch(_where(base, path[:depth]), "an object or null", value)
        value = value.get(step)
    return value


def read_fields(
    obj: object, plan: Sequence[_rules.Field], base: str, required: Sequence[str] = ()
) -> dict[str, Any]:
    """Each field of ``plan``, read from the JSON object ``obj`` (found at ``base``), which
    must hold the ``required`` keys."""
    if type(obj) is not dict:
        mismatch(base, "an object", obj)
    for key in required:
        if key not in obj:
            raise Mismatch(f"{base}: a required key is missing: {key!r}")
    values: dict[str, Any] = {}
    for field in plan:
        value: object = None
        path: tuple[str, ...] = field.paths[0]
        for path in field.paths:  # an alias after the field's own path
            value = _at(obj, path, base)
            if value is not None:
                break
        values[field.name] = READERS[field.kind](
            value, functools.partial(_where, base, path), field
        )
    return values


def read_page(
    body: object, items: str | None, links_path: Sequence[str], link_names: Sequence[str]
) -> tuple[list[Job], dict[str, str | None]]:
    """The jobs under ``items`` and the links (``link_names``, each a string or null) of the
    links object at ``links_path``; other keys of that object are left alone."""
    if type(body) is not dict:
        mismatch("the body", "a JSON object", body)
    data = body.get(items) if items else None
    if type(data) is not list:
        mismatch(items or "the body", "a list of jobs", data)
    # Each job keeps its decoded object: Job.raw builds the generated model from it.
    required = _rules.MODELS[Job.__name__][3]
    jobs = [
        Job(**read_fields(item, _rules.JOB_FIELDS, f"{items}[{i}]", required), raw=item)
        for i, item in enumerate(data)
    ]
    links = _at(body, tuple(links_path), "") if links_path else None
    if links is None:
        return jobs, {}
    if type(links) is not dict:
        mismatch(_where("", links_path), "an object or null", links)
    found: dict[str, str | None] = {}
    for name in link_names:
        if name in links:
            link = links[name]
            if link is not None and type(link) is not str:
                mismatch(_where("", (*links_path, name)), "a string or null", link)
            found[name] = link
    return jobs, found
