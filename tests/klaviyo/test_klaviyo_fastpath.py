"""The fast page reader gives exactly what the generated from_dict path gives.

``_core`` reads a page straight from the decoded dicts when it recognises every value, and
hands anything else to the reference reading (generated ``from_dict``, then checks). Both
readings of the same response must agree: equal jobs and links (and equal reprs, so the
value types and time zones agree too), equal ``raw`` models, or the same ResponseDecodeError.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from klaviyo_helpers import SEED, jobs_page, new_job, response

from catalog_clients.errors import ResponseDecodeError
from catalog_clients.klaviyo import JobStatus, _core, _fastpath

# --- reading a body both ways ----------------------------------------------------------------


@contextmanager
def reference_only() -> Iterator[None]:
    """Every page through the generated path, as if the fast path recognised nothing."""

    def refuse(data: object) -> Any:
        raise _fastpath.NotFast

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_core, "read_jobs", refuse)
        yield


def outcome(read: Callable[[], Any]) -> tuple[str, Any]:
    try:
        page = read()
    except ResponseDecodeError as exc:
        return "error", (str(exc), exc.body)
    jobs = page.jobs
    return "page", (jobs, repr(jobs), [job.raw for job in jobs], dict(page.links))


def both_ways(body: Any) -> tuple[tuple[str, Any], tuple[str, Any]]:
    content = response(body).content  # one encoding, so both read the same bytes
    fast = outcome(lambda: _core.parse_page(response(content)))
    with reference_only():
        reference = outcome(lambda: _core.parse_page(response(content)))
    return fast, reference


def takes_fast_path(body: Any) -> bool:
    try:
        _fastpath.read_jobs(copy.deepcopy(body)["data"])
        _fastpath.read_links(body.get("links"))
    except _fastpath.NotFast:
        return False
    return True


def assert_same(body: Any) -> tuple[str, Any]:
    fast, reference = both_ways(body)
    assert fast == reference
    return fast


# --- hand-picked pages -----------------------------------------------------------------------


def old_revision_job(n: int, **attributes: Any) -> dict[str, Any]:
    """Revisions before 2024-02-15: no top-level id, ``attributes.job_id``, offset-less."""
    job = new_job(n, **attributes)
    del job["id"]
    job["attributes"] = {
        "job_id": f"old-{n}",
        **job["attributes"],
        "created_at": "2023-03-01T09:00:00",
        "completed_at": "2023-03-01T09:00:00.5",
        **attributes,
    }
    return job


def seed_with_string_pointers() -> dict[str, Any]:
    seed = copy.deepcopy(SEED)
    for job in seed["data"]:
        for error in job["attributes"].get("errors") or []:
            error["source"] = {"pointer": "/data/attributes/name"}
    return seed


FAST_PAGES = {
    "new revision": jobs_page([new_job(n) for n in range(5)], "https://x/?page%5Bcursor%5D=a"),
    "old revision": jobs_page([old_revision_job(n) for n in range(5)]),
    "both revisions on one page": jobs_page([new_job(0), old_revision_job(1)]),
    "top-level id wins over job_id": jobs_page([{**new_job(0), "attributes": {"job_id": "x"}}]),
    "null id, job_id used": jobs_page([{**new_job(0), "id": None}]),
    "sparse fieldset, no id at all": {"data": [{"type": "t", "attributes": {"status": "queued"}}]},
    "nulls everywhere": jobs_page(
        [
            new_job(
                0,
                status=None,
                created_at=None,
                total_count=None,
                completed_count=None,
                failed_count=None,
                completed_at=None,
                errors=None,
            )
            | {"relationships": None}
        ]
    ),
    "unknown status": jobs_page([new_job(0, status="archived"), new_job(1, status="")]),
    "known statuses": jobs_page([new_job(n, status=s.value) for n, s in enumerate(JobStatus)]),
    "offsets and Z": jobs_page(
        [
            new_job(0, created_at="2024-05-01T10:00:00Z"),
            new_job(1, created_at="2024-05-01T12:00:00+02:00"),
            new_job(2, created_at="2024-05-01T04:30:00-05:30"),
            new_job(3, created_at="2024-05-01"),  # fromisoformat takes a date: midnight UTC
        ]
    ),
    "extra fields everywhere": {
        "data": [
            {
                **new_job(0, surprise={"nested": [1, 2]}),
                "meta": {"x": 1},
                "relationships": {
                    "categories": {
                        "data": [{"type": "c", "id": "c1", "meta": 1}],
                        "links": {"self": "s"},
                    },
                    "other": {"data": []},
                },
            }
        ],
        "links": {"self": "s", "first": None, "last": "l", "prev": None, "next": None, "x": 5},
        "meta": {"count": 1},
        "included": [{"type": "catalog-category", "id": "c1"}],
    },
    "job errors": jobs_page(
        [
            new_job(
                0,
                errors=[
                    {"id": None, "code": "bad", "title": "t", "detail": "d"},
                    {"code": 10007, "source": {"pointer": "/data/0"}, "meta": {"x": 1}},
                    {"source": None, "extra": True},
                    {"source": {}},
                    {},
                ],
            )
        ]
    ),
    "seed with string pointers": seed_with_string_pointers(),
    "relationships without data": jobs_page(
        [
            {**new_job(0), "relationships": {}},
            {**new_job(1), "relationships": {"categories": None}},
            {**new_job(2), "relationships": {"categories": {"data": None}}},
            {**new_job(3), "relationships": {"categories": {"data": []}}},
        ]
    ),
    "no links": {"data": [new_job(0)]},
    "null links": {"data": [new_job(0)], "links": None},
    "empty page": {"data": [], "links": {"next": None}},
}

# Shapes left to the reference path: what it makes of them is what the client returns.
REFERENCE_PAGES = {
    "the seed (object pointers)": SEED,
    "object pointer": jobs_page([new_job(0, errors=[{"source": {"pointer": {"value": "/a"}}}])]),
    "object pointer without value": jobs_page(
        [new_job(0, errors=[{"source": {"pointer": {"b": 1, "a": [2]}}}])]
    ),
    "error as a list of pairs": jobs_page([new_job(0, errors=[[["code", "x"]]])]),
    "error not an object": jobs_page([new_job(0, errors=["boom"])]),
    "errors an object": jobs_page([new_job(0, errors={"code": "x"})]),
    "errors empty object": jobs_page([new_job(0, errors={})]),
    "errors zero": jobs_page([new_job(0, errors=0)]),
    "source a string": jobs_page([new_job(0, errors=[{"source": "/a"}])]),
    "pointer a number": jobs_page([new_job(0, errors=[{"source": {"pointer": 3}}])]),
    "code a bool": jobs_page([new_job(0, errors=[{"code": True}])]),
    "title a number": jobs_page([new_job(0, errors=[{"title": 3}])]),
    "missing type": {"data": [{k: v for k, v in new_job(0).items() if k != "type"}]},
    "id a number": jobs_page([{**new_job(0), "id": 5}]),
    "job_id a number": jobs_page([old_revision_job(0, job_id=5)]),
    "status a number": jobs_page([new_job(0, status=1)]),
    "count a float": jobs_page([new_job(0, total_count=1.0)]),
    "count a bool": jobs_page([new_job(0, failed_count=False)]),
    "count a string": jobs_page([new_job(0, completed_count="3")]),
    "datetime junk": jobs_page([new_job(0, expires_at="tomorrow")]),
    "datetime a number": jobs_page([new_job(0, created_at=1700000000)]),
    "datetime out of range": jobs_page([new_job(0, created_at="0001-01-01T00:00:00+01:00")]),
    "relationships a list": jobs_page([{**new_job(0), "relationships": []}]),
    "categories a list": jobs_page([{**new_job(0), "relationships": {"categories": []}}]),
    "category data an object": jobs_page(
        [{**new_job(0), "relationships": {"categories": {"data": {"id": "x"}}}}]
    ),
    "category without type": jobs_page(
        [{**new_job(0), "relationships": {"categories": {"data": [{"id": "x"}]}}}]
    ),
    "category without id": jobs_page(
        [{**new_job(0), "relationships": {"categories": {"data": [{"type": "c"}]}}}]
    ),
    "category id a number": jobs_page(
        [{**new_job(0), "relationships": {"categories": {"data": [{"type": "c", "id": 1}]}}}]
    ),
    "category a list of pairs": jobs_page(
        [{**new_job(0), "relationships": {"categories": {"data": [[["type", "c"], ["id", "x"]]]}}}]
    ),
    "links a list": {"data": [new_job(0)], "links": []},
    "link a number": {"data": [new_job(0)], "links": {"next": 5}},
    "one bad job after good ones": jobs_page([new_job(0), new_job(1), new_job(2, status=[])]),
    "job not an object": {"data": [new_job(0), 5]},
    "job a list of pairs": {"data": [[["type", "t"], ["attributes", {}]]]},
    "attributes missing": {"data": [{"type": "t", "id": "x"}]},
    "attributes a list": {"data": [{"type": "t", "attributes": []}]},
}
# Refused by the shape checks that come before either path.
REFUSED_FIRST = {"not an object": [], "data missing": {"links": {}}}


@pytest.mark.parametrize("name", FAST_PAGES)
def test_well_formed_pages_take_the_fast_path_and_read_the_same(name: str) -> None:
    body = FAST_PAGES[name]
    assert takes_fast_path(body)
    kind, _ = assert_same(body)
    assert kind == "page"


@pytest.mark.parametrize("name", REFERENCE_PAGES)
def test_other_shapes_are_left_to_the_reference_path(name: str) -> None:
    body = REFERENCE_PAGES[name]
    assert not takes_fast_path(body)
    assert_same(body)


@pytest.mark.parametrize("name", REFUSED_FIRST)
def test_bodies_that_are_no_page_of_objects_are_refused_alike(name: str) -> None:
    kind, _ = assert_same(REFUSED_FIRST[name])
    assert kind == "error"


def test_the_values_read_fast_are_the_documented_ones() -> None:
    page = _core.parse_page(response(FAST_PAGES["both revisions on one page"]))
    new, old = page.jobs
    assert (new.id, old.id) == ("job-0", "old-1")
    assert new.created_at == datetime(2024, 5, 1, 10, tzinfo=UTC)
    assert old.created_at == datetime(2023, 3, 1, 9, tzinfo=UTC)  # no offset: taken as UTC
    assert old.created_at.tzinfo is UTC
    assert new.status is JobStatus.COMPLETE
    assert new.category_ids == ["c0"]
    offsets = _core.parse_page(response(FAST_PAGES["offsets and Z"])).jobs
    assert {job.created_at for job in offsets[:3]} == {datetime(2024, 5, 1, 10, tzinfo=UTC)}
    assert all(job.created_at.tzinfo is UTC for job in offsets)
    errors = _core.parse_page(response(FAST_PAGES["job errors"])).jobs[0].errors
    assert errors[1].code == "10007" and errors[1].source_pointer == "/data/0"


def test_raw_is_the_generated_model_built_on_first_use() -> None:
    job = _core.parse_page(response(FAST_PAGES["extra fields everywhere"])).jobs[0]
    raw = job.raw
    assert raw is not None and raw is job.raw  # built once
    assert raw.additional_properties == {"meta": {"x": 1}}
    assert raw.attributes.additional_properties == {"surprise": {"nested": [1, 2]}}


# --- generated pages -------------------------------------------------------------------------

_INT = st.integers(min_value=-(2**63), max_value=2**63 - 1)
_JUNK = st.one_of(
    st.booleans(),
    _INT,
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=8),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)
_OFFSETS = st.one_of(
    st.none(),
    st.just(UTC),
    st.timedeltas(min_value=timedelta(hours=-23), max_value=timedelta(hours=23)).map(
        lambda delta: timezone(timedelta(minutes=delta // timedelta(minutes=1)))
    ),
)
_SOME_DATETIMES = st.datetimes(
    min_value=datetime(1970, 1, 1), max_value=datetime(2100, 1, 1), timezones=_OFFSETS
)
_DATETIMES = st.one_of(
    _SOME_DATETIMES.map(datetime.isoformat),
    _SOME_DATETIMES.map(lambda d: d.isoformat().replace("+00:00", "Z")),
    st.dates().map(lambda d: d.isoformat()),
)
# Every year (the extremes fall out of range once in UTC), and strings fromisoformat refuses.
_ODD_DATETIMES = st.one_of(
    st.datetimes(timezones=_OFFSETS).map(datetime.isoformat),
    st.just("0001-01-01T00:30:00+01:00"),
    st.just("9999-12-31T23:30:00-01:00"),
    st.text(max_size=12),
)
_STATUSES = st.one_of(st.sampled_from([s.value for s in JobStatus]), st.text(max_size=6))


def pages(junk: bool) -> st.SearchStrategy[dict[str, Any]]:
    """Pages of jobs with every field drawn, left out or null; with ``junk``, now and then a
    value of a wrong type anywhere (mostly ResponseDecodeErrors); without, well-formed pages
    (mostly the fast path, object pointers to the reference path)."""

    def maybe(good: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
        return st.one_of(good, good, good, st.none(), *([_JUNK] if junk else []))

    def obj(required: dict[str, Any], optional: dict[str, Any]) -> st.SearchStrategy[Any]:
        """An object with these keys (optional ones may be left out), sometimes extra keys."""
        extra = st.dictionaries(st.sampled_from(["x", "meta", "extra"]), _JUNK, max_size=1)
        shaped = st.fixed_dictionaries(required, optional=optional)
        return st.builds(lambda d, e: {**e, **d}, shaped, extra)

    text = st.text(max_size=5)
    stamp = st.one_of(_DATETIMES, _ODD_DATETIMES) if junk else _DATETIMES
    pointer = st.one_of(text, text, st.fixed_dictionaries({"value": text}))
    error = obj(
        {},
        {
            "id": maybe(text),
            "code": maybe(st.one_of(text, _INT)),
            "title": maybe(text),
            "detail": maybe(text),
            "source": maybe(obj({}, {"pointer": maybe(pointer), "parameter": _JUNK})),
        },
    )
    identifier = obj({"type": st.just("catalog-category"), "id": text}, {})
    if junk:  # a null id, type or id missing
        identifier = st.one_of(
            identifier,
            obj({"type": st.just("c"), "id": st.none()}, {}),
            obj({}, {"type": st.just("c"), "id": text}),
        )
    categories = obj({}, {"data": maybe(st.lists(identifier, max_size=3)), "links": _JUNK})
    attributes = obj(
        {},
        {
            "job_id": maybe(text),
            "status": maybe(_STATUSES),
            "created_at": maybe(stamp),
            "total_count": maybe(_INT),
            "completed_count": maybe(_INT),
            "failed_count": maybe(_INT),
            "completed_at": maybe(stamp),
            "expires_at": maybe(stamp),
            "errors": maybe(st.lists(maybe(error) if junk else error, max_size=3)),
        },
    )
    job = obj(
        {"attributes": attributes, "type": st.just("catalog-category-bulk-update-job")},
        {
            "id": maybe(text),
            "links": _JUNK,
            "relationships": maybe(obj({}, {"categories": maybe(categories)})),
        },
    )
    if junk:  # type missing
        job = st.one_of(job, obj({"attributes": attributes}, {}))
    links = obj({}, {name: maybe(text) for name in _fastpath.LINK_NAMES})
    return obj({"data": st.lists(job, max_size=4)}, {"links": maybe(links)})


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pages(junk=False))
def test_generated_well_formed_pages_read_the_same_either_way(body: dict[str, Any]) -> None:
    assert_same(body)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pages(junk=True))
def test_generated_pages_with_junk_read_the_same_either_way(body: dict[str, Any]) -> None:
    assert_same(body)
