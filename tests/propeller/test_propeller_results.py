"""The merge keeps every item accounted for, whatever the server answers (property-tested)."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import httpx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from propeller_fakes import category

from catalog_clients import errors
from catalog_clients.propeller._bulk import BulkUpsert
from catalog_clients.propeller._chunks import Chunk
from catalog_clients.propeller._results import NOT_REPORTED, merge_items

EXAMPLES = Path(__file__).resolve().parents[1] / "data" / "examples"


def chunk_of(ids: list[int], first_index: int = 0) -> Chunk:
    items = tuple(category(i) for i in ids)
    indexes = tuple(range(first_index, first_index + len(ids)))
    return Chunk(0, indexes, items, tuple(ids), json.dumps(items).encode())


def entries(*dicts: dict[str, Any]) -> list[dict[str, Any]]:
    """Per-item results as merge_items gets them: shape-checked wire dicts."""
    return list(dicts)


def ok(key: Any, action: str = "create") -> dict[str, Any]:
    return {"action": action, "id": 1, "key": key, "lookupKey": "id", "success": True}


def test_seed_200_example_counts_three_creates() -> None:
    body = json.loads((EXAMPLES / "propeller-bulk-categories-by-id.200.json").read_text())
    outcome = merge_items(chunk_of([1800, 1850, 1900]), entries(*body["data"]))
    assert (outcome.created, outcome.updated, outcome.failures) == (3, 0, ())


def test_per_item_failure_keeps_the_server_error_text() -> None:
    failed = {
        "action": "update",
        "error": "Category with id [800] not found.",
        "key": 800,
        "lookupKey": "id",
        "success": False,
    }
    outcome = merge_items(chunk_of([799, 800], first_index=10), entries(ok(799, "update"), failed))
    assert (outcome.created, outcome.updated) == (0, 1)
    (failure,) = outcome.failures
    assert (failure.index, failure.item["id"], failure.error) == (
        11,
        800,
        "Category with id [800] not found.",
    )


def test_results_are_matched_by_key_not_position() -> None:
    outcome = merge_items(chunk_of([1, 2, 3]), entries(ok(3, "update"), ok("1"), ok(2, "update")))
    assert (outcome.created, outcome.updated, outcome.failures) == (1, 2, ())


def test_short_duplicated_and_unknown_results() -> None:
    outcome = merge_items(
        chunk_of([1, 2, 3]), entries(ok(1), ok(1), ok(99), ok(True), {"success": True})
    )
    assert outcome.created == 1
    assert [(f.index, f.error) for f in outcome.failures] == [(1, NOT_REPORTED), (2, NOT_REPORTED)]


def test_duplicate_ids_in_a_chunk_take_one_result_each() -> None:
    outcome = merge_items(chunk_of([5, 5, 5]), entries(ok(5), ok(5, "update")))
    assert (outcome.created, outcome.updated) == (1, 1)
    assert [f.index for f in outcome.failures] == [2]


def test_success_without_a_known_action_is_a_failure_not_a_guess() -> None:
    outcome = merge_items(chunk_of([1, 2]), entries(ok(1, "upsert"), {"key": 2, "success": False}))
    assert [f.error for f in outcome.failures] == [
        "the server reported success with an unknown action 'upsert'",
        "the server reported a failure without a reason",
    ]


# --- the properties ----------------------------------------------------------------------
# Ids come from a small range so that server keys often hit, miss and repeat chunk ids.

ids_strategy = st.lists(st.integers(1, 12), min_size=1, max_size=12)
json_scalars = st.none() | st.booleans() | st.integers(-5, 20) | st.text(max_size=4)
junk = st.recursive(
    json_scalars,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3)
    ),
    max_leaves=6,
)
# Well-typed entries (what the schema allows) with arbitrary values: the merge's domain.
typed_entry = st.fixed_dictionaries(
    {},
    optional={
        "action": st.sampled_from(["create", "update", "CREATE", "delete", ""]) | st.none(),
        "key": st.integers(0, 14) | st.integers(0, 14).map(str) | st.text(max_size=3) | st.none(),
        "success": st.booleans() | st.none(),
        "error": st.text(max_size=8) | st.none(),
        "message": st.text(max_size=8) | st.none(),
        "id": st.integers(0, 9999) | st.none(),
        "lookupKey": st.just("id"),
    },
)
# Anything at all in place of a result, or of the whole body.
any_entry = typed_entry | junk
any_body = (
    st.builds(
        lambda d: {"data": d, "messages": ["Completed"], "total": len(d)},
        st.lists(any_entry, max_size=14),
    )
    | st.dictionaries(st.sampled_from(["data", "messages", "total", "x"]), junk, max_size=3)
    | junk
)


def names_an_id(key: Any, ids: list[int]) -> bool:
    if isinstance(key, str) and re.fullmatch(r"\s*-?[0-9]+\s*", key):
        key = int(key)
    return isinstance(key, int) and not isinstance(key, bool) and key in ids


def settle(ids: list[int], body: Any) -> Any:
    run = BulkUpsert(
        [category(i) for i in ids],
        directives=None,
        chunk_size=1000,
        concurrency=1,
        strict=False,
        on_progress=None,
    )
    (chunk,) = list(run.chunks())
    request = httpx.Request("POST", "http://127.0.0.1/v2/categories/bulk/id")
    run.settle(chunk, httpx.Response(200, json=body, request=request))
    return run.result()


def assert_each_item_once(ids: list[int], result: Any) -> None:
    assert result.created + result.updated + result.failed == len(ids)
    indexes = Counter(f.index for f in result.failures)
    assert all(n == 1 for n in indexes.values()), "an item failed twice"
    assert set(indexes) <= set(range(len(ids)))
    for failure in result.failures:
        assert failure.item == category(ids[failure.index])  # each failure carries its input
        assert str(failure.error)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ids_strategy, st.lists(typed_entry, max_size=16))
def test_merge_invariant_for_short_reordered_duplicated_or_unknown_results(
    ids: list[int], data: list[dict[str, Any]]
) -> None:
    outcome = merge_items(chunk_of(ids), entries(*data))
    failed_indexes = [f.index for f in outcome.failures]
    assert outcome.created + outcome.updated + len(outcome.failures) == len(ids)
    assert len(set(failed_indexes)) == len(failed_indexes)
    # Successes can never exceed the results that name an id of the chunk.
    hits = sum(1 for d in data if names_an_id(d.get("key"), ids))
    assert outcome.created + outcome.updated <= hits


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ids_strategy, any_body)
def test_every_item_ends_exactly_once_whatever_the_body(ids: list[int], body: Any) -> None:
    result = settle(ids, body)
    assert_each_item_once(ids, result)
    if result.failures and not isinstance(result.failures[0].error, str):
        # A body that is not a BulkCategoriesResponse fails the chunk, typed, raw body kept.
        assert all(isinstance(f.error, errors.ResponseDecodeError) for f in result.failures)
        assert result.failed == len(ids)
