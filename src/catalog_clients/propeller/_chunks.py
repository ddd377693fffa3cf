"""Lazy chunk planning: turn any iterable of categories into requests of <= N valid items. Pure.

The input is pulled one item at a time and a chunk is handed out as soon as it is full, so a
generator over millions of items is never read further ahead than the chunks in flight.

Each item is validated once and its wire form encoded once, when it is read; a chunk keeps
parallel tuples (input index, caller's item, lookup key) and the joined JSON of its items.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

import attrs

from .. import _json
from ..errors import CatalogClientError, Problem
from ._inputs import TYPED_INPUTS
from ._validation import BY_ID, ItemRules


@attrs.frozen
class Failure:
    """One input item that was not created or updated.

    ``error`` is the server's per-item message, a client-side validation message, or the typed
    exception of a chunk that failed as a whole (the same exception for each of its items).
    """

    index: int
    item: Any
    error: str | CatalogClientError

    @property
    def reason(self) -> str:
        return str(self.error)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: the index, the item in its wire form, the reason, and the error's type
        (None for a per-item message)."""
        kind = None if isinstance(self.error, str) else type(self.error).__name__
        return {
            "index": self.index,
            "item": wire_of(self.item),
            "reason": self.reason,
            "error_type": kind,
        }


MAX_CHUNK_SIZE = BY_ID.max_items  # the spec's limit per request (maxItems)


@attrs.frozen
class Chunk:
    """Up to N valid items, ready to send; position ``i`` of each tuple is one item."""

    number: int  # 0-based, in planning order
    indexes: tuple[int, ...]  # where each item came from in the input
    items: tuple[Any, ...]  # what the caller passed, kept for failures
    keys: tuple[Any, ...]  # the lookup keys, which the server echoes back as ``key``
    body: bytes  # the JSON array of the items' wire forms
    text_keys: bool = False  # keys compare as text ("0012" is not 12)

    def __len__(self) -> int:
        return len(self.indexes)


def wire_of(item: object) -> object:
    return item.to_wire() if isinstance(item, TYPED_INPUTS) else item


def item_problems(index: int | None, item: object, rules: ItemRules = BY_ID) -> list[Problem]:
    """Every problem of one ``Category`` or wire-format dict; [] when it may be sent.

    Public as ``catalog_clients.propeller.category_problems``: the check the client runs
    before chunking, for callers that want to pre-validate (a CLI dry run, a strict pass),
    whether the item can be encoded (a lone surrogate cannot) included.
    """
    prepared = prepare(index, item, rules)
    return prepared if isinstance(prepared, list) else []


# A valid item as it will be sent: its lookup key, and its JSON, encoded at intake so that a
# caller that reuses (and changes) one dict for every item cannot change what waits in a
# chunk. A plain tuple: one is made per item, and an attrs instance costs ten times more.
Prepared = tuple[Any, bytes]


def prepare(index: int | None, item: object, rules: ItemRules = BY_ID) -> Prepared | list[Problem]:
    """The item ready to send, or every problem that keeps it from being sent."""
    wire = wire_of(item)
    problems = rules.problems(index, wire)
    if problems:
        return problems
    assert type(wire) is dict or isinstance(wire, Mapping)  # the rules refuse anything else
    try:
        body = _json.dumps(wire)
    except _json.EncodeError as exc:
        return [Problem(index, None, f"cannot be encoded as JSON: {exc}")]
    return rules.key_of(wire), body


def reason_of(problems: list[Problem]) -> str:
    """One failure message for an item: its problems without the repeated item index.

    Interned: a feed with one systematic mistake repeats the same text for every item, and
    300,000 such failures then hold one copy of it, not 300,000."""
    return sys.intern("; ".join(str(attrs.evolve(p, index=None)) for p in problems))


class _Batch:
    """The items of the chunk being filled."""

    def __init__(self, text_keys: bool) -> None:
        self.text_keys = text_keys
        self.indexes: list[int] = []
        self.items: list[Any] = []
        self.keys: list[Any] = []
        self.bodies: list[bytes] = []

    def add(self, index: int, item: object, prepared: Prepared) -> int:
        self.indexes.append(index)
        self.items.append(item)
        self.keys.append(prepared[0])
        self.bodies.append(prepared[1])
        return len(self.bodies)

    def seal(self, number: int) -> Chunk:
        body = b"[" + b",".join(self.bodies) + b"]"
        keys = tuple(self.keys)
        return Chunk(number, tuple(self.indexes), tuple(self.items), keys, body, self.text_keys)


def plan_chunks(
    items: Iterable[object],
    size: int,
    reject: Callable[[Failure], None],
    rules: ItemRules = BY_ID,
) -> Iterator[Chunk]:
    """Chunks of up to ``size`` valid items; each invalid item goes to ``reject`` instead."""
    batch = _Batch(rules.text_keys)
    number = 0
    for index, item in enumerate(items):
        planned = prepare(index, item, rules)
        if isinstance(planned, list):
            reject(Failure(index, item, reason_of(planned)))
        elif batch.add(index, item, planned) == size:
            yield batch.seal(number)
            batch, number = _Batch(rules.text_keys), number + 1
    if batch.bodies:
        yield batch.seal(number)
