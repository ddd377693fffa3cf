"""A Klaviyo call's arguments, checked and turned into a request, as the spec says. Pure.

Every keyword comes from the operation's parameters in the spec (``x-keyword``, or the
snake_case of the name): a parameter added to the spec becomes a keyword after
``make generate``. The configured revision picks the path spelling, the sparse-field names
allowed and the media type asked for first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from klaviyo_generated import _rules

from .._schema import Compiler, Found
from .._words import path_text, suggestion
from ..errors import ConfigurationError, InputValidationError, Problem
from ._paging import LIST_JOBS

_COMPILER = Compiler(_rules.SCHEMAS)
_REVISION = re.compile(_rules.REVISION_PATTERN or r".+")


def check_revision(revision: object) -> str:
    """The spec's revision pattern (``YYYY-MM-DD``, optional ``.suffix``), and a real date."""
    if isinstance(revision, str) and _REVISION.search(revision):
        try:
            date.fromisoformat(revision[:10])
        except ValueError:
            pass
        else:
            return revision
    raise ConfigurationError(
        f"revision must look like YYYY-MM-DD or YYYY-MM-DD.suffix (e.g. "
        f"{_rules.DEFAULT_REVISION}), got {revision!r}"
    )


def in_range(revision: str, since: str | None, until: str | None) -> bool:
    day = revision[:10]  # ISO dates compare as text
    return (since is None or day >= since) and (until is None or day <= until)


def path_for(operation: _rules.Operation, revision: str) -> str:
    """The operation's path as the revision spells it (x-path-by-revision)."""
    path = operation.path
    for since, spelled in sorted(operation.paths_by_revision):
        if in_range(revision, since, None):
            path = spelled
    return path


def accept_for(operation: _rules.Operation, revision: str) -> str:
    """Every media type the operation answers in, the revision's own first."""
    own = [t for s, u, t in operation.media_types_by_revision if in_range(revision, s, u)]
    return ", ".join(dict.fromkeys([*own, *operation.response_media_types]))


def allowed_fields(fieldset: _rules.Fieldset, revision: str) -> tuple[str, ...]:
    """The sparse-field names the revision takes."""
    return tuple(
        name
        for name in fieldset.names
        if in_range(revision, *fieldset.revisions.get(name, (None, None)))
    )


def field_names(revision: str | None = None) -> tuple[str, ...]:
    """The sparse-field names of the list operation: of ``revision``, or of any revision."""
    for param in LIST_JOBS.params:
        if param.fieldset is not None:
            if revision is None:
                return param.fieldset.names
            return allowed_fields(param.fieldset, revision)
    return ()


def _names(keyword: str, value: object) -> tuple[list[str], list[Problem]]:
    if isinstance(value, str):
        # A blank string asks for no fieldset; a blank name inside a list is refused.
        return ([name.strip() for name in value.split(",")] if value.strip() else []), []
    if isinstance(value, Iterable) and not isinstance(value, Mapping | bytes | bytearray):
        listed = list(value)
        problems = [
            Problem(None, keyword, f"item {i} must be a string, got {type(n).__name__}")
            for i, n in enumerate(listed)
            if not isinstance(n, str)
        ]
        return [n for n in listed if isinstance(n, str)], problems
    kind = type(value).__name__
    return [], [Problem(None, keyword, f"must be a list of names or a string, got {kind}")]


def _fieldset(param: _rules.Param, value: object, revision: str) -> tuple[Any, list[Problem]]:
    assert param.fieldset is not None
    names, problems = _names(param.keyword, value)
    allowed = allowed_fields(param.fieldset, revision)
    listed = ", ".join(allowed)
    unknown = [n for n in names if n not in param.fieldset.names]
    if unknown:
        hint = suggestion(unknown[0], allowed) if len(unknown) == 1 else ""
        message = f"unknown field {', '.join(repr(n) for n in unknown)}{hint}; allowed: {listed}"
        problems.append(Problem(None, param.keyword, message))
    for name in names:
        if name in param.fieldset.names and name not in allowed:
            since, until = param.fieldset.revisions.get(name, (None, None))
            span = " and ".join(
                part for part in (since and f"from {since}", until and f"up to {until}") if part
            )
            message = f"{name!r} is a field only {span}, not on revision {revision}"
            problems.append(Problem(None, param.keyword, f"{message}; allowed: {listed}"))
    unique = list(dict.fromkeys(names))
    if problems or not unique:
        return None, problems
    return (",".join(unique) if not param.explode else unique), []


def _filter_value(field: str, value: object) -> tuple[str | None, list[Problem]]:
    if not isinstance(value, str):
        return None, [Problem(None, field, f"must be a string, got {type(value).__name__}")]
    if not value:
        return None, [Problem(None, field, "must not be empty")]
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'equals({field},"{escaped}")', []


def _plain(param: _rules.Param, value: object) -> tuple[Any, list[Problem]]:
    found: Found = []
    _COMPILER.compile(param.schema)(value, (param.keyword,), found)
    if found:
        return None, [Problem(None, path_text(p), m) for p, m in found]
    if isinstance(value, bool):
        return ("true" if value else "false"), []
    if isinstance(value, list | tuple) and not param.explode:
        return ",".join(str(v) for v in value), []
    return value, []


class Query:
    """A call's validated arguments; builds the request of any page (``request(cursor)``)."""

    __slots__ = ("headers", "operation", "params", "path", "revision")

    def __init__(
        self, operation: _rules.Operation, revision: str, arguments: Mapping[str, object]
    ) -> None:
        self.operation, self.revision = operation, revision
        self.path = path_for(operation, revision)
        self.headers: dict[str, str] = {"Accept": accept_for(operation, revision)}
        self.params: dict[str, Any] = {}
        found: dict[str, list[Problem]] = {}
        known: list[str] = []
        filters: list[str] = []
        given = {k: v for k, v in arguments.items() if v is not None}
        for param in operation.params:
            if param.location == "header" and param.name == _rules.REVISION_HEADER:
                self.headers[param.name] = revision
                continue
            if param.name == operation.cursor_parameter or param.location == "path":
                continue  # request(cursor) sets the cursor; the caller fills the path
            keywords = [f for f, ops in param.filter.items() if "equals" in ops] or [param.keyword]
            known += keywords
            for keyword in keywords:
                if keyword not in given:
                    continue
                value = given.pop(keyword)
                if param.filter:
                    text, more = _filter_value(keyword, value)
                    filters += [text] if text else []
                elif param.fieldset is not None:
                    text, more = _fieldset(param, value, revision)
                else:
                    text, more = _plain(param, value)
                found[keyword] = more
                if text is not None and not param.filter:
                    self.params[param.name] = text
            if param.filter and filters:
                self.params[param.name] = (
                    filters[0] if len(filters) == 1 else f"and({','.join(filters)})"
                )
        for keyword in given:
            hint = suggestion(keyword, known)
            message = f"is not a parameter of this call{hint}; known: {', '.join(known)}"
            found[keyword] = [Problem(None, keyword, message)]
        # In the order the caller's arguments came.
        problems = [p for keyword in arguments if keyword in found for p in found[keyword]]
        if problems:
            raise InputValidationError(problems)

    def request(self, cursor: str | None = None) -> dict[str, Any]:
        """Keyword arguments for ``httpx.Client.request``."""
        params = self.params
        if cursor is not None and self.operation.cursor_parameter:
            params = {**params, self.operation.cursor_parameter: cursor}
        return {
            "method": self.operation.method,
            "url": self.path,
            "params": params,
            "headers": self.headers,
        }


def check_cursor(cursor: object) -> list[Problem]:
    if cursor is None or (isinstance(cursor, str) and cursor):
        return []
    return [Problem(None, "cursor", f"must be a non-empty string, got {cursor!r}")]
