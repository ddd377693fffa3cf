"""The list operation behind the Klaviyo clients' paging, and its cursors."""

from __future__ import annotations

from klaviyo_generated import _rules

from .. import _paging
from .._spec import operation_for

LIST_JOBS = operation_for(_rules.OPERATIONS, "list_category_bulk_update_jobs")


def cursor_from_link(link: str | None) -> str | None:
    """The cursor of a list page's ``links.next`` URL; None if no link (see ``_paging``)."""
    return _paging.cursor_from_link(link, LIST_JOBS.cursor_parameter)
