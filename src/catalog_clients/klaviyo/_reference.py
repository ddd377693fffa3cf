"""The reference reading of a jobs page: the generated ``from_dict``, then every value checked.

``_fastpath`` reads the shapes Klaviyo sends straight from the decoded dicts; anything it does
not take comes here, and tests hold the two to the same results.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any, NoReturn

from klaviyo_generated.models.catalog_category_bulk_update_job import (
    CatalogCategoryBulkUpdateJob,
)
from klaviyo_generated.models.catalog_category_bulk_update_job_relationships_type_0 import (
    CatalogCategoryBulkUpdateJobRelationshipsType0 as Relationships,
)
from klaviyo_generated.models.catalog_category_bulk_update_job_relationships_type_0_categories_type_0 import (  # noqa: E501
    CatalogCategoryBulkUpdateJobRelationshipsType0CategoriesType0 as CategoriesRelationship,
)
from klaviyo_generated.models.catalog_category_identifier import CatalogCategoryIdentifier
from klaviyo_generated.models.collection_links import CollectionLinks
from klaviyo_generated.models.error_pointer_object import ErrorPointerObject
from klaviyo_generated.models.error_source import ErrorSource
from klaviyo_generated.models.get_catalog_category_bulk_update_jobs_response import (
    GetCatalogCategoryBulkUpdateJobsResponse,
)
from klaviyo_generated.models.job_error import JobError as GeneratedJobError
from klaviyo_generated.types import Unset

from ._fastpath import LINK_NAMES, STATUS_BY_VALUE, as_utc
from ._models import Job, JobError, JobStatus

# The generated from_dict does not check scalar types (it casts), and falls back to the raw
# value when a nested object does not parse. So each value is checked here once, on its way
# into a Job, and any mismatch raises Mismatch (which the core turns into a ResponseDecodeError).


class Mismatch(Exception):
    pass


def mismatch(where: str, expected: str, value: object) -> NoReturn:
    shown = repr(value)
    if len(shown) > 80:
        shown = shown[:80] + "..."
    raise Mismatch(f"{where}: expected {expected}, got {type(value).__name__} {shown}")


def pointer_text(pointer: object) -> str | None:
    """A JSON pointer as text; an object pointer (the seed's) as its "value", else as JSON."""
    if isinstance(pointer, str):
        return pointer
    if isinstance(pointer, ErrorPointerObject):
        value = pointer.additional_properties.get("value")
        if isinstance(value, str):
            return value
        return json.dumps(pointer.additional_properties, sort_keys=True)
    return None


def read_generated(
    body: dict[str, Any], data: list[Any]
) -> tuple[list[Job], dict[str, str | None]]:
    """The reference reading: generated from_dict, then every value checked (below)."""
    for index, item in enumerate(data):
        # from_dict would read a list of pairs as a dict; objects only.
        if not isinstance(item, dict):
            mismatch(f"data[{index}]", "an object", item)
        if not isinstance(item.get("attributes"), dict):
            mismatch(f"data[{index}].attributes", "an object", item.get("attributes"))
    try:
        document = GetCatalogCategoryBulkUpdateJobsResponse.from_dict(body)
    except KeyError as exc:
        raise Mismatch(f"a required key is missing: {exc}") from None
    except (TypeError, ValueError, AttributeError) as exc:
        raise Mismatch(f"{type(exc).__name__}: {exc}") from None
    jobs = [_job(job, index) for index, job in enumerate(document.data)]
    return jobs, _links(document.links)


def _job(job: CatalogCategoryBulkUpdateJob, i: int) -> Job:
    a = job.attributes
    job_id = job.id
    if job_id is None or isinstance(job_id, Unset):
        job_id = a.job_id
        if job_id is None or isinstance(job_id, Unset):
            job_id = None
        elif not isinstance(job_id, str):
            mismatch(f"data[{i}].attributes.job_id", "a string", job_id)
    elif not isinstance(job_id, str):
        mismatch(f"data[{i}].id", "a string", job_id)
    status = a.status
    if status is None or isinstance(status, Unset):
        status = None
    elif isinstance(status, str):
        status = STATUS_BY_VALUE.get(status) or JobStatus(status)
    else:
        mismatch(f"data[{i}].attributes.status", "a string", status)
    return Job(
        id=job_id,
        status=status,
        created_at=_datetime(a.created_at, i, "created_at"),
        total_count=_count(a.total_count, i, "total_count"),
        completed_count=_count(a.completed_count, i, "completed_count"),
        failed_count=_count(a.failed_count, i, "failed_count"),
        completed_at=_datetime(a.completed_at, i, "completed_at"),
        expires_at=_datetime(a.expires_at, i, "expires_at"),
        errors=_job_errors(a.errors, i),
        category_ids=_category_ids(job.relationships, i),
        raw=job,
    )


def _count(value: object, i: int, name: str) -> int | None:
    if type(value) is int:  # not bool, not float
        return value
    if value is None or isinstance(value, Unset):
        return None
    mismatch(f"data[{i}].attributes.{name}", "an integer or null", value)


def _datetime(value: object, i: int, name: str) -> datetime | None:
    if isinstance(value, datetime):
        utc = as_utc(value)
        if utc is None:
            mismatch(f"data[{i}].attributes.{name}", "a date-time within range", value)
        return utc
    if value is None or isinstance(value, Unset):
        return None
    # The generated from_dict leaves a string it could not parse as it was.
    mismatch(f"data[{i}].attributes.{name}", "an ISO 8601 date-time or null", value)


def _opt_str(value: object, where: str) -> str | None:
    if value is None or isinstance(value, Unset):
        return None
    if isinstance(value, str):
        return value
    mismatch(where, "a string or null", value)


def _job_errors(errors: object, i: int) -> list[JobError]:
    if not errors:  # [], None and UNSET
        if errors is None or isinstance(errors, Unset | list):
            return []
        mismatch(f"data[{i}].attributes.errors", "a list or null", errors)
    if not isinstance(errors, list):
        mismatch(f"data[{i}].attributes.errors", "a list or null", errors)
    converted = []
    for k, error in enumerate(errors):
        where = f"data[{i}].attributes.errors[{k}]"
        if not isinstance(error, GeneratedJobError):
            mismatch(where, "an error object", error)
        code = error.code
        if isinstance(code, int) and not isinstance(code, bool):
            code = str(code)  # codes are strings, but an integer one is still readable
        converted.append(
            JobError(
                id=_opt_str(error.id, f"{where}.id"),
                code=_opt_str(code, f"{where}.code"),
                title=_opt_str(error.title, f"{where}.title"),
                detail=_opt_str(error.detail, f"{where}.detail"),
                source_pointer=_source_pointer(error.source, f"{where}.source"),
            )
        )
    return converted


def _source_pointer(source: object, where: str) -> str | None:
    if source is None or isinstance(source, Unset):
        return None
    if not isinstance(source, ErrorSource):
        mismatch(where, "an object or null", source)
    pointer = source.pointer
    if pointer is None or isinstance(pointer, Unset):
        return None
    text = pointer_text(pointer)
    if text is None:
        mismatch(f"{where}.pointer", "a string, an object or null", pointer)
    return text


def _category_ids(relationships: object, i: int) -> list[str]:
    # Paths are formatted only on failure: this runs for every job.
    if relationships is None or isinstance(relationships, Unset):
        return []
    if not isinstance(relationships, Relationships):
        mismatch(f"data[{i}].relationships", "an object or null", relationships)
    categories = relationships.categories
    if categories is None or isinstance(categories, Unset):
        return []
    if not isinstance(categories, CategoriesRelationship):
        mismatch(f"data[{i}].relationships.categories", "an object or null", categories)
    data = categories.data
    if data is None or isinstance(data, Unset):
        return []
    if not isinstance(data, list):
        mismatch(f"data[{i}].relationships.categories.data", "a list or null", data)
    ids = []
    for k, identifier in enumerate(data):
        if not isinstance(identifier, CatalogCategoryIdentifier):
            where = f"data[{i}].relationships.categories.data[{k}]"
            mismatch(where, "an object with type and id", identifier)
        if not isinstance(identifier.id, str):
            where = f"data[{i}].relationships.categories.data[{k}].id"
            mismatch(where, "a string", identifier.id)
        ids.append(identifier.id)
    return ids


# The generated model's attribute for each link name.
_LINK_ATTRIBUTES = tuple(zip(LINK_NAMES, ("self_", "first", "last", "prev", "next_"), strict=True))


def _links(links: object) -> dict[str, str | None]:
    if links is None or isinstance(links, Unset):
        return {}
    if not isinstance(links, CollectionLinks):
        mismatch("links", "an object or null", links)
    found: dict[str, str | None] = {}
    for name, attribute in _LINK_ATTRIBUTES:
        value = getattr(links, attribute)
        if not isinstance(value, Unset):
            found[name] = _opt_str(value, f"links.{name}")
    return found
