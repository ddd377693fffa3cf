"""``PropellerClient`` and ``AsyncPropellerClient``: thin shells that send what ``_bulk`` plans.

Sync concurrency: sequential by default (``concurrency=1``). With ``concurrency > 1`` the
sync client sends up to that many chunks at once from a thread pool. Either way the caller's
thread reads the input, merges the results and calls ``on_progress``, so a callback never
runs concurrently with itself. The async client keeps up to ``concurrency`` chunk tasks in
flight (default 4) and creates the next task only when one finishes.
"""

from __future__ import annotations

import asyncio
import concurrent.futures as cf
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, cast

import httpx
from propeller_generated import _rules

from .. import _config
from .._http import HttpSettings, RetryPolicy
from .._operations import OperationCaller
from .._shells import AsyncShell, SyncShell
from ..errors import CatalogClientError
from ._auth import ClientCredentialsAuth
from ._bulk import MAX_CONCURRENCY, Answer, BulkUpsert, Window
from ._chunks import MAX_CHUNK_SIZE, Chunk
from ._errors import read_error_envelope
from ._inputs import Directives
from ._results import BulkResult, Progress
from ._validation import BY_ID, BY_SOURCE_ID, ItemRules

if TYPE_CHECKING:
    from propeller_generated.operations import AsyncOperations, Operations

DEFAULT_BASE_URL = _rules.SERVER_URL
DEFAULT_TOKEN_URL = _rules.TOKEN_URL

Directiveish = Directives | Sequence[Mapping[str, Any]] | None
ProgressCallback = Callable[[Progress], object] | None


class _PropellerBase:
    """Settings shared by both shells, all checked here, before any I/O.

    ``client_id``/``client_secret`` (or PROPELLER_CLIENT_ID / PROPELLER_CLIENT_SECRET) fetch
    OAuth2 tokens from ``token_url``; a ready ``access_token`` may replace them (it is then
    used as is, and a 401 is final). ``base_url``/``token_url`` fall back to
    PROPELLER_BASE_URL / PROPELLER_TOKEN_URL and must be https (http only for loopback).
    ``retry_policy``, when given, replaces the default ``RetryPolicy(max_retries=...)``.
    ``concurrency`` is the default for ``bulk_upsert_categories_by_id`` (1 to 20).
    ``transport`` replaces real HTTP at the bottom of the stack (tests, benchmarks).
    """

    default_concurrency = 1

    def __init__(
        self,
        client_id: str | None = None,
        client_secret: str | None = None,
        *,
        base_url: str | None = None,
        token_url: str | None = None,
        access_token: str | None = None,
        timeout: float = 30.0,
        max_retries: int = 3,
        retry_policy: RetryPolicy | None = None,
        concurrency: int | None = None,
        transport: httpx.BaseTransport | httpx.AsyncBaseTransport | None = None,
    ) -> None:
        client_id = _config.from_env(client_id, "PROPELLER_CLIENT_ID")
        client_secret = _config.from_env(client_secret, "PROPELLER_CLIENT_SECRET")
        if not access_token:
            _config.require(client_id, "Propeller client id", "PROPELLER_CLIENT_ID")
            _config.require(client_secret, "Propeller client secret", "PROPELLER_CLIENT_SECRET")
        base = _config.from_env(base_url, "PROPELLER_BASE_URL", DEFAULT_BASE_URL)
        tokens = _config.from_env(token_url, "PROPELLER_TOKEN_URL", DEFAULT_TOKEN_URL)
        assert base is not None and tokens is not None
        settings = _config.http_settings(
            type(self).__name__,
            self._transport_kind,
            base_url=base,
            timeout=timeout,
            max_retries=max_retries,
            retry_policy=retry_policy,
            transport=transport,
            headers={"Accept": ", ".join(BY_ID.operation.response_media_types)},
            max_connections=MAX_CONCURRENCY,
        )
        self.base_url, self.timeout = settings.base_url, settings.timeout
        self.token_url = _config.check_url(tokens, "token_url")
        if concurrency is None:
            concurrency = self.default_concurrency
        self.concurrency = _config.check_count(
            concurrency, "concurrency", minimum=1, maximum=MAX_CONCURRENCY
        )
        self.auth = ClientCredentialsAuth(
            token_url=self.token_url,
            client_id=client_id,
            client_secret=client_secret,
            access_token=access_token or None,
            timeout=self.timeout,
        )
        self._redacted = (_config.redact(client_secret), _config.redact(access_token))
        self._caller = OperationCaller(
            _rules.OPERATIONS,
            _rules.SCHEMAS,
            read_error_envelope,
            servers=(DEFAULT_BASE_URL, self.base_url),
        )
        self._connect(settings, self.auth)

    _transport_kind: type[Any]  # the shell's

    def _connect(self, settings: HttpSettings, auth: httpx.Auth | None) -> None:
        raise NotImplementedError  # the shell's

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(base_url={self.base_url!r}, token_url={self.token_url!r}, "
            f"client_id={self.auth.client_id!r}, "
            f"client_secret={self._redacted[0]}, access_token={self._redacted[1]})"
        )

    def _start(
        self,
        categories: Iterable[Any],
        directives: Directiveish,
        chunk_size: int,
        concurrency: int | None,
        strict: bool,
        on_progress: ProgressCallback,
        rules: ItemRules,
    ) -> BulkUpsert:
        return BulkUpsert(
            categories,
            directives=directives,
            chunk_size=chunk_size,
            concurrency=self.concurrency if concurrency is None else concurrency,
            strict=strict,
            on_progress=on_progress,
            rules=rules,
        )


class PropellerClient(SyncShell, _PropellerBase):
    """Propeller Commerce REST v2 (sync).

    ``PropellerClient(client_id, client_secret)``, or PROPELLER_CLIENT_ID /
    PROPELLER_CLIENT_SECRET / PROPELLER_BASE_URL / PROPELLER_TOKEN_URL from the environment.
    """

    @property
    def operations(self) -> Operations:
        """Every operation of the spec, typed: ``client.operations.<operation_id>(...)``,
        through this client's OAuth2 token, retries and typed errors."""
        return cast("Operations", self._operations_of("propeller_generated", "Operations"))

    def bulk_upsert_categories_by_id(
        self,
        categories: Iterable[Any],
        *,
        directives: Directiveish = None,
        chunk_size: int = MAX_CHUNK_SIZE,
        concurrency: int | None = None,
        strict: bool = False,
        on_progress: ProgressCallback = None,
    ) -> BulkResult:
        """Create or update categories by id, in chunks of up to ``chunk_size`` items.

        ``categories`` is any iterable of ``Category`` objects or wire-format dicts, read
        lazily: memory holds about ``chunk_size x concurrency`` items plus the failures.
        Invalid items are reported in ``failures`` and not sent. With ``strict=True`` any
        invalid item raises ``InputValidationError`` and nothing is sent; that needs a first
        pass over the whole input, so a one-shot iterator is held in memory (a list is read
        twice). A chunk that the server rejects, or that fails after its retries, is reported
        with its typed error for each of its items. ``AuthenticationError`` (credentials
        refused) aborts the call, since every later chunk would fail the same way.
        ``on_progress(Progress)`` runs in the calling thread after each chunk.
        """
        return self._upsert(
            self._start(categories, directives, chunk_size, concurrency, strict, on_progress, BY_ID)
        )

    def bulk_upsert_categories_by_source_id(
        self,
        categories: Iterable[Any],
        *,
        directives: Directiveish = None,
        chunk_size: int = MAX_CHUNK_SIZE,
        concurrency: int | None = None,
        strict: bool = False,
        on_progress: ProgressCallback = None,
    ) -> BulkResult:
        """Create or update categories known by your own ``sourceId`` within a ``source``
        (``CategoryBySource`` objects or wire dicts), with the same guarantees as
        ``bulk_upsert_categories_by_id``; results are matched on the echoed source id, as
        text (``"0012"`` is not ``12``)."""
        rules = BY_SOURCE_ID
        return self._upsert(
            self._start(categories, directives, chunk_size, concurrency, strict, on_progress, rules)
        )

    def _upsert(self, run: BulkUpsert) -> BulkResult:
        if run.concurrency == 1:
            for chunk in run.chunks():
                run.settle(chunk, self._send(run, chunk))
        else:
            self._send_concurrently(run)
        return run.result()

    def _send(self, run: BulkUpsert, chunk: Chunk) -> Answer:
        try:
            return self._http.request(**run.request_kwargs(chunk))
        except CatalogClientError as exc:
            return exc

    def _send_concurrently(self, run: BulkUpsert) -> None:
        window = Window(run)
        with cf.ThreadPoolExecutor(run.concurrency, thread_name_prefix="propeller") as pool:
            try:
                while True:
                    while (chunk := window.next_chunk()) is not None:
                        window.track(pool.submit(self._send, run, chunk), chunk)
                    if not window.pending:
                        break
                    window.settle(cf.wait(window.pending, return_when=cf.FIRST_COMPLETED)[0])
            finally:
                for future in window.pending:  # on an abort: drop what has not started
                    future.cancel()


class AsyncPropellerClient(AsyncShell, _PropellerBase):
    """Propeller Commerce REST v2 (async); the same methods as ``PropellerClient``, awaited."""

    default_concurrency = 4

    @property
    def operations(self) -> AsyncOperations:
        """Every operation of the spec, awaited: ``await client.operations.<operation_id>()``."""
        return cast(
            "AsyncOperations", self._operations_of("propeller_generated", "AsyncOperations")
        )

    async def bulk_upsert_categories_by_id(
        self,
        categories: Iterable[Any],
        *,
        directives: Directiveish = None,
        chunk_size: int = MAX_CHUNK_SIZE,
        concurrency: int | None = None,
        strict: bool = False,
        on_progress: ProgressCallback = None,
    ) -> BulkResult:
        """See ``PropellerClient.bulk_upsert_categories_by_id``; chunks go out as tasks."""
        return await self._upsert(
            self._start(categories, directives, chunk_size, concurrency, strict, on_progress, BY_ID)
        )

    async def bulk_upsert_categories_by_source_id(
        self,
        categories: Iterable[Any],
        *,
        directives: Directiveish = None,
        chunk_size: int = MAX_CHUNK_SIZE,
        concurrency: int | None = None,
        strict: bool = False,
        on_progress: ProgressCallback = None,
    ) -> BulkResult:
        """See ``PropellerClient.bulk_upsert_categories_by_source_id``."""
        rules = BY_SOURCE_ID
        return await self._upsert(
            self._start(categories, directives, chunk_size, concurrency, strict, on_progress, rules)
        )

    async def _upsert(self, run: BulkUpsert) -> BulkResult:
        window = Window(run)
        try:
            while True:  # as in the sync client, with tasks for futures
                while (chunk := window.next_chunk()) is not None:
                    window.track(asyncio.create_task(self._send(run, chunk)), chunk)
                if not window.pending:
                    break
                done, _ = await asyncio.wait(window.pending, return_when=asyncio.FIRST_COMPLETED)
                window.settle(done)
        finally:
            # Cancelled, or aborted by an error: stop the chunks still in flight and wait for
            # them, so no task outlives the call.
            for task in window.pending:
                task.cancel()
            if window.pending:
                await asyncio.gather(*window.pending, return_exceptions=True)
        return run.result()

    async def _send(self, run: BulkUpsert, chunk: Chunk) -> Answer:
        try:
            return await self._http.request(**run.request_kwargs(chunk))
        except CatalogClientError as exc:
            return exc
