"""Lazy chunk planning: turn any iterable of categories into requests of <= N valid items. Pure.

The input is pulled one item at a time and a chunk is handed out as soon as it is full, so a
generator over millions of items is never read further ahead than the chunks in flight.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

import attrs

from ..errors import Problem
from ._inputs import Category
from ._results import Failure
from ._validation import category_problems

MAX_CHUNK_SIZE = 1000  # the API's limit per request


@attrs.frozen
class Planned:
    """A valid input item: where it came from, what the caller passed, what goes on the wire."""

    index: int
    item: Any
    wire: dict[str, Any]

    @property
    def key(self) -> int:
        """The lookup value the server echoes back as ``key``."""
        key: int = self.wire["id"]
        return key


@attrs.frozen
class Chunk:
    number: int  # 0-based, in planning order
    items: tuple[Planned, ...]

    def __len__(self) -> int:
        return len(self.items)


def wire_of(item: object) -> object:
    return item.to_wire() if isinstance(item, Category) else item


def item_problems(index: int | None, item: object) -> list[Problem]:
    """Every problem of one ``Category`` or wire-format dict; [] when it may be sent.

    Public as ``catalog_clients.propeller.category_problems``: the check the client runs
    before chunking, for callers that want to pre-validate (a CLI dry run, a strict pass).
    """
    return category_problems(index, wire_of(item))


def prepare(index: int, item: object) -> Planned | list[Problem]:
    """The item ready to send, or every problem that keeps it from being sent."""
    wire = wire_of(item)
    problems = category_problems(index, wire)
    if problems:
        return problems
    assert isinstance(wire, Mapping)  # category_problems refuses anything else
    return Planned(index, item, dict(wire))


def reason_of(problems: list[Problem]) -> str:
    """One failure message for an item: its problems without the repeated item index."""
    return "; ".join(str(attrs.evolve(p, index=None)) for p in problems)


def plan_chunks(
    items: Iterable[object], size: int, reject: Callable[[Failure], None]
) -> Iterator[Chunk]:
    """Chunks of up to ``size`` valid items; each invalid item goes to ``reject`` instead."""
    batch: list[Planned] = []
    number = 0
    for index, item in enumerate(items):
        planned = prepare(index, item)
        if isinstance(planned, list):
            reject(Failure(index, item, reason_of(planned)))
            continue
        batch.append(planned)
        if len(batch) == size:
            yield Chunk(number, tuple(batch))
            number += 1
            batch = []
    if batch:
        yield Chunk(number, tuple(batch))
