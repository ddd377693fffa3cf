"""The two drivers of ``OperationCaller``: ``SyncShell`` and ``AsyncShell``, mixed into the
four clients. Each owns its httpx client, sends what the pure caller built and hands the
answer back to it; they differ only in awaiting.
"""

from __future__ import annotations

import importlib
from collections.abc import AsyncIterator, Callable, Iterator
from types import ModuleType, TracebackType
from typing import Any, Self

import httpx

from ._http.client import HttpSettings, build_client
from ._http.responses import to_connection_error
from ._operations import OperationCaller, PageWalk
from .errors import ConfigurationError


def transport_error(exc: httpx.HTTPError) -> BaseException:
    """The typed error for an httpx failure that escaped the transport stack."""
    try:
        request = exc.request
    except RuntimeError:  # an httpx error raised without a request attached
        request = httpx.Request("GET", "http://unknown/")
    return to_connection_error(request, exc)


class _Borrowed(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """Another client's connection pool, used but never closed (its owner closes it)."""

    def __init__(self, pool: Any) -> None:
        self.pool = pool

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response: httpx.Response = self.pool.handle_request(request)
        return response

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response: httpx.Response = await self.pool.handle_async_request(request)
        return response

    def close(self) -> None:
        return None

    async def aclose(self) -> None:
        return None


class _Shell:
    """What both drivers share: the httpx client, ``with_options``, and ``client.operations``
    made on first use."""

    _options: Any  # the constructor's arguments (_config.Arguments), for with_options

    _caller: OperationCaller
    _operations: Any = None
    _call: Callable[..., Any]
    _http: Any
    # Which httpx client the shell drives, and which injected transports fit under it.
    _client_kind: type[Any]  # httpx.Client or httpx.AsyncClient
    _transport_kind: type[Any]  # httpx.BaseTransport or httpx.AsyncBaseTransport

    def _connect(self, settings: HttpSettings, auth: httpx.Auth | None) -> None:
        self._http = build_client(self._client_kind, settings, auth)

    def with_options(self, **changes: Any) -> Self:
        """A client like this one with some constructor arguments changed, e.g.
        ``client.with_options(timeout=5, max_retries=0).list_category_bulk_update_jobs()``.

        It shares this client's connection pool (and so needs no closing of its own) unless
        ``transport`` is among the changes; it is usable while this client is open.
        """
        options = {**self._options, **changes}
        if "transport" not in changes and "http_client" not in changes:
            # The pool (or the caller's own client) beneath this client's policy.
            options["transport"] = _Borrowed(self._http._transport.inner)
            options["http_client"] = None
        copy = type(self)(**options)
        self._share_with(copy)
        return copy

    # What else a copy takes over from this client: the vendor base's say (an annotation
    # only, so that the vendor base's method is not shadowed by one here).
    _share_with: Callable[[Any], None]

    def _operations_of(self, package: str, name: str) -> Any:
        """``client.operations``: the generated package's ``name`` class over this client,
        imported and made on first use (the endpoints and models load only then)."""
        if self._operations is None:
            module = importlib.import_module(f"{package}.operations")
            self._operations = getattr(module, name)(self._call)
        return self._operations


class SyncShell(_Shell):
    """The sync driver of the two steps: send, then parse. Mixed into the sync clients."""

    _http: httpx.Client
    _client_kind: type[Any] = httpx.Client
    _transport_kind: type[Any] = httpx.BaseTransport

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def _send_request(self, request: dict[str, Any]) -> httpx.Response:
        try:
            return self._http.request(**request)
        except httpx.HTTPError as exc:  # the transport maps these; this is the safety net
            raise transport_error(exc) from exc

    def _call(
        self, operation_id: str, endpoint: ModuleType, model: Any, arguments: dict[str, Any]
    ) -> Any:
        request = self._caller.request(operation_id, endpoint, arguments)
        return self._caller.parse(self._send_request(request), model)

    def paginate(self, operation: Callable[..., Any], /, **params: Any) -> Iterator[Any]:
        """Every item of every page of a list operation of ``client.operations``, e.g.
        ``client.paginate(client.operations.get_update_categories_jobs)``."""
        walk = PageWalk(self._caller.operation(operation.__name__), params)
        arguments: dict[str, Any] | None = walk.arguments
        while arguments is not None:
            page = operation(**arguments)
            yield from walk.items(page)
            arguments = walk.advance(page)


class AsyncShell(_Shell):
    """The asyncio driver of the two steps. Mixed into the async clients."""

    _http: httpx.AsyncClient
    _client_kind: type[Any] = httpx.AsyncClient
    _transport_kind: type[Any] = httpx.AsyncBaseTransport

    async def aclose(self) -> None:
        await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    _loop: Any = None  # the event loop of the first request; connections belong to it

    async def _send_request(self, request: dict[str, Any]) -> httpx.Response:
        import asyncio  # here, not at the top: a sync user does not pay asyncio's import

        loop = asyncio.get_running_loop()
        if self._loop is None:
            self._loop = loop
        elif self._loop is not loop:
            # Pooled connections belong to the loop that opened them: httpx would fail
            # later with a raw RuntimeError ("bound to a different event loop"), or hang.
            raise ConfigurationError(
                f"this {type(self).__name__} was first used in another event loop; an async "
                "client serves one loop: make one client per loop (or per asyncio.run)"
            )
        try:
            return await self._http.request(**request)
        except httpx.HTTPError as exc:
            raise transport_error(exc) from exc

    async def _call(
        self, operation_id: str, endpoint: ModuleType, model: Any, arguments: dict[str, Any]
    ) -> Any:
        request = self._caller.request(operation_id, endpoint, arguments)
        return self._caller.parse(await self._send_request(request), model)

    async def paginate(self, operation: Callable[..., Any], /, **params: Any) -> AsyncIterator[Any]:
        """Every item of every page: ``async for x in client.paginate(client.operations.X)``."""
        walk = PageWalk(self._caller.operation(operation.__name__), params)
        arguments: dict[str, Any] | None = walk.arguments
        while arguments is not None:
            page = await operation(**arguments)
            for item in walk.items(page):
                yield item
            arguments = walk.advance(page)
