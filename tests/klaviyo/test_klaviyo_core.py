"""The pure core: arguments to requests, responses to pages, and the cursor walk. No HTTP."""

from __future__ import annotations

import copy
import inspect
import json
from datetime import UTC, datetime
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from klaviyo_generated.api.catalogs.get_update_categories_jobs import _get_kwargs
from klaviyo_helpers import SEED, jobs_page, new_job, response

from catalog_clients.errors import (
    ConfigurationError,
    ErrorDetail,
    InputValidationError,
    PaginationError,
    RateLimitError,
    ResponseDecodeError,
)
from catalog_clients.klaviyo import DEFAULT_REVISION, Job, JobError, JobStatus, _core
from catalog_clients.klaviyo._paging import LIST_JOBS, cursor_from_link
from catalog_clients.klaviyo._query import Query, check_cursor, check_revision

FIELDS = "fields[catalog-category-bulk-update-job]"


def first_request(status: Any, fields: Any, cursor: Any, revision: str) -> dict[str, Any]:
    """What list_category_bulk_update_jobs sends, every argument checked first."""
    problems = check_cursor(cursor)
    try:
        query = Query(LIST_JOBS, revision, {"status": status, "fields": fields})
    except InputValidationError as exc:
        raise InputValidationError([*exc.problems, *problems]) from None
    if problems:
        raise InputValidationError(problems)
    return query.request(cursor)


# --- requests --------------------------------------------------------------------------------


def test_the_default_revision_is_the_newest_in_the_spec() -> None:
    assert inspect.signature(_get_kwargs).parameters["revision"].default == DEFAULT_REVISION
    assert DEFAULT_REVISION == "2026-07-15"


def test_a_request_follows_the_revision_of_the_call() -> None:
    request = first_request("queued", ["status", "total_count"], "abc", "2024-10-15")
    assert request == {
        "method": "GET",
        # No trailing slash from 2024-10-15 on, and the JSON:API media type asked for first.
        "url": "/api/catalog-category-bulk-update-jobs",
        "params": {
            FIELDS: "status,total_count",
            "filter": 'equals(status,"queued")',
            "page[cursor]": "abc",
        },
        "headers": {
            "Accept": "application/vnd.api+json, application/json",
            "revision": "2024-10-15",
        },
    }


@pytest.mark.parametrize(
    ("revision", "path", "accept"),
    [
        ("2023-01-24", "/api/catalog-category-bulk-update-jobs/", "application/json"),
        ("2024-07-15", "/api/catalog-category-bulk-update-jobs/", "application/json"),
        ("2024-10-15", "/api/catalog-category-bulk-update-jobs", "application/vnd.api+json"),
        ("2026-07-15.pre", "/api/catalog-category-bulk-update-jobs", "application/vnd.api+json"),
    ],
)
def test_the_path_and_media_type_follow_the_revision(revision: str, path: str, accept: str) -> None:
    request = first_request(None, None, None, revision)
    assert request["url"] == path
    assert request["headers"]["Accept"].split(", ")[0] == accept


def test_without_arguments_only_the_revision_is_sent() -> None:
    request = first_request(None, None, None, "2023-01-24")
    assert request["params"] == {}
    assert request["headers"] == {
        "Accept": "application/json, application/vnd.api+json",
        "revision": "2023-01-24",
    }


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        ("queued", 'equals(status,"queued")'),
        (JobStatus.COMPLETE, 'equals(status,"complete")'),
        ("archived", 'equals(status,"archived")'),  # any string: new statuses are allowed
        ('we"ird\\', 'equals(status,"we\\"ird\\\\")'),  # quotes cannot end the value early
    ],
)
def test_status_becomes_an_equals_filter(status: str, expected: str) -> None:
    assert first_request(status, None, None, "2023-01-24")["params"]["filter"] == expected


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        (["status", "created_at"], "status,created_at"),
        (("job_id", "errors"), "job_id,errors"),
        ("status,total_count", "status,total_count"),
        ("status, total_count ", "status,total_count"),
        (["status", "status", "errors"], "status,errors"),
        (iter(["expires_at", "job_id"]), "expires_at,job_id"),
        ({"failed_count"}, "failed_count"),
        ([], None),
        ("", None),
    ],
)
def test_fields_are_checked_and_comma_joined(fields: Any, expected: str | None) -> None:
    params = first_request(None, fields, None, "2023-01-24")["params"]
    assert params.get(FIELDS) == expected


@pytest.mark.parametrize(
    ("revision", "name", "allowed"),
    [
        ("2023-01-24", "job_id", True),
        ("2023-10-15", "job_id", True),
        ("2023-12-15", "job_id", False),
        ("2026-01-15", "id", False),
        ("2026-04-15", "id", True),
        ("2026-07-15", "id", True),
        ("2026-07-15", "job_id", False),
    ],
)
def test_sparse_fields_are_those_of_the_revision(revision: str, name: str, allowed: bool) -> None:
    if allowed:
        assert first_request(None, [name], None, revision)["params"][FIELDS] == name
        return
    with pytest.raises(InputValidationError) as caught:
        first_request(None, [name, "status"], None, revision)
    [problem] = caught.value.problems
    assert problem.field == "fields"
    assert f"{name!r} is a field only" in problem.message
    assert f"not on revision {revision}" in problem.message


def test_unknown_fields_are_named_and_nothing_is_built() -> None:
    with pytest.raises(InputValidationError) as caught:
        first_request(None, ["status", "nope", "Status"], None, "2023-01-24")
    [problem] = caught.value.problems
    assert problem.field == "fields"
    assert "'nope'" in problem.message and "'Status'" in problem.message
    assert "allowed: job_id, status," in problem.message
    assert "'nope'" in str(caught.value)


@pytest.mark.parametrize(
    ("status", "fields", "cursor", "named"),
    [
        (1, None, None, "status"),
        (b"queued", None, None, "status"),
        ("", None, None, "status"),
        (None, 5, None, "fields"),
        (None, ["status", 3], None, "fields"),
        (None, {"status": 1}, None, "fields"),
        (None, None, 7, "cursor"),
        (None, None, "", "cursor"),
    ],
)
def test_bad_argument_types_are_input_errors(
    status: Any, fields: Any, cursor: Any, named: str
) -> None:
    with pytest.raises(InputValidationError) as caught:
        first_request(status, fields, cursor, "2023-01-24")
    assert [p.field for p in caught.value.problems] == [named]


def test_every_bad_argument_is_reported_at_once() -> None:
    with pytest.raises(InputValidationError) as caught:
        first_request(3, ["nope"], 4, "2023-01-24")
    assert [p.field for p in caught.value.problems] == ["status", "fields", "cursor"]


@pytest.mark.parametrize(
    "revision", ["2023-01-24", "2024-10-15", "2024-10-15.pre", "2025-01-15.x1"]
)
def test_good_revisions(revision: str) -> None:
    assert check_revision(revision) == revision


@pytest.mark.parametrize(
    "revision", ["2024-13-01", "2024-02-30", "20241015", "2024-10-15.", "2024-10-15 ", "", 2024]
)
def test_bad_revisions(revision: Any) -> None:
    with pytest.raises(ConfigurationError, match="revision must look like YYYY-MM-DD"):
        check_revision(revision)


# --- cursors ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("link", "cursor"),
    [
        (None, None),
        ("https://a.klaviyo.com/api/x/?page%5Bcursor%5D=bmV4dDo6MTA%3D", "bmV4dDo6MTA="),
        ("https://a.klaviyo.com/api/x/?page[cursor]=abc", "abc"),
        ("https://a.klaviyo.com/api/x/?filter=equals(status,%22queued%22)&page%5Bcursor%5D=z", "z"),
        ("https://evil.example/steal?page%5Bcursor%5D=c2", "c2"),  # only the cursor is used
        ("/api/x/?page%5Bcursor%5D=rel", "rel"),
    ],
)
def test_the_cursor_is_taken_from_links_next(link: str | None, cursor: str | None) -> None:
    assert cursor_from_link(link) == cursor


@pytest.mark.parametrize(
    "link",
    [
        # the seed's
        "http://XVUfnPNwijNwSyhZEFdSmYcpkSuaA.tkgB,-oEH9ZK-,FZAlqmMJhWUzJn,8-ElWhkrcl",
        "https://a.klaviyo.com/api/x/?page%5Bcursor%5D=",
        "https://a.klaviyo.com/api/x/?cursor=abc",
        "http://[broken",
        "",
    ],
)
def test_a_next_link_without_a_cursor_is_a_pagination_error(link: str) -> None:
    with pytest.raises(PaginationError, match="no page\\[cursor\\]"):
        cursor_from_link(link)


def page_with_next(link: str | None) -> Any:
    return _core.parse_page(response(jobs_page([new_job(1)], link)))


def test_the_walk_follows_cursors_and_refuses_a_repeated_one() -> None:
    walk = _core.CursorWalk(Query(LIST_JOBS, "2024-10-15", {"status": "queued"}).request)
    assert walk.first()["params"] == {"filter": 'equals(status,"queued")'}
    second = walk.advance(page_with_next("https://a.klaviyo.com/x?page%5Bcursor%5D=c1"))
    assert second is not None
    assert second["params"] == {"filter": 'equals(status,"queued")', "page[cursor]": "c1"}
    assert walk.advance(page_with_next("https://a.klaviyo.com/x?page%5Bcursor%5D=c2"))
    with pytest.raises(PaginationError, match="'c1' a second time"):
        walk.advance(page_with_next("https://a.klaviyo.com/x?page%5Bcursor%5D=c1"))
    assert walk.advance(page_with_next(None)) is None


# --- pages -----------------------------------------------------------------------------------


def test_the_seed_example_parses_with_every_field() -> None:
    page = _core.parse_page(
        response(SEED, content_type="application/json", headers={"x-request-id": "r-1"})
    )
    pointer = "<Error: Too many levels of nesting to fake this schema>"
    assert page.status_code == 200 and page.request_id == "r-1" and len(page) == 2
    first, second = page
    assert first == Job(
        id="Duis veniam ullamco in",
        status=JobStatus.QUEUED,
        created_at=datetime(2008, 1, 27, 10, 8, 26, 436000, tzinfo=UTC),
        total_count=-23417992,
        completed_count=28490830,
        failed_count=54488432,
        completed_at=datetime(2022, 11, 8, tzinfo=UTC),
        expires_at=datetime(2022, 11, 8, tzinfo=UTC),
        errors=[
            JobError(
                id="sunt magna mollit",
                code="consectetur sed commodo",
                title="sit aliqua velit",
                detail="ex",
                source_pointer=pointer,
            ),
            JobError(
                id="exercitation ullamco minim quis Excepteur",
                code="officia anim elit Excepteur adipisicing",
                title="nisi",
                detail="cupidatat consectetur ut pariatur",
                source_pointer=pointer,
            ),
        ],
        category_ids=["ex commod", "ea in ullamco"],
    )
    assert (second.id, second.status, second.total_count) == ("sit eu", "cancelled", 11826707)
    assert (second.completed_count, second.failed_count) == (-39538251, -11143798)
    assert second.created_at == datetime(1987, 5, 23, 14, 48, 1, 590000, tzinfo=UTC)
    assert [e.title for e in second.errors] == [
        "sit non proident esse",
        "in consectetur occaecat proident",
    ]
    assert second.category_ids == ["reprehenderit velit", "sed ad in"]
    assert first.raw.additional_properties == {}  # the generated model, kept for extras
    assert page.links["self"] == "http://Q.xhkQfj9rryk"
    assert set(page.links) == {"self", "first", "last", "prev", "next"}
    # The seed's next link has no cursor: the page parses, following it does not.
    assert page.has_next_page
    with pytest.raises(PaginationError):
        page.next_cursor  # noqa: B018


def old_shape(n: int) -> dict[str, Any]:
    """The same job as ``new_job(n)``, in the 2023-01-24 shape (job_id, naive times)."""
    job = new_job(n)
    del job["id"]
    job["attributes"] = {
        "job_id": f"job-{n}",
        "status": "complete",
        "created_at": "2024-05-01T10:00:00",
        "total_count": 3,
        "completed_count": 2,
        "failed_count": 1,
        "completed_at": "2024-05-01T12:05:00.123456+02:00",
        "errors": [],
    }
    return job


def test_both_revision_shapes_give_identical_jobs() -> None:
    old = {**jobs_page([old_shape(1), old_shape(2)]), "included": []}
    new = {**jobs_page([new_job(1), new_job(2)]), "meta": {"count": 2}}
    old_jobs = _core.parse_page(response(old, content_type="application/json")).jobs
    new_jobs = _core.parse_page(response(new)).jobs
    assert old_jobs == new_jobs
    assert new_jobs[0].completed_at == datetime(2024, 5, 1, 10, 5, 0, 123456, tzinfo=UTC)
    assert new_jobs[0].completed_at.tzinfo is UTC and new_jobs[0].expires_at is None


def parse_one(**attributes: Any) -> Job:
    return _core.parse_page(response(jobs_page([new_job(0, **attributes)]))).jobs[0]


def test_an_unknown_status_is_kept_as_it_came() -> None:
    job = parse_one(status="archived")
    assert job.status == "archived" and isinstance(job.status, JobStatus)
    assert str(job.status) == "archived" and not job.status.is_known
    assert parse_one(status="queued").status is JobStatus.QUEUED
    assert JobStatus.QUEUED.is_known and JobStatus("archived") == JobStatus("archived")
    with pytest.raises(ValueError):
        JobStatus(3)  # type: ignore[arg-type]


def test_null_and_absent_attributes_are_none() -> None:
    body = jobs_page([new_job(0)])
    body["data"][0]["attributes"] = {
        "status": None,
        "total_count": None,
        "completed_count": None,
        "errors": None,
    }
    del body["data"][0]["relationships"]
    [job] = _core.parse_page(response(body)).jobs
    assert job == Job(id="job-0")
    assert job.errors == [] and job.category_ids == [] and job.created_at is None


def test_datetimes_are_aware_utc_whatever_the_input() -> None:
    job = parse_one(
        created_at="2022-11-08T00:00:00",
        completed_at="2022-11-08T05:30:00+05:30",
        expires_at="2022-11-08T00:00:00.5Z",
    )
    assert job.created_at == datetime(2022, 11, 8, tzinfo=UTC)
    assert job.completed_at == datetime(2022, 11, 8, tzinfo=UTC)
    assert job.expires_at == datetime(2022, 11, 8, 0, 0, 0, 500000, tzinfo=UTC)
    assert {d.tzinfo for d in (job.created_at, job.completed_at, job.expires_at)} == {UTC}


def test_job_errors_with_nulls_extra_meta_and_odd_pointers() -> None:
    job = parse_one(
        errors=[
            {"id": None, "code": None, "title": None, "detail": "boom", "meta": {"row": 3}},
            {"detail": "x", "source": {"pointer": "name"}},
            {"detail": "y", "source": {"pointer": None, "parameter": "p"}},
            {"detail": "z", "source": {"pointer": {"path": ["a", 1]}}},
            {"code": 10, "source": {}},
        ]
    )
    assert job.errors == [
        JobError(detail="boom", meta={"row": 3}),
        JobError(detail="x", source_pointer="name"),
        JobError(detail="y", source_parameter="p"),
        JobError(detail="z", source_pointer='{"path":["a",1]}'),
        JobError(code="10"),
    ]


def test_the_job_id_falls_back_to_job_id_and_may_be_left_out_by_fields() -> None:
    body = jobs_page([{"type": "t", "attributes": {"job_id": "from-attr"}}])
    assert _core.parse_page(response(body)).jobs[0].id == "from-attr"
    sparse = jobs_page([{"type": "t", "attributes": {"status": "queued"}}])
    assert _core.parse_page(response(sparse)).jobs[0] == Job(id=None, status=JobStatus.QUEUED)


def test_rate_limit_headers_ride_on_the_page() -> None:
    headers = {
        "RateLimit-Limit": "350, 350;w=1, 3500;w=60",
        "RateLimit-Remaining": "349",
        "RateLimit-Reset": "1",
    }
    page = _core.parse_page(response(jobs_page([]), headers=headers))
    limits = page.rate_limit
    assert (limits.limit, limits.remaining, limits.reset) == (350, 349, 1.0)
    bare = _core.parse_page(response(jobs_page([])))
    assert bare.rate_limit.limit is None and bare.request_id is None and bare.jobs == []
    assert not bare.has_next_page and bare.next_cursor is None


def attrs_of(**changes: Any) -> dict[str, Any]:
    body = jobs_page([new_job(0)])
    body["data"][0]["attributes"].update(changes)
    return body


def job_with(**changes: Any) -> dict[str, Any]:
    body = jobs_page([new_job(0)])
    body["data"][0].update(changes)
    return body


def without(key: str) -> dict[str, Any]:
    body = jobs_page([new_job(0)])
    del body["data"][0][key]
    return body


MISMATCHES = {
    "list body": ([], "the body: expected a JSON object"),
    "no data": ({"links": {}}, "data: expected a list"),
    "data object": ({"data": {}}, "data: expected a list"),
    "job not object": ({"data": ["job"]}, "data[0]: expected an object"),
    "no attributes": (without("attributes"), "data[0]: a required key is missing: 'attributes'"),
    "list attributes": (job_with(attributes=[["status", "x"]]), "data[0].attributes"),
    "no type": (without("type"), "a required key is missing: 'type'"),
    "id number": (job_with(id=7), "data[0].id: expected a string"),
    "job_id number": (
        {"data": [{"type": "t", "attributes": {"job_id": 7}}]},
        "data[0].attributes.job_id",
    ),
    "count string": (attrs_of(total_count="3"), "data[0].attributes.total_count"),
    "count bool": (attrs_of(failed_count=True), "data[0].attributes.failed_count"),
    "count float": (attrs_of(completed_count=1.5), "data[0].attributes.completed_count"),
    "bad date": (attrs_of(created_at="yesterday"), "data[0].attributes.created_at"),
    "date number": (attrs_of(expires_at=5), "data[0].attributes.expires_at"),
    "status number": (attrs_of(status=5), "data[0].attributes.status"),
    "errors string": (attrs_of(errors="none"), "data[0].attributes.errors"),
    "errors falsy": (attrs_of(errors=0), "data[0].attributes.errors"),
    "error not object": (attrs_of(errors=[1]), "data[0].attributes.errors[0]"),
    "error id number": (attrs_of(errors=[{"id": 5}]), "data[0].attributes.errors[0].id"),
    "source string": (attrs_of(errors=[{"source": "x"}]), "errors[0].source"),
    "pointer number": (attrs_of(errors=[{"source": {"pointer": 5}}]), "errors[0].source.pointer"),
    "relationships list": (job_with(relationships=[]), "data[0].relationships"),
    "categories string": (job_with(relationships={"categories": "c"}), "relationships.categories"),
    "category data string": (
        job_with(relationships={"categories": {"data": "c"}}),
        "relationships.categories.data",
    ),
    "category without id": (
        job_with(relationships={"categories": {"data": [{"type": "catalog-category"}]}}),
        "relationships.categories.data[0]",
    ),
    "category id number": (
        job_with(relationships={"categories": {"data": [{"type": "c", "id": 5}]}}),
        "relationships.categories.data[0].id",
    ),
    "second category not an object": (
        job_with(relationships={"categories": {"data": [{"type": "c", "id": "a"}, "b"]}}),
        "relationships.categories.data[1]: expected an object with type and id",
    ),
    "links string": ({"data": [], "links": "x"}, "links: expected an object"),
    "next number": ({"data": [], "links": {"next": 5}}, "links.next: expected a string"),
}


@pytest.mark.parametrize(("body", "where"), MISMATCHES.values(), ids=MISMATCHES.keys())
def test_a_body_off_the_schema_is_a_decode_error_keeping_the_body(body: Any, where: str) -> None:
    with pytest.raises(ResponseDecodeError) as caught:
        _core.parse_page(response(body, headers={"x-request-id": "r-9"}))
    assert where in str(caught.value)
    assert caught.value.body == json.dumps(body)
    assert caught.value.status_code == 200 and caught.value.request_id == "r-9"


def test_a_200_that_is_not_json_is_a_decode_error() -> None:
    with pytest.raises(ResponseDecodeError, match="expected a JSON body, got text/html"):
        _core.parse_page(response(b"<html>hi</html>", content_type="text/html"))
    with pytest.raises(ResponseDecodeError, match="invalid JSON") as caught:
        _core.parse_page(response(b'{"data": [{"type": "catal'))
    assert caught.value.body == '{"data": [{"type": "catal'


JSON_LEAVES = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20)
JSON_VALUES = st.recursive(
    JSON_LEAVES,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)


def paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found += paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += paths(item, (*prefix, index))
    return found


SEED_PATHS = paths(SEED)[1:]


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(where=st.sampled_from(SEED_PATHS), junk=JSON_VALUES, delete=st.booleans())
def test_a_mutated_seed_parses_or_raises_decode_error_only(
    where: tuple[Any, ...], junk: Any, delete: bool
) -> None:
    body = copy.deepcopy(SEED)
    parent = body
    for step in where[:-1]:
        parent = parent[step]
    if delete and isinstance(parent, dict):
        del parent[where[-1]]
    else:
        parent[where[-1]] = junk
    try:
        page = _core.parse_page(response(body))
    except ResponseDecodeError:
        return
    for job in page.jobs:  # what parses is well typed
        assert job.id is None or isinstance(job.id, str)
        assert all(isinstance(c, str) for c in job.category_ids)
        for count in (job.total_count, job.completed_count, job.failed_count):
            assert count is None or type(count) is int
        for moment in (job.created_at, job.completed_at, job.expires_at):
            assert moment is None or moment.tzinfo is UTC


# --- error bodies ----------------------------------------------------------------------------


def test_klaviyo_error_documents_ride_on_the_status_error() -> None:
    throttled = {
        "errors": [
            {
                "id": "e-1",
                "status": 429,
                "code": "throttled",
                "title": "Request was throttled.",
                "detail": "Request was throttled. Expected available in 0 seconds.",
            }
        ]
    }
    with pytest.raises(RateLimitError) as caught:
        _core.parse_page(response(throttled, status=429, headers={"Retry-After": "0"}))
    error = caught.value
    assert error.retry_after == 0.0 and error.status_code == 429
    assert error.errors == [
        ErrorDetail(
            id="e-1",
            status=429,
            code="throttled",
            title="Request was throttled.",
            detail="Request was throttled. Expected available in 0 seconds.",
        )
    ]
    assert str(error) == "HTTP 429: Request was throttled. Expected available in 0 seconds."


def test_error_details_are_read_tolerantly() -> None:
    details = _core.read_error_body(
        {
            "errors": [
                {"status": "400", "title": "Invalid", "source": {"pointer": "/data/x"}},
                {
                    "status": "bad",
                    "code": 12,
                    "source": {"pointer": {"value": "v"}, "parameter": "p"},
                },
            ]
        }
    )
    assert details["message"] == "Invalid"
    assert details["errors"] == [
        ErrorDetail(status=400, title="Invalid", source_pointer="/data/x"),
        ErrorDetail(code="12", source_pointer="v", source_parameter="p"),
    ]


# --- fidelity to the official schema ------------------------------------------------------


@pytest.mark.parametrize(
    "moment", ["0001-01-01T00:00:00+05:00", "9999-12-31T23:59:59-05:00"], ids=["low", "high"]
)
def test_a_valid_date_time_beyond_pythons_utc_range_is_none_not_a_lost_page(moment: str) -> None:
    page = _core.parse_page(response(attrs_of(completed_at=moment, expires_at=moment)))
    (job,) = page.jobs
    assert job.completed_at is None and job.expires_at is None
    assert job.created_at is not None  # the rest of the job is read as usual


def test_counts_beyond_64_bits_are_read_exactly() -> None:
    huge = 2**70 + 1  # orjson would read it as a float, and lose the + 1
    text = json.dumps(attrs_of(total_count=huge, completed_count=-(2**65)))
    (job,) = _core.parse_page(response(text.encode())).jobs
    assert job.total_count == huge and type(job.total_count) is int
    assert job.completed_count == -(2**65)


def test_a_float_count_is_still_refused_when_big_integers_are_elsewhere() -> None:
    body = attrs_of(completed_count=1.5)
    body["data"][0]["attributes"]["total_count"] = 2**70
    with pytest.raises(ResponseDecodeError, match=r"data\[0\]\.attributes\.completed_count"):
        _core.parse_page(response(json.dumps(body).encode()))


@pytest.mark.parametrize(
    ("revision", "expected"),
    [("2023-07-15", "old-job-id"), ("2023-10-15", "old-job-id"), ("2023-12-15", "top-id")],
)
def test_before_2023_12_15_attributes_job_id_wins_over_an_undeclared_top_level_id(
    revision: str, expected: str
) -> None:
    body = jobs_page([new_job(0)])
    body["data"][0]["id"] = "top-id"
    body["data"][0]["attributes"]["job_id"] = "old-job-id"
    answer = response(body)
    answer.request.headers["revision"] = revision
    assert _core.parse_page(answer).jobs[0].id == expected
