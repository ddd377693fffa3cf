"""Cursors: the cursor parameter of a JSON:API ``links.next`` URL. Pure.

Only the cursor is taken from a link: the next request goes to the configured base URL,
never to the host the link names.
"""

from __future__ import annotations

from collections import deque
from urllib.parse import parse_qsl, urlsplit

from .errors import PaginationError


def cursor_from_link(link: str | None, parameter: str | None) -> str | None:
    """The cursor parameter of a ``links.next`` URL (percent-encoded or not); None if no link.

    A link without a cursor cannot be followed safely, so it raises ``PaginationError``.
    """
    if link is None:
        return None
    try:
        query = urlsplit(link).query
    except ValueError:
        query = ""
    for key, value in parse_qsl(query, keep_blank_values=True):
        if key == parameter and value:
            return value
    shown = link if len(link) <= 200 else link[:200] + "..."
    raise PaginationError(f"links.next has no {parameter}, so it cannot be followed: {shown!r}")


class SeenCursors:
    """The cursors a walk has followed: one seen again means the server loops.

    Only the last ``remember`` are kept, so a walk of millions of pages holds bounded memory;
    a loop longer than that is what ``max_pages`` is for.
    """

    __slots__ = ("_order", "_remember", "_seen")

    def __init__(self, remember: int = 10_000) -> None:
        self._seen: set[str] = set()
        self._order: deque[str] = deque()
        self._remember = remember

    def add(self, cursor: str) -> None:
        if cursor in self._seen:
            raise PaginationError(
                f"the server sent the cursor {cursor!r} a second time; stopping instead of looping"
            )
        self._seen.add(cursor)
        self._order.append(cursor)
        if len(self._order) > self._remember:
            self._seen.discard(self._order.popleft())
