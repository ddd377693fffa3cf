"""Per-item results of a bulk upsert, and the merge that keeps every item accounted for. Pure.

The invariant: every consumed input item ends as exactly one of created, updated or failed.
The server's ``data`` list is matched to the chunk by ``key`` (the echoed id), never by
position, so a short, reordered or duplicated answer cannot shift or double-count items.
"""

from __future__ import annotations

import bisect
import logging
import re
import time
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import attrs
from propeller_generated import _rules
from propeller_generated.models.bulk_item_result import BulkItemResult

from ..errors import CatalogClientError
from ._chunks import Chunk, Failure

log = logging.getLogger("catalog_clients.propeller")

_DECIMAL = re.compile(r"-?[0-9]+")
_MAX_DIGITS = 4000  # below sys.get_int_max_str_digits()'s default of 4300
NOT_REPORTED = "the server's answer did not report this item (no result with its lookup key)"


@attrs.frozen
class Progress:
    """Running counts, passed to ``on_progress`` after each chunk."""

    created: int
    updated: int
    failed: int
    chunks: int
    elapsed: float

    @property
    def processed(self) -> int:
        return self.created + self.updated + self.failed


@attrs.frozen
class BulkResult:
    """What a bulk upsert did: ``created + updated + failed`` is the number of items read."""

    created: int
    updated: int
    failed: int
    failures: list[Failure]  # in input order
    chunks: int  # requests that went out
    elapsed: float  # seconds
    # The input index ranges (first, last) of the chunks whose outcome is known.
    settled: tuple[tuple[int, int], ...] = attrs.field(default=(), repr=False)
    # The server's request id of each answered chunk that had one, in the order answered:
    # what its support asks for.
    request_ids: tuple[str, ...] = attrs.field(default=(), repr=False)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready counts, request ids and failures (each ``Failure.to_dict()``)."""
        return {
            "created": self.created,
            "updated": self.updated,
            "failed": self.failed,
            "chunks": self.chunks,
            "elapsed": self.elapsed,
            "request_ids": list(self.request_ids),
            "failures": [failure.to_dict() for failure in self.failures],
        }

    @property
    def total(self) -> int:
        return self.created + self.updated + self.failed

    def was_settled(self, index: int) -> bool:
        """Whether the item at input ``index`` went out in a chunk whose outcome is known
        (created, updated or failed). After an interrupted call (``partial_result`` on the
        exception), an item neither settled nor in ``failures`` was not confirmed."""
        at = bisect.bisect_right(self.settled, (index, float("inf"))) - 1
        return at >= 0 and self.settled[at][0] <= index <= self.settled[at][1]


# The two outcomes of a success, named as the BulkResult fields they count in.
_CREATED, _UPDATED = "created", "updated"


@attrs.frozen
class ChunkOutcome:
    created: int = 0
    updated: int = 0
    failures: tuple[Failure, ...] = ()


def _key(value: object) -> int | str | None:
    """The server's ``key`` in a comparable form: ints stay, digit strings become ints."""
    if type(value) is int:  # the common case first; bool is excluded (True == 1 in Python)
        return value
    if isinstance(value, str):
        text = value.strip()
        # Not int(text) alone: it also takes "1_0", "+1" and non-ASCII digits; and a digit
        # string past int()'s conversion limit stays text (no item has such an id).
        if len(text) <= _MAX_DIGITS and _DECIMAL.fullmatch(text):
            return int(text)
        return text
    return None


def _wire_names() -> dict[str, str]:
    """The generated model's attribute -> the wire key it is read from, found by asking the
    model itself (the ``to_dict`` of one marked value per attribute): no key typed here."""
    fields = [a.name for a in attrs.fields(BulkItemResult) if a.init]
    marks: dict[str, Any] = {name: f"<{name}>" for name in fields}
    marked = BulkItemResult(**marks).to_dict()
    return {value[1:-1]: key for key, value in marked.items() if isinstance(value, str)}


# The wire keys of the per-item result fields the merge reads, named by the model's fields.
_WIRE, _FIELDS = _wire_names(), attrs.fields(BulkItemResult)
_KEY, _SUCCESS, _ERROR, _MESSAGE, _ACTION = (
    _WIRE[f.name]
    for f in (_FIELDS.key, _FIELDS.success, _FIELDS.error, _FIELDS.message, _FIELDS.action)
)
_OUTCOMES = _rules.ACTION_OUTCOMES


def _text_key(value: object) -> str | None:
    """A key compared as text: a string as it is, an integer as its digits."""
    if isinstance(value, str):
        return value
    return str(value) if type(value) is int else None


def _verdict(entry: Mapping[str, Any]) -> tuple[str | None, str]:
    """``("created" | "updated", "")`` for a success (the spec's x-outcomes of the item's
    action), ``(None, reason)`` for a failure."""
    success, error = entry.get(_SUCCESS), entry.get(_ERROR)
    if success is False or (error and success is not True):
        message = entry.get(_MESSAGE)
        return None, error or message or "the server reported a failure without a reason"
    action = entry.get(_ACTION)
    outcome = _OUTCOMES.get(action.lower()) if isinstance(action, str) else None
    if outcome is not None:
        return outcome, ""
    return None, f"the server reported success with an unknown action {action!r}"


def merge_items(chunk: Chunk, entries: Sequence[Mapping[str, Any]]) -> ChunkOutcome:
    """Match the server's per-item results (type-checked wire dicts) to the chunk by key."""
    # key -> positions in the chunk, latest first, so that pop() hands out input order.
    waiting: dict[int | str, list[int]] = {}
    keys = chunk.keys
    for position in range(len(keys) - 1, -1, -1):
        found = waiting.get(keys[position])
        if found is None:
            waiting[keys[position]] = [position]
        else:
            found.append(position)
    created = updated = ignored = 0
    failures: list[Failure] = []
    read_key = _text_key if chunk.text_keys else _key
    for entry in entries:
        key = read_key(entry.get(_KEY))
        queue = waiting.get(key) if key is not None else None
        if not queue:  # unknown key, or more results than items with this key
            ignored += 1
            continue
        position = queue.pop()
        action, reason = _verdict(entry)
        if action == _CREATED:
            created += 1
        elif action == _UPDATED:
            updated += 1
        else:
            failures.append(Failure(chunk.indexes[position], chunk.items[position], reason))
    failures.extend(
        Failure(chunk.indexes[p], chunk.items[p], NOT_REPORTED)
        for queue in waiting.values()
        for p in queue
    )
    if ignored:
        log.warning("chunk %d: ignored %d result(s) matching no sent item", chunk.number, ignored)
    failures.sort(key=lambda f: f.index)
    return ChunkOutcome(created, updated, tuple(failures))


def fail_chunk(chunk: Chunk, error: str | CatalogClientError) -> ChunkOutcome:
    """Every item of a chunk that failed as a whole carries the chunk's typed error (or the
    reason it was not sent)."""
    pairs = zip(chunk.indexes, chunk.items, strict=True)
    return ChunkOutcome(failures=tuple(Failure(index, item, error) for index, item in pairs))


class Tally:
    """The running totals of one bulk call (mutated by one thread: the caller's)."""

    def __init__(
        self,
        on_progress: Callable[[Progress], object] | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.created = self.updated = self.chunks = 0
        self.failures: list[Failure] = []
        self._on_progress = on_progress
        self._clock = clock
        self._started = clock()
        self._reported: tuple[int, int, int] | None = None
        self.settled: list[tuple[int, int]] = []
        self.request_ids: list[str] = []

    def reject(self, failure: Failure) -> None:
        self.failures.append(failure)

    def record(self, outcome: ChunkOutcome, chunk: Chunk | None = None) -> None:
        if chunk is not None and chunk.indexes:
            self.settled.append((chunk.indexes[0], chunk.indexes[-1]))
        self.created += outcome.created
        self.updated += outcome.updated
        self.failures.extend(outcome.failures)
        self.chunks += 1
        self.report()

    def progress(self) -> Progress:
        return Progress(self.created, self.updated, len(self.failures), self.chunks, self.elapsed())

    def report(self) -> None:
        """Call on_progress, unless nothing changed since the last call."""
        counts = (self.created, self.updated, len(self.failures))
        if self._on_progress is not None and counts != self._reported:
            self._reported = counts
            self._on_progress(self.progress())

    def elapsed(self) -> float:
        return self._clock() - self._started

    def abort_note(self) -> str:
        p = self.progress()
        return (
            f"the bulk upsert stopped after {p.chunks} answered chunk(s): {p.created} created,"
            f" {p.updated} updated and {p.failed} failed before this error; items not counted"
            " here were not confirmed, and re-sending them is safe (an upsert)"
        )

    def result(self, *, report: bool = True) -> BulkResult:
        if report:
            self.report()  # items rejected after the last chunk count too
        failures = sorted(self.failures, key=lambda f: f.index)
        return BulkResult(
            self.created,
            self.updated,
            len(failures),
            failures,
            self.chunks,
            self.elapsed(),
            tuple(sorted(self.settled)),
            tuple(self.request_ids),
        )
