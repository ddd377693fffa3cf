"""One bulk upsert call, sans I/O: argument checks, chunk plan, request, outcome, totals.

The sync and async clients only send the requests this object builds and hand back what
came of them; everything they would otherwise have to duplicate lives here.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any

import httpx
from propeller_generated import _accept, _rules

from .. import _json
from .._http.responses import json_body, raise_for_status, schema_mismatch
from .._http.retry import IDEMPOTENT
from .._schema import Compiler, Found
from .._words import path_text
from ..errors import (
    APIConnectionError,
    AuthenticationError,
    CatalogClientError,
    InputValidationError,
    NotFoundError,
    PermissionDeniedError,
    Problem,
    request_id_from,
)
from ._chunks import Chunk, plan_chunks, prepare
from ._errors import read_error_envelope
from ._inputs import Directives, directives_to_wire
from ._results import BulkResult, Progress, Tally, fail_chunk, merge_items
from ._validation import BY_ID, ItemRules

log = logging.getLogger("catalog_clients.propeller")

MAX_CONCURRENCY = 20  # the HTTP connection pool's size
Answer = httpx.Response | CatalogClientError


def _check_argument(name: str, value: object, maximum: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= maximum:
        raise InputValidationError(
            [Problem(None, name, f"must be an integer from 1 to {maximum}, got {value!r}")]
        )


_COMPILER = Compiler(_rules.SCHEMAS)


def parse_bulk_response(response: httpx.Response, rules: ItemRules = BY_ID) -> list[Any]:
    """The per-item results of a 2xx answer, checked against the operation's response schema
    (the generated ``from_dict`` merely casts); ResponseDecodeError (raw body kept) otherwise."""
    body = json_body(response)
    operation = rules.operation
    found: Found = []
    schema = operation.response_schema
    # The generated yes/no check first (a valid answer costs a few lookups); a no is
    # explained by the Compiler, which names the path.
    if schema is not None and not _accept.ACCEPTS[schema](body):
        _COMPILER.ref(schema)(body, (), found)
    if found:
        path, message = found[0]
        raise schema_mismatch(response, f"{path_text(path) or 'the body'} {message}")
    data: list[Any] = body[operation.items_property] if operation.items_property else []
    return data


def _content_type(media_type: str | None) -> dict[str, str]:
    return {"Content-Type": media_type} if media_type else {}


def is_fatal(error: CatalogClientError) -> bool:
    """Errors that would fail every later chunk too: raised, not recorded per item."""
    return isinstance(error, AuthenticationError)


# How many chunks in a row may fail the same systemic way, before any chunk succeeded, until
# nothing more is sent: a wrong port or URL must not cost every chunk its full retries.
DEFAULT_FAIL_FAST = 3
_SYSTEMIC = (APIConnectionError, NotFoundError, PermissionDeniedError)


def _systemic(error: CatalogClientError) -> tuple[str, int | None] | None:
    """What a failure that every later chunk would share looks like, or None."""
    if not isinstance(error, _SYSTEMIC):
        return None
    return type(error).__name__, getattr(error, "status_code", None)


class BulkUpsert:
    """The state of one ``bulk_upsert_categories_by_id`` call.

    Raises ``InputValidationError`` at construction for bad arguments, and (``strict``) for
    any invalid item, before a single request exists.
    """

    def __init__(
        self,
        categories: Iterable[object],
        *,
        directives: Directives | Sequence[Mapping[str, Any]] | None,
        chunk_size: int,
        concurrency: int,
        strict: bool,
        on_progress: Callable[[Progress], object] | None,
        rules: ItemRules = BY_ID,
        fail_fast: int | None = DEFAULT_FAIL_FAST,
    ) -> None:
        self.rules = rules
        _check_argument("chunk_size", chunk_size, rules.max_items)
        _check_argument("concurrency", concurrency, MAX_CONCURRENCY)
        if fail_fast is not None:
            _check_argument("fail_fast", fail_fast, 1_000_000)
        self._fail_fast = fail_fast
        self._streak: list[tuple[str, int | None]] = []  # the failures before any success
        self._worked = False
        # Once set, the reason every later item carries: nothing more is sent.
        self.stopped: str | None = None
        if isinstance(categories, Mapping | str | bytes) or not isinstance(categories, Iterable):
            raise InputValidationError(
                [
                    Problem(
                        None,
                        "categories",
                        "must be an iterable of categories (wrap a single one in a list), "
                        f"got {type(categories).__name__}",
                    )
                ]
            )
        self.directives = directives_to_wire(directives)
        self._directives_json = b""
        if self.directives and rules.directives_property:
            key = _json.dumps(rules.directives_property)
            self._directives_json = b"," + key + b":" + _json.dumps(self.directives)
        self._items_json = b"{" + _json.dumps(rules.items_property) + b":"
        self.chunk_size = chunk_size
        self.concurrency = concurrency
        if strict:
            categories = self._validated(categories)
        self._categories = categories
        self.tally = Tally(on_progress)

    def _validated(self, categories: Iterable[object]) -> Iterable[object]:
        """Check every item first. A one-shot iterator is kept in memory for the second pass
        (a list or tuple is simply read twice): strict mode on a generator of millions of
        items holds them all, so validate such input in a pass of your own instead."""
        if not isinstance(categories, Sequence):
            categories = list(categories)
        problems: list[Problem] = []
        for index, item in enumerate(categories):
            prepared = prepare(index, item, self.rules)
            if isinstance(prepared, list):
                problems.extend(prepared)
        if problems:
            problems.sort(key=lambda p: p.index or 0)
            raise InputValidationError(problems)
        return categories

    def chunks(self) -> Iterator[Chunk]:
        """The chunks to send, planned one at a time as the input is read. Once the call has
        stopped (fail fast), the rest of the input is read and reported as not sent."""
        for chunk in plan_chunks(self._categories, self.chunk_size, self.tally.reject, self.rules):
            if self.stopped is None:
                yield chunk
            else:
                self.tally.record(fail_chunk(chunk, self.stopped), chunk)

    def request_kwargs(self, chunk: Chunk) -> dict[str, Any]:
        """``httpx.Client.request`` arguments for one chunk.

        Method, path and content type come from the spec; the body is the chunk's items as
        encoded when they were planned, sent as bytes. The generated ``from_dict``/``to_dict``
        round trip would only rebuild the same JSON from the already validated wire dicts.
        """
        operation = self.rules.operation
        return {
            "method": operation.method,
            "url": operation.path,
            "headers": _content_type(operation.request_media_type),
            "content": self._items_json + chunk.body + self._directives_json + b"}",
            # An upsert is safe to repeat (x-idempotent), so the retry policy may retry it.
            "extensions": {IDEMPOTENT: operation.idempotent},
        }

    def settle(self, chunk: Chunk, answer: Answer) -> None:
        """Record what came of one chunk; re-raise an error that dooms the whole call."""
        if isinstance(answer, httpx.Response):
            if (request_id := request_id_from(answer.headers)) is not None:
                self.tally.request_ids.append(request_id)
            try:
                raise_for_status(answer, read_error_envelope)
                entries = parse_bulk_response(answer)
            except CatalogClientError as exc:
                answer = exc
            else:
                self._worked = True
                self.tally.record(merge_items(chunk, entries), chunk)
                return
        if is_fatal(answer):
            raise answer  # noting_progress says on it what was confirmed before it
        log.warning("chunk %d (%d items) failed: %s", chunk.number, len(chunk), answer)
        self.tally.record(fail_chunk(chunk, answer), chunk)
        self._note_streak(answer)

    def _note_streak(self, error: CatalogClientError) -> None:
        if self._fail_fast is None or self._worked or self.stopped is not None:
            return
        signature = _systemic(error)
        if signature is None or (self._streak and self._streak[0] != signature):
            self._fail_fast = None  # failures of different kinds: judged chunk by chunk
            return
        self._streak.append(signature)
        if len(self._streak) >= self._fail_fast:
            self.stopped = (
                f"not sent: the first {len(self._streak)} chunks all failed with "
                f"{type(error).__name__} ({error}), so the call stopped sending (fail_fast)"
            )
            log.error("%s", self.stopped)

    def result(self) -> BulkResult:
        return self.tally.result()

    @contextlib.contextmanager
    def noting_progress(self) -> Iterator[None]:
        """Whatever ends the call early (a fatal error, the input iterator or ``on_progress``
        raising, a KeyboardInterrupt) leaves with a note of what was confirmed, and the
        ``BulkResult`` so far as its ``partial_result``: the caller gets no other."""
        try:
            yield
        except BaseException as exc:
            if not isinstance(exc, GeneratorExit):
                exc.add_note(self.tally.abort_note())
                # (not reported: on_progress may be what raised)
                exc.partial_result = self.tally.result(report=False)  # type: ignore[attr-defined]
            raise


class Window:
    """Which chunk goes out next, at most ``concurrency`` in flight; sans I/O.

    A driver sends what ``next_chunk`` hands out, remembers it under its own handle (a future
    or a task) with ``track``, waits for some handles to finish, and passes them to
    ``settle``. A slot is freed before the next chunk is read, so the input is never read
    further ahead than the chunks in flight.
    """

    def __init__(self, run: BulkUpsert) -> None:
        self.run = run
        self.pending: dict[Any, Chunk] = {}
        self._chunks: Iterator[Chunk] | None = run.chunks()

    def next_chunk(self) -> Chunk | None:
        """A chunk to send now, or None (no slot free, no input left, or stopped)."""
        if self._chunks is None or len(self.pending) >= self.run.concurrency:
            return None
        chunk = next(self._chunks, None)
        if chunk is None:
            self._chunks = None
        return chunk

    def track(self, handle: Any, chunk: Chunk) -> None:
        self.pending[handle] = chunk

    def settle(self, done: Iterable[Any]) -> None:
        """Merge the finished handles (anything with ``result()`` giving an Answer)."""
        for handle in done:
            self.run.settle(self.pending.pop(handle), handle.result())
