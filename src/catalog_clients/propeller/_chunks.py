"""Lazy chunk planning: turn any iterable of categories into requests of <= N valid items. Pure.

The input is pulled one item at a time and a chunk is handed out as soon as it is full, so a
generator over millions of items is never read further ahead than the chunks in flight.

Each item is validated once and its wire form encoded once, as part of its chunk's body; a
chunk keeps parallel tuples (input index, caller's item, lookup key) rather than an object
per item, since at 100,000 items per second every per-item allocation shows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

import attrs

from .. import _json
from ..errors import Problem
from ._inputs import Category, deep_copy
from ._results import Failure
from ._validation import BY_ID, ItemRules

MAX_CHUNK_SIZE = BY_ID.max_items  # the spec's limit per request (maxItems)


@attrs.frozen
class Chunk:
    """Up to N valid items, ready to send; position ``i`` of each tuple is one item."""

    number: int  # 0-based, in planning order
    indexes: tuple[int, ...]  # where each item came from in the input
    items: tuple[Any, ...]  # what the caller passed, kept for failures
    keys: tuple[Any, ...]  # the lookup keys, which the server echoes back as ``key``
    body: bytes  # the JSON array of the items' wire forms

    def __len__(self) -> int:
        return len(self.indexes)


def wire_of(item: object) -> object:
    return item.to_wire() if isinstance(item, Category) else item


def item_problems(index: int | None, item: object, rules: ItemRules = BY_ID) -> list[Problem]:
    """Every problem of one ``Category`` or wire-format dict; [] when it may be sent.

    Public as ``catalog_clients.propeller.category_problems``: the check the client runs
    before chunking, for callers that want to pre-validate (a CLI dry run, a strict pass).
    """
    return rules.problems(index, wire_of(item))


def prepare(index: int, item: object, rules: ItemRules = BY_ID) -> dict[str, Any] | list[Problem]:
    """The item's wire form ready to send, or every problem that keeps it from being sent.

    The wire form is a deep copy, so a generator that reuses (and changes) one dict for
    every item cannot change an item that waits in its chunk.
    """
    wire = wire_of(item)
    problems = rules.problems(index, wire)
    if problems:
        return problems
    assert isinstance(wire, Mapping)  # the rules refuse anything else
    copied: dict[str, Any] = deep_copy(wire)
    return copied


def reason_of(problems: list[Problem]) -> str:
    """One failure message for an item: its problems without the repeated item index."""
    return "; ".join(str(attrs.evolve(p, index=None)) for p in problems)


def encode(wires: list[dict[str, Any]]) -> tuple[bytes, dict[int, str]]:
    """The JSON array of ``wires``, and the reason for each position that could not be
    encoded (left out of the array). One call for the whole list; item by item only to
    find the culprits when that fails."""
    try:
        return _json.dumps(wires), {}
    except _json.EncodeError:
        pass
    parts: list[bytes] = []
    bad: dict[int, str] = {}
    for position, wire in enumerate(wires):
        try:
            parts.append(_json.dumps(wire))
        except _json.EncodeError as exc:
            bad[position] = f"cannot be encoded as JSON: {exc}"
    return b"[" + b",".join(parts) + b"]", bad


class _Batch:
    """The items of the chunk being filled."""

    def __init__(self, rules: ItemRules) -> None:
        self.rules = rules
        self.indexes: list[int] = []
        self.items: list[Any] = []
        self.wires: list[dict[str, Any]] = []

    def seal(self, number: int, reject: Callable[[Failure], None]) -> Chunk | None:
        """The chunk, without the items that cannot be encoded (rejected); None if empty."""
        body, bad = encode(self.wires)
        indexes, items, wires = self.indexes, self.items, self.wires
        if bad:
            for position, reason in bad.items():
                reject(Failure(indexes[position], items[position], reason))
            kept = [p for p in range(len(wires)) if p not in bad]
            indexes = [indexes[p] for p in kept]
            items = [items[p] for p in kept]
            wires = [wires[p] for p in kept]
        if not indexes:
            return None
        keys = tuple(self.rules.key_of(wire) for wire in wires)
        return Chunk(number, tuple(indexes), tuple(items), keys, body)


def plan_chunks(
    items: Iterable[object],
    size: int,
    reject: Callable[[Failure], None],
    rules: ItemRules = BY_ID,
) -> Iterator[Chunk]:
    """Chunks of up to ``size`` valid items; each invalid item goes to ``reject`` instead."""
    batch = _Batch(rules)
    number = 0
    for index, item in enumerate(items):
        planned = prepare(index, item, rules)
        if isinstance(planned, list):
            reject(Failure(index, item, reason_of(planned)))
            continue
        batch.indexes.append(index)
        batch.items.append(item)
        batch.wires.append(planned)
        if len(batch.wires) == size:
            chunk = batch.seal(number, reject)
            batch = _Batch(rules)
            if chunk is not None:
                yield chunk
                number += 1
    if batch.wires:
        chunk = batch.seal(number, reject)
        if chunk is not None:
            yield chunk
