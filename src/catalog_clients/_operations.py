"""Any operation of a spec, sent through a client's whole policy: ``client.operations``.

The pure part: ``OperationCaller`` turns the keyword arguments of a generated endpoint into
the request to send (the generated ``_get_kwargs``, then what the spec says beyond it: the
configured revision and its path, comma-joined lists, the body checked against its schema,
idempotency and pacing) and a received response into the generated success model or the
typed error; ``PageWalk`` says which page comes next. ``_shells.SyncShell`` and ``AsyncShell`` are
the two thin drivers the four clients mix in; the friendly methods use the same two steps.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from enum import Enum
from types import ModuleType
from typing import Any, Protocol
from urllib.parse import quote

import httpx

from ._http.pacing import PACER, Pacer
from ._http.responses import (
    ErrorBodyReader,
    json_body,
    raise_for_status,
    schema_mismatch,
)
from ._http.retry import IDEMPOTENT
from ._paging import SeenCursors, cursor_from_link
from ._schema import Compiler, Found
from ._words import path_text
from .errors import ConfigurationError, InputValidationError, Problem


class _Operation(Protocol):
    operation_id: str
    path: str
    params: tuple[Any, ...]
    request_schema: str | None
    idempotent: bool


def _plain(value: object) -> str:
    return str(value.value if isinstance(value, Enum) else value)  # generated enum members


class OperationCaller:
    """The two pure steps of calling an operation; one per client.

    ``revision`` is sent as the revision header (``revision_header``) of the operations that
    take it, and picks their path and media type (``spelling(operation, revision)`` gives the
    path template and the Accept header). ``pacer_of(operation)`` is the pacer of the
    operation's own rate limits, or None.
    """

    def __init__(
        self,
        operations: Mapping[str, Any],
        schemas: Mapping[str, Mapping[str, Any]],
        read_error: ErrorBodyReader,
        *,
        revision: str | None = None,
        revision_header: str | None = None,
        spelling: Callable[[Any, str | None], tuple[str, str | None]] | None = None,
        pacer_of: Callable[[Any], Pacer | None] = lambda operation: None,
        servers: tuple[str, str] | None = None,
    ) -> None:
        # (the spec's server, the configured base URL): an operation on another server of the
        # spec (Propeller's token endpoint beside /v2) is sent there, moved as the base was.
        self._servers = servers
        self._operations = operations
        self._compiler = Compiler(schemas)
        self._read_error = read_error
        self._revision, self._revision_header = revision, revision_header
        self._spelling = spelling
        self._pacer_of = pacer_of

    def operation(self, operation_id: str) -> Any:
        return self._operations[operation_id]

    def request(
        self, operation_id: str, endpoint: ModuleType, arguments: dict[str, Any]
    ) -> dict[str, Any]:
        """``httpx.Client.request`` keyword arguments for one call; InputValidationError (nothing
        sent) for a body its schema refuses."""
        operation: _Operation = self._operations[operation_id]
        given = dict(arguments)
        for param in operation.params:
            if param.location == "header" and param.name == self._revision_header:
                given[param.python] = self._revision
        request: dict[str, Any] = endpoint._get_kwargs(**given)
        return self.finish(operation, request, given)

    def finish(
        self, operation: Any, request: dict[str, Any], given: Mapping[str, Any]
    ) -> dict[str, Any]:
        """What the spec adds to a request beyond the generated endpoint: the revision's
        path (``given`` holds the path parameters by their generated names) and media type,
        comma-joined lists, the body checked against its schema, idempotency and pacing."""
        path, accept = operation.path, None
        if self._spelling is not None:
            path, accept = self._spelling(operation, self._revision)
        request["url"] = self._on_server(operation, _fill(path, operation.params, given))
        params = request.get("params")
        if isinstance(params, dict):
            for param in operation.params:
                value = params.get(param.name)
                if not param.explode and isinstance(value, list):
                    params[param.name] = ",".join(_plain(v) for v in value)
        headers = request.setdefault("headers", {})
        if accept:
            headers["Accept"] = accept
        if "json" in request and operation.request_schema:
            self.check_body(operation.request_schema, request["json"])
        request["extensions"] = {
            IDEMPOTENT: operation.idempotent,
            PACER: self._pacer_of(operation),
        }
        return request

    def _on_server(self, operation: Any, path: str) -> str:
        if self._servers is None or operation.server == self._servers[0]:
            return path  # relative: the client's base URL
        spec_server, base_url = self._servers
        origin = httpx.URL(operation.server)
        spec_path = httpx.URL(spec_server).path.rstrip("/")
        base = httpx.URL(base_url)
        prefix = base.path.rstrip("/")
        if spec_path and prefix.endswith(spec_path):
            prefix = prefix[: -len(spec_path)]
        return str(base.copy_with(path=prefix + origin.path.rstrip("/") + path))

    def check_body(self, schema: str, body: object) -> None:
        found: Found = []
        self._compiler.ref(schema)(body, (), found)
        if found:
            raise InputValidationError([Problem(None, path_text(p) or None, m) for p, m in found])

    def parse(self, response: httpx.Response, model: Any) -> Any:
        """The generated ``model`` of a success answer; the typed error otherwise."""
        raise_for_status(response, self._read_error)
        if model is None:
            return None
        body = json_body(response)
        try:
            return model.from_dict(body)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise schema_mismatch(response, f"{type(exc).__name__}: {exc}") from None


def _fill(template: str, params: tuple[Any, ...], given: Mapping[str, Any]) -> str:
    """The path template with each path parameter's value, percent-encoded whole."""
    path = template
    for param in params:
        if param.location == "path":
            path = path.replace("{" + param.name + "}", quote(_plain(given[param.python]), safe=""))
    return path


class PageWalk:
    """Which keyword arguments fetch the next page of a list operation; refuses to loop.

    The cursor is taken from the page's next link (``x-pagination``), never the link's host:
    the request goes to the client's configured base URL.
    """

    def __init__(self, operation: Any, arguments: dict[str, Any]) -> None:
        if not operation.cursor_parameter:
            raise ConfigurationError(
                f"{operation.operation_id} is not a list operation (the spec gives it no "
                "x-pagination), so it has no pages to walk"
            )
        self._operation = operation
        self._cursor = next(
            p.python for p in operation.params if p.name == operation.cursor_parameter
        )
        self.arguments = dict(arguments)
        self._seen = SeenCursors()

    def items(self, page: Any) -> list[Any]:
        found = getattr(page, self._operation.items_attribute or "", None)
        return found if isinstance(found, list) else []

    def advance(self, page: Any) -> dict[str, Any] | None:
        """The arguments of the next page, or None after the last one."""
        link: Any = page
        for attribute in self._operation.next_link_attributes:
            link = getattr(link, attribute, None)
        cursor = cursor_from_link(
            link if isinstance(link, str) else None, self._operation.cursor_parameter
        )
        if cursor is None:
            return None
        self._seen.add(cursor)
        self.arguments[self._cursor] = cursor
        return self.arguments
