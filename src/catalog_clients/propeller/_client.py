"""``PropellerClient`` and ``AsyncPropellerClient``: thin shells that send what ``_bulk`` plans.

Sync concurrency: sequential by default (``concurrency=1``). With ``concurrency > 1`` the
sync client sends up to that many chunks at once from a thread pool. Either way the caller's
thread reads the input, merges the results and calls ``on_progress``, so a callback never
runs concurrently with itself. The async client keeps up to ``concurrency`` chunk tasks in
flight (default 4) and creates the next task only when one finishes.
"""

from __future__ import annotations

import concurrent.futures as cf
from typing import TYPE_CHECKING, cast

from .._shells import AsyncShell, SyncShell
from ..errors import CatalogClientError
from ._base import (
    DEFAULT_BASE_URL,
    DEFAULT_TOKEN_URL,
    CategoryBySourceItems,
    CategoryItems,
    Directiveish,
    ProgressCallback,
    _PropellerBase,
)
from ._bulk import DEFAULT_FAIL_FAST, Answer, BulkUpsert, Window
from ._chunks import MAX_CHUNK_SIZE, Chunk
from ._results import BulkResult
from ._validation import BY_ID, BY_SOURCE_ID

if TYPE_CHECKING:
    from propeller_generated.operations import AsyncOperations, Operations

__all__ = ["DEFAULT_BASE_URL", "DEFAULT_TOKEN_URL", "AsyncPropellerClient", "PropellerClient"]


class PropellerClient(SyncShell, _PropellerBase):
    """Propeller Commerce REST v2 (sync).

    ``PropellerClient(client_id, client_secret)``, or PROPELLER_CLIENT_ID /
    PROPELLER_CLIENT_SECRET / PROPELLER_BASE_URL / PROPELLER_TOKEN_URL from the environment.
    Its settings are the constructor's arguments: ``help(PropellerClient.__init__)``.
    """

    __init__ = _PropellerBase.__init__  # its own in help() and the API reference

    @property
    def operations(self) -> Operations:
        """Every operation of the spec, typed: ``client.operations.<operation_id>(...)``,
        through this client's OAuth2 token, retries and typed errors."""
        return cast("Operations", self._operations_of("propeller_generated", "Operations"))

    def bulk_upsert_categories_by_id(
        self,
        categories: CategoryItems,
        *,
        directives: Directiveish = None,
        chunk_size: int = MAX_CHUNK_SIZE,
        concurrency: int | None = None,
        strict: bool = False,
        on_progress: ProgressCallback = None,
        fail_fast: int | None = DEFAULT_FAIL_FAST,
    ) -> BulkResult:
        """Create or update categories by id, in chunks of up to ``chunk_size`` items.

        ``categories`` is any iterable of ``Category`` objects or wire-format dicts, read
        lazily: memory holds about ``chunk_size x concurrency`` items plus the failures.
        Invalid items are reported in ``failures`` and not sent. With ``strict=True`` any
        invalid item raises ``InputValidationError`` and nothing is sent; that needs a first
        pass over the whole input, so a one-shot iterator is held in memory (a list is read
        twice). A chunk that the server rejects, or that fails after its retries, is reported
        with its typed error for each of its items. ``AuthenticationError`` (credentials
        refused) aborts the call, since every later chunk would fail the same way. When the
        first ``fail_fast`` chunks (3; None: never) all fail the same systemic way (connection
        refused, DNS, TLS, 404 or 403 on the endpoint) before any succeeded, nothing more is
        sent: every later item is reported failed, its reason saying that it was not sent.
        ``on_progress(Progress)`` runs in the calling thread after each chunk.
        """
        return self._upsert(self._start(BY_ID, locals()))

    def bulk_upsert_categories_by_source_id(
        self,
        categories: CategoryBySourceItems,
        *,
        directives: Directiveish = None,
        chunk_size: int = MAX_CHUNK_SIZE,
        concurrency: int | None = None,
        strict: bool = False,
        on_progress: ProgressCallback = None,
        fail_fast: int | None = DEFAULT_FAIL_FAST,
    ) -> BulkResult:
        """Create or update categories known by your own ``sourceId`` within a ``source``
        (``CategoryBySource`` objects or wire dicts), with the same guarantees as
        ``bulk_upsert_categories_by_id``; results are matched on the echoed source id, as
        text (``"0012"`` is not ``12``)."""
        return self._upsert(self._start(BY_SOURCE_ID, locals()))

    def _upsert(self, run: BulkUpsert) -> BulkResult:
        with run.noting_progress():
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
    """Propeller Commerce REST v2 (async); the same methods as ``PropellerClient``, awaited.

    Its settings are the constructor's arguments: ``help(AsyncPropellerClient.__init__)``.
    """

    __init__ = _PropellerBase.__init__  # its own in help() and the API reference

    default_concurrency = 4

    @property
    def operations(self) -> AsyncOperations:
        """Every operation of the spec, awaited: ``await client.operations.<operation_id>()``."""
        return cast(
            "AsyncOperations", self._operations_of("propeller_generated", "AsyncOperations")
        )

    async def bulk_upsert_categories_by_id(
        self,
        categories: CategoryItems,
        *,
        directives: Directiveish = None,
        chunk_size: int = MAX_CHUNK_SIZE,
        concurrency: int | None = None,
        strict: bool = False,
        on_progress: ProgressCallback = None,
        fail_fast: int | None = DEFAULT_FAIL_FAST,
    ) -> BulkResult:
        """See ``PropellerClient.bulk_upsert_categories_by_id``; chunks go out as tasks."""
        return await self._upsert(self._start(BY_ID, locals()))

    async def bulk_upsert_categories_by_source_id(
        self,
        categories: CategoryBySourceItems,
        *,
        directives: Directiveish = None,
        chunk_size: int = MAX_CHUNK_SIZE,
        concurrency: int | None = None,
        strict: bool = False,
        on_progress: ProgressCallback = None,
        fail_fast: int | None = DEFAULT_FAIL_FAST,
    ) -> BulkResult:
        """See ``PropellerClient.bulk_upsert_categories_by_source_id``."""
        return await self._upsert(self._start(BY_SOURCE_ID, locals()))

    async def _upsert(self, run: BulkUpsert) -> BulkResult:
        with run.noting_progress():
            return await self._upsert_tasks(run)

    async def _upsert_tasks(self, run: BulkUpsert) -> BulkResult:
        import asyncio  # here, not at the top: a sync user does not pay asyncio's import

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
