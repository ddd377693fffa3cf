"""Typed inputs turn into the seed's wire format; every validation rule names item and field."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from openapi_schema_validator import OAS30Validator
from propeller_generated.models import BulkCategoriesByIdRequest

from catalog_clients import Category, Directives, errors
from catalog_clients.propeller import category_problems
from catalog_clients.propeller._inputs import directives_to_wire
from catalog_clients.propeller._validation import BY_ID

SPEC = Path(__file__).resolve().parents[2] / "spec" / "propeller.yaml"


def valid() -> dict[str, Any]:
    return {
        "id": 1800,
        "language": "EN",
        "names": [{"language": "EN", "value": "Bikes"}],
        "parent": {"id": 1},
    }


def every_field() -> dict[str, Any]:
    return {
        **valid(),
        "descriptions": [{"language": "NL", "value": "x"}],
        "shortDescriptions": [],
        "attributes": [{"name": "a", "value": 1}],
        "sourceId": "s",
        "source": "ERP",
    }


def test_category_becomes_the_seed_wire_format() -> None:
    category = Category(
        id=1800,
        language="EN",
        names={"EN": "Bikes", "NL": "Fietsen"},
        descriptions={"EN": "All bikes"},
        short_descriptions={"NL": "Fietsen"},
        parent_id=1,
        attributes=[{"name": "color", "value": "red"}],
        source_id="B-1",
        source="ERP",
    )
    assert category.to_wire() == {
        "id": 1800,
        "language": "EN",
        "names": [{"language": "EN", "value": "Bikes"}, {"language": "NL", "value": "Fietsen"}],
        "parent": {"id": 1},
        "descriptions": [{"language": "EN", "value": "All bikes"}],
        "shortDescriptions": [{"language": "NL", "value": "Fietsen"}],
        "attributes": [{"name": "color", "value": "red"}],
        "sourceId": "B-1",
        "source": "ERP",
    }
    assert category_problems(0, category.to_wire()) == []


def test_category_with_a_source_parent() -> None:
    wire = Category(
        id=7, language="NL", names={"NL": "Fietsen"}, parent_source_id="ROOT", parent_source="ERP"
    ).to_wire()
    assert wire["parent"] == {"sourceId": "ROOT", "source": "ERP"}
    assert "sourceId" not in wire  # optional by id


def test_wire_dicts_survive_the_generated_request_model_unchanged() -> None:
    full = every_field()
    payload = {
        "categories": [full, {**valid(), "parent": {"sourceId": "p", "source": "ERP"}}],
        "directives": Directives(skip_if_not_empty=["names"]).to_wire(),
    }
    assert BulkCategoriesByIdRequest.from_dict(payload).to_dict() == payload


def test_directives_produce_the_seed_directive_array() -> None:
    directives = Directives(
        skip_if_not_empty=["names"], skip_move_on_update=True, merge_translations_on_update=True
    )
    assert directives.to_wire() == [
        {"operation": "skipIfNotEmpty", "fields": ["names"]},
        {"operation": "skipMoveOnUpdate", "fields": []},
        {"operation": "mergeTranslationsOnUpdate", "fields": []},
    ]
    assert Directives().to_wire() == []


def test_directive_fields_accept_python_spelling_and_a_single_name() -> None:
    assert Directives(skip_if_not_empty="short_descriptions").to_wire() == [
        {"operation": "skipIfNotEmpty", "fields": ["shortDescriptions"]}
    ]


def test_unknown_directive_field_is_refused_at_once() -> None:
    with pytest.raises(errors.InputValidationError) as info:
        Directives(skip_if_not_empty=["names", "nmaes", "sourceID"])
    problems = info.value.problems
    assert [p.field for p in problems] == ["directives[0].fields[1]", "directives[0].fields[2]"]
    assert "unknown value 'nmaes' (did you mean 'names'?)" in problems[0].message
    assert "(did you mean 'sourceId'?)" in problems[1].message


def test_a_parent_with_id_and_source_is_sent_as_is_and_id_wins() -> None:
    # The spec: given both, the server goes by id (ParentById allows sourceId and source).
    item = {**valid(), "parent": {"id": 1, "sourceId": "x", "source": "y"}}
    assert category_problems(0, item) == []


def test_skip_if_not_empty_may_name_any_field_the_spec_lists() -> None:
    assert Directives(skip_if_not_empty=["id", "source_id"]).to_wire() == [
        {"operation": "skipIfNotEmpty", "fields": ["id", "sourceId"]}
    ]


@pytest.mark.parametrize(
    ("directives", "field", "fragment"),
    [
        (
            [{"operation": "skipIfEmpty", "fields": []}],
            "directives[0].operation",
            "unknown value 'skipIfEmpty' (did you mean 'skipIfNotEmpty'?)",
        ),
        (
            [{"operation": "skipMoveOnUpdate", "fields": ["names"]}],
            "directives[0].fields",
            "takes no fields",
        ),
        (
            [{"operation": "skipIfNotEmpty", "fields": []}],
            "directives[0].fields",
            "at least one field",
        ),
        (
            [{"operation": "skipIfNotEmpty", "fields": "names"}],
            "directives[0].fields",
            "must be a list of strings",
        ),
        (
            [{"operation": "mergeTranslationsOnUpdate", "fields": [], "extra": 1}],
            "directives[0].extra",
            "extraneous key 'extra'",
        ),
        (["skipMoveOnUpdate"], "directives[0]", "must be a {operation, fields} object"),
        ({"operation": "skipMoveOnUpdate"}, "directives", "must be a list"),
    ],
)
def test_plain_directive_lists_are_validated(directives: Any, field: str, fragment: str) -> None:
    with pytest.raises(errors.InputValidationError) as info:
        directives_to_wire(directives)
    assert [(p.index, p.field) for p in info.value.problems] == [(None, field)]
    assert fragment in info.value.problems[0].message


def test_plain_directive_list_passes_through() -> None:
    wire = [{"operation": "skipMoveOnUpdate", "fields": []}]
    assert directives_to_wire(wire) == wire
    assert directives_to_wire(None) == []


def _without(key: str) -> dict[str, Any]:
    item = valid()
    del item[key]
    return item


INVALID = [
    (_without("id"), "id", "is required"),
    ({**valid(), "id": "1800"}, "id", "must be an integer, got '1800'"),
    ({**valid(), "id": True}, "id", "must be an integer, got True"),
    ({**valid(), "id": 18.0}, "id", "must be an integer"),
    (_without("language"), "language", "is required"),
    ({**valid(), "language": "ENG"}, "language", "two-letter ISO 639-1"),
    ({**valid(), "language": "E1"}, "language", "two-letter ISO 639-1"),
    (_without("names"), "names", "is required"),
    ({**valid(), "names": []}, "names", "must not be empty"),
    ({**valid(), "names": "Bikes"}, "names", "must be a list of {language, value} objects"),
    ({**valid(), "names": [{"value": "Bikes"}]}, "names[0].language", "is required"),
    (
        {**valid(), "names": [{"language": "English", "value": "B"}]},
        "names[0].language",
        "two-letter",
    ),
    ({**valid(), "names": [{"language": "EN"}]}, "names[0].value", "is required"),
    (
        {**valid(), "names": [{"language": "EN", "value": 5}]},
        "names[0].value",
        "must be a string, got 5",
    ),
    ({**valid(), "names": ["Bikes"]}, "names[0]", "must be a {language, value} object"),
    (
        {**valid(), "names": [{"language": "EN", "value": "B", "lang": "EN"}]},
        "names[0].lang",
        "extraneous key 'lang'",
    ),
    (_without("parent"), "parent", "is required"),
    ({**valid(), "parent": {}}, "parent", "must have id, or sourceId and source"),
    ({**valid(), "parent": 1}, "parent", "must be a {id} object or a {sourceId, source} object"),
    ({**valid(), "parent": {"id": "1"}}, "parent.id", "must be an integer"),
    ({**valid(), "parent": {"sourceId": "x"}}, "parent.source", "is required"),
    (
        {**valid(), "parent": {"sourceId": "", "source": "ERP"}},
        "parent.sourceId",
        "must not be empty",
    ),
    ({**valid(), "parent": {"id": 1, "parentId": 2}}, "parent.parentId", "extraneous key"),
    ({**valid(), "descriptions": {"EN": "x"}}, "descriptions", "must be a list"),
    (
        {**valid(), "shortDescriptions": [{"language": "EN"}]},
        "shortDescriptions[0].value",
        "is required",
    ),
    ({**valid(), "attributes": {"color": "red"}}, "attributes", "must be a list of objects"),
    ({**valid(), "sourceId": 5}, "sourceId", "must be a string, got 5"),
    ({**valid(), "source": None}, "source", "must be a string, got null"),
    # The docs' own mistake, caught before the server refuses the whole chunk with 10007.
    (
        {**valid(), "shortDescription": []},
        "shortDescription",
        "extraneous key 'shortDescription' is not permitted (did you mean 'shortDescriptions'?)",
    ),
    (
        {**valid(), "short_descriptions": []},
        "short_descriptions",
        "(did you mean 'shortDescriptions'?)",
    ),
    ({**valid(), "colour": "red"}, "colour", "extraneous key 'colour' is not permitted"),
]


@pytest.mark.parametrize(("item", "field", "fragment"), INVALID)
def test_each_validation_rule(item: dict[str, Any], field: str, fragment: str) -> None:
    problems = category_problems(3, item)
    assert [(p.index, p.field) for p in problems] == [(3, field)]
    assert fragment in problems[0].message


def test_every_problem_of_an_item_is_collected() -> None:
    problems = category_problems(0, {"id": "x", "language": "English", "shortDescription": []})
    assert [p.field for p in problems] == ["shortDescription", "id", "language", "names", "parent"]


def test_items_must_be_mappings() -> None:
    (problem,) = category_problems(4, ["id", 1])
    assert (problem.index, problem.field) == (4, None)
    assert "must be a Category or a dict in wire format, got list" in problem.message


def test_a_typed_category_missing_its_parent_is_reported_not_raised() -> None:
    problems = category_problems(5, Category(id=1, language="EN", names={"EN": "x"}))
    assert [(p.index, p.field) for p in problems] == [(5, "parent")]
    assert category_problems(None, valid()) == []


# The derived validator agrees with a standard OpenAPI 3.0 schema validator on the spec's own
# schema: it accepts exactly what the spec accepts.


def _spec_validator() -> Any:
    spec = yaml.safe_load(SPEC.read_text())
    schema = {"$ref": "#/components/schemas/CategoryByIdInput", "components": spec["components"]}
    return OAS30Validator(schema)


_ORACLE = _spec_validator()
_FIELDS = BY_ID.fields


@pytest.mark.parametrize(("item", "field", "fragment"), INVALID)
def test_the_spec_refuses_every_invalid_case_too(item: Any, field: str, fragment: str) -> None:
    assert not _ORACLE.is_valid(item)


_values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.sampled_from(["", "EN", "nl", "E1", "ENG", "É1", "x"]),
    st.lists(
        st.dictionaries(
            st.sampled_from(["language", "value", "lang"]),
            st.sampled_from(["EN", "", "English", 5, None]),
            max_size=3,
        ),
        max_size=2,
    ),
    st.dictionaries(
        st.sampled_from(["id", "sourceId", "source", "x"]),
        st.sampled_from([1, "1", "", "ERP", True, None]),
        max_size=3,
    ),
)


@settings(max_examples=500, deadline=None)
@given(st.dictionaries(st.sampled_from([*_FIELDS, "colour"]), _values), st.booleans())
def test_the_validator_accepts_exactly_what_the_spec_accepts(
    changes: dict[str, Any], drop: bool
) -> None:
    item = {**valid(), **changes}
    if drop:
        item.pop(next(iter(changes), "id"), None)
    valid_by_spec = _ORACLE.is_valid(item)
    assert (category_problems(0, item) == []) == valid_by_spec, item
    # The quick yes/no and the problem collector are the same rules.
    found: list[Any] = []
    BY_ID._check(item, (), found)
    assert BY_ID.accepts(item) == (found == []) == valid_by_spec, item
