"""Fuzzing the two response parsers: they return a value or raise ResponseDecodeError, nothing else.

Bodies are drawn from strategies that follow the response schemas of spec/ (every optional
field present or not, every nullable one null or not, datetimes in each spelling the live
API uses, unknown statuses and extra keys), then mutated: a key removed, a value replaced by
null, by a value of the wrong type, by a huge string or by deeply nested junk, or every value
of the body nulled at once. Raw bodies that are not JSON at all, or are nested beyond any
parser's recursion limit, are fed in too.

Klaviyo: ``klaviyo._core.parse_page``. Propeller: a whole chunk settled from a 200 answer
(``BulkUpsert.settle``: ``parse_bulk_response`` then ``_results.merge_items``), where every
item must also end exactly once as created, updated or failed.
"""

from __future__ import annotations

import copy
import json
from collections import Counter
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from fuzzhelpers import FUZZ, category
from hypothesis import given, settings
from hypothesis import strategies as st

from catalog_clients.errors import ResponseDecodeError
from catalog_clients.klaviyo import _core
from catalog_clients.propeller._bulk import BulkUpsert

HUGE = "x" * 1_000_000


def http_200(body: Any, url: str, content_type: str = "application/json") -> httpx.Response:
    content = body if isinstance(body, bytes) else json.dumps(body).encode()
    request = httpx.Request("GET", url)
    headers = {"content-type": content_type}
    return httpx.Response(200, content=content, headers=headers, request=request)


# --- strategies over the response schemas -----------------------------------------------------

text = st.text(max_size=12)
maybe = st.none().__or__
json_leaf = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | text
)
junk = st.recursive(
    json_leaf,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(text, inner, max_size=3),
    max_leaves=10,
)
extra_keys = st.dictionaries(st.text(min_size=1, max_size=6).map("x-{}".format), junk, max_size=2)


def record(required: dict[str, Any], optional: dict[str, Any]) -> st.SearchStrategy[dict[str, Any]]:
    """An object with the required keys, any of the optional ones, and unknown extra keys."""
    known = st.fixed_dictionaries(required, optional=optional)
    return st.builds(lambda extra, fields: {**extra, **fields}, extra_keys, known)


moment = st.datetimes(timezones=st.none() | st.timezones()).map(
    lambda d: d.isoformat().replace("+00:00", "Z") if d.microsecond % 2 else d.isoformat()
)
pointer = text | st.dictionaries(st.just("value"), text, max_size=1)
job_error = record(
    {},
    {
        "id": maybe(text),
        "code": maybe(text),
        "title": maybe(text),
        "detail": maybe(text),
        "source": maybe(record({}, {"pointer": maybe(pointer), "parameter": maybe(text)})),
        "meta": maybe(st.dictionaries(text, junk, max_size=2)),
    },
)
count = maybe(st.integers(-(2**63), 2**63))
attributes = record(
    {},
    {
        "job_id": maybe(text),
        "status": maybe(st.sampled_from(["queued", "processing", "complete", "cancelled"]) | text),
        "created_at": maybe(moment),
        "total_count": count,
        "completed_count": count,
        "failed_count": count,
        "completed_at": maybe(moment),
        "expires_at": maybe(moment),
        "errors": maybe(st.lists(job_error, max_size=3)),
    },
)
identifier = record({"type": st.just("catalog-category"), "id": text}, {})
job = record(
    {"type": st.just("catalog-category-bulk-update-job"), "attributes": attributes},
    {
        "id": maybe(text),
        "links": maybe(record({}, {"self": maybe(text)})),
        "relationships": maybe(
            record({}, {"categories": maybe(record({}, {"data": maybe(st.lists(identifier))}))})
        ),
    },
)
link = maybe(
    text | st.builds("https://a.klaviyo.com/api/x/?page%5Bcursor%5D={}".format, st.text(min_size=1))
)
jobs_page = record(
    {"data": st.lists(job, max_size=4)},
    {
        "links": maybe(record({}, {k: link for k in ("self", "first", "last", "prev", "next")})),
        "included": maybe(st.lists(identifier, max_size=2)),
        "meta": maybe(st.dictionaries(text, junk, max_size=2)),
    },
)
item_ids = st.lists(st.integers(1, 8), min_size=1, max_size=8)
item_result = record(
    {},
    {
        "action": maybe(st.sampled_from(["create", "update"]) | text),
        "id": maybe(st.integers()),
        "key": maybe(st.integers(0, 9) | st.integers(0, 9).map(str) | text),
        "lookupKey": maybe(st.just("id")),
        "success": maybe(st.booleans()),
        "error": maybe(text),
        "message": maybe(text),
    },
)
bulk_body = record(
    {"data": st.lists(item_result, max_size=10)},
    {"messages": maybe(st.lists(text, max_size=2)), "total": maybe(st.integers())},
)


# --- mutations --------------------------------------------------------------------------------


def deep(depth: int) -> Any:
    nested: Any = "bottom"
    for level in range(depth):
        nested = [nested] if level % 2 else {"k": nested}
    return nested


replacement = (
    st.none()
    | junk
    | st.just(HUGE)
    | st.integers(10, 400).map(deep)
    | st.sampled_from([True, 0, -1, 1.5, float("nan"), "", [], {}, [None], {"": None}])
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


def nulled(value: Any) -> Any:
    """Every value of the tree replaced by null, keys and list lengths kept."""
    if isinstance(value, dict):
        return {key: nulled(item) for key, item in value.items()}
    if isinstance(value, list):
        return [nulled(item) for item in value]
    return None


@st.composite
def mutated(draw: st.DrawFn, bodies: st.SearchStrategy[Any]) -> Any:
    body = draw(bodies)
    if draw(st.integers(0, 9)) == 0:
        return nulled(body)
    where = draw(st.sampled_from(paths(body)))
    if not where:
        return draw(replacement)
    body = copy.deepcopy(body)
    parent = body
    for step in where[:-1]:
        parent = parent[step]
    if isinstance(parent, dict) and draw(st.booleans()):
        del parent[where[-1]]
    else:
        parent[where[-1]] = draw(replacement)
    return body


raw_junk = st.one_of(
    st.binary(max_size=64),
    st.integers(1000, 200_000).map(lambda n: b'{"data":' + b"[" * n + b"]" * n + b"}"),
    st.integers(1000, 200_000).map(lambda n: b'{"a":' * n + b"1" + b"}" * n),
    st.just(b'{"data": [' + b'"' + HUGE.encode() + b'"]}'),
    st.sampled_from([b"", b"null", b"NaN", b"\xff\xfe{}", b'{"data": []', b"<html></html>"]),
)


# --- Klaviyo ----------------------------------------------------------------------------------

KLAVIYO_URL = "https://a.klaviyo.com/api/catalog-category-bulk-update-jobs/"
seen: Counter[str] = Counter()


def parse_or_decode_error(parse: Callable[[httpx.Response], Any], response: httpx.Response) -> Any:
    try:
        return parse(response)
    except ResponseDecodeError as exc:
        assert len(exc.body) <= 2100  # bounded, even for a 1 MB body
        return None


@FUZZ
@given(jobs_page)
def test_klaviyo_pages_valid_by_the_spec_parse(body: dict[str, Any]) -> None:
    try:
        page = _core.parse_page(http_200(body, KLAVIYO_URL, "application/vnd.api+json"))
    except ResponseDecodeError as exc:
        # The one refusal a schema-valid page may get: a datetime beyond what UTC can hold.
        assert "date-time within range" in str(exc), exc
        return
    assert len(page.jobs) == len(body["data"])


@FUZZ
@given(mutated(jobs_page))
def test_klaviyo_mutated_pages_parse_or_raise_decode_error(body: Any) -> None:
    page = parse_or_decode_error(_core.parse_page, http_200(body, KLAVIYO_URL))
    seen["klaviyo parsed" if page is not None else "klaviyo refused"] += 1


@settings(FUZZ, max_examples=60)
@given(raw_junk)
def test_klaviyo_raw_junk_is_a_decode_error(raw: bytes) -> None:
    with pytest.raises(ResponseDecodeError):
        _core.parse_page(http_200(raw, KLAVIYO_URL))


# --- Propeller --------------------------------------------------------------------------------

BULK_URL = "https://api.helice.cloud/v2/categories/bulk/id"


def settle(ids: list[int], body: Any) -> None:
    run = BulkUpsert(
        [category(i) for i in ids],
        directives=None,
        chunk_size=1000,
        concurrency=1,
        strict=False,
        on_progress=None,
    )
    (chunk,) = run.chunks()
    run.settle(chunk, http_200(body, BULK_URL))
    result = run.result()
    assert result.created + result.updated + result.failed == len(ids)
    indexes = [f.index for f in result.failures]
    assert len(set(indexes)) == len(indexes) and set(indexes) <= set(range(len(ids)))
    for failure in result.failures:
        assert isinstance(failure.error, str | ResponseDecodeError), failure.error
        assert failure.item == category(ids[failure.index])
    refused = any(isinstance(f.error, ResponseDecodeError) for f in result.failures)
    seen["propeller refused" if refused else "propeller merged"] += 1


@FUZZ
@given(item_ids, bulk_body)
def test_propeller_bodies_valid_by_the_spec_settle_every_item(ids: list[int], body: Any) -> None:
    settle(ids, body)


@FUZZ
@given(item_ids, mutated(bulk_body))
def test_propeller_mutated_bodies_settle_every_item(ids: list[int], body: Any) -> None:
    settle(ids, body)


@settings(FUZZ, max_examples=60)
@given(item_ids, raw_junk)
def test_propeller_raw_junk_fails_the_chunk_typed(ids: list[int], raw: bytes) -> None:
    settle(ids, raw)


def test_the_fuzzing_reached_both_outcomes() -> None:
    """Not vacuous (runs last in this file): mutations both parsed and were refused."""
    if len(seen) < 4:
        pytest.skip("run together with the fuzz tests above")
    assert min(seen.values()) >= 10, seen
