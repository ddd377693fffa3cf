"""Cursors: the ``page[cursor]`` of a ``links.next`` URL. Pure.

Only the cursor is taken from a link: the next request goes to the configured base URL,
never to the host the link names.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

from klaviyo_generated import _rules

from .._spec import operation_for
from ..errors import PaginationError

LIST_JOBS = operation_for(_rules.OPERATIONS, "list_category_bulk_update_jobs")


def cursor_from_link(
    link: str | None, parameter: str | None = LIST_JOBS.cursor_parameter
) -> str | None:
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
