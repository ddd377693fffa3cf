"""One bulk upsert call, sans I/O: argument checks, chunk plan, request, outcome, totals.

The sync and async clients only send the requests this object builds and hand back what
came of them; everything they would otherwise have to duplicate lives here.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any

import httpx
from propeller_generated.api.categories import bulk_categories_by_id
from propeller_generated.models import BulkCategoriesByIdRequest, BulkCategoriesResponse
from propeller_generated.models.bulk_item_result import BulkItemResult

from .._http.responses import json_body, raise_for_status, schema_mismatch
from .._http.retry import IDEMPOTENT
from ..errors import (
    AuthenticationError,
    CatalogClientError,
    InputValidationError,
    Problem,
)
from ._chunks import MAX_CHUNK_SIZE, Chunk, plan_chunks, prepare
from ._errors import read_error_envelope
from ._inputs import Directives, directives_to_wire
from ._results import BulkResult, Progress, Tally, fail_chunk, merge_items

log = logging.getLogger("catalog_clients.propeller")

MAX_CONCURRENCY = 20  # the HTTP connection pool's size
Answer = httpx.Response | CatalogClientError

# Scalar types of a per-item result, checked because the generated from_dict only casts.
_ITEM_TYPES: dict[str, tuple[type, ...]] = {
    "action": (str,),
    "id": (int,),
    "key": (int, str),
    "lookupKey": (str,),
    "success": (bool,),
    "error": (str,),
    "message": (str,),
}


def _check_argument(name: str, value: object, maximum: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= maximum:
        raise InputValidationError(
            [Problem(None, name, f"must be an integer from 1 to {maximum}, got {value!r}")]
        )


def _shape_problem(body: object) -> str | None:
    """What keeps a 200 body from being a BulkCategoriesResponse, or None."""
    if not isinstance(body, dict):
        return f"expected an object, got {type(body).__name__}"
    data = body.get("data")
    if not isinstance(data, list):
        return f"'data' must be a list, got {type(data).__name__}"
    for i, entry in enumerate(data):
        if not isinstance(entry, dict):
            return f"data[{i}] must be an object, got {type(entry).__name__}"
        for field, types in _ITEM_TYPES.items():
            value = entry.get(field)
            if value is None:
                continue
            wrong_bool = isinstance(value, bool) and bool not in types
            if wrong_bool or not isinstance(value, types):
                return f"data[{i}].{field} has the wrong type ({type(value).__name__})"
    total = body.get("total")
    if total is not None and (isinstance(total, bool) or not isinstance(total, int)):
        return f"'total' must be an integer, got {type(total).__name__}"
    messages = body.get("messages")
    if messages is not None and not (
        isinstance(messages, list) and all(isinstance(m, str) for m in messages)
    ):
        return "'messages' must be a list of strings"
    return None


def parse_bulk_response(response: httpx.Response) -> list[BulkItemResult]:
    """The per-item results of a 2xx answer; ResponseDecodeError (raw body kept) otherwise."""
    body = json_body(response)
    problem = _shape_problem(body)
    if problem is not None:
        raise schema_mismatch(response, problem)
    return BulkCategoriesResponse.from_dict(body).data


def is_fatal(error: CatalogClientError) -> bool:
    """Errors that would fail every later chunk too: raised, not recorded per item."""
    return isinstance(error, AuthenticationError)


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
    ) -> None:
        _check_argument("chunk_size", chunk_size, MAX_CHUNK_SIZE)
        _check_argument("concurrency", concurrency, MAX_CONCURRENCY)
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
        self.chunk_size = chunk_size
        self.concurrency = concurrency
        if strict:
            categories = self._validated(categories)
        self._categories = categories
        self.tally = Tally(on_progress)

    @staticmethod
    def _validated(categories: Iterable[object]) -> Iterable[object]:
        """Check every item first. A one-shot iterator is kept in memory for the second pass
        (a list or tuple is simply read twice): strict mode on a generator of millions of
        items holds them all, so validate such input in a pass of your own instead."""
        if not isinstance(categories, Sequence):
            categories = list(categories)
        problems: list[Problem] = []
        for index, item in enumerate(categories):
            prepared = prepare(index, item)
            if isinstance(prepared, list):
                problems.extend(prepared)
        if problems:
            raise InputValidationError(problems)
        return categories

    def chunks(self) -> Iterator[Chunk]:
        """The chunks to send, planned one at a time as the input is read."""
        return plan_chunks(self._categories, self.chunk_size, self.tally.reject)

    def request_kwargs(self, chunk: Chunk) -> dict[str, Any]:
        """``httpx.Client.request`` arguments for one chunk, built by the generated code."""
        payload: dict[str, Any] = {"categories": [p.wire for p in chunk.items]}
        if self.directives:
            payload["directives"] = self.directives
        kwargs = bulk_categories_by_id._get_kwargs(
            body=BulkCategoriesByIdRequest.from_dict(payload)
        )
        # Bulk by id is an upsert, so repeating it is safe: the retry policy may retry it.
        kwargs["extensions"] = {IDEMPOTENT: True}
        return kwargs

    def settle(self, chunk: Chunk, answer: Answer) -> None:
        """Record what came of one chunk; re-raise an error that dooms the whole call."""
        if isinstance(answer, httpx.Response):
            try:
                raise_for_status(answer, read_error_envelope)
                entries = parse_bulk_response(answer)
            except CatalogClientError as exc:
                answer = exc
            else:
                self.tally.record(merge_items(chunk, entries))
                return
        if is_fatal(answer):
            raise answer
        log.warning("chunk %d (%d items) failed: %s", chunk.number, len(chunk), answer)
        self.tally.record(fail_chunk(chunk, answer))

    def result(self) -> BulkResult:
        return self.tally.result()
