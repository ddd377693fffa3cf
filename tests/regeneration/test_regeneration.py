"""The regeneration drill: typical vendor changes to spec/ reach the public API through
``make generate`` alone, with no edit under src/.

Every scenario is applied to one temporary copy of spec/, which is regenerated once into a
temporary directory (the suite's time budget); ``probe.py`` then imports that build, ahead of
the checked-in one, in a subprocess and reports what a user would see. Each test below checks
one scenario of that report.
"""

from __future__ import annotations

import copy
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
PROBE = Path(__file__).with_name("probe.py")

Spec = dict[str, Any]


def _schemas(spec: Spec) -> dict[str, Any]:
    found: dict[str, Any] = spec["components"]["schemas"]
    return found


def _list_operation(spec: Spec) -> dict[str, Any]:
    return dict(spec["paths"]["/api/catalog-category-bulk-update-jobs/"]["get"])


def new_job_attribute(klaviyo: Spec, propeller: Spec) -> None:
    attributes = _schemas(klaviyo)["CatalogCategoryBulkUpdateJobAttributes"]["properties"]
    attributes["priority"] = {"type": "integer", "nullable": True}


def new_job_status(klaviyo: Spec, propeller: Spec) -> None:
    _schemas(klaviyo)["JobStatus"]["enum"].append("archived")


def new_query_parameter(klaviyo: Spec, propeller: Spec) -> None:
    _list_operation(klaviyo)["parameters"].append(
        {
            "name": "page[size]",
            "in": "query",
            "required": False,
            "schema": {"type": "integer", "minimum": 1, "maximum": 100},
        }
    )


def new_revision_with_another_path(klaviyo: Spec, propeller: Spec) -> None:
    klaviyo["x-revisions"].append("2027-01-15")
    operation = _list_operation(klaviyo)
    operation["x-path-by-revision"].append(
        {"from": "2027-01-15", "path": "/api/v2/catalog-category-bulk-update-jobs"}
    )
    for param in operation["parameters"]:
        if param["in"] == "header":
            param["schema"]["default"] = "2027-01-15"


def new_category_field(klaviyo: Spec, propeller: Spec) -> None:
    _schemas(propeller)["CategoryByIdInput"]["properties"]["hidden"] = {"type": "boolean"}
    fields = _schemas(propeller)["Directive"]["properties"]["fields"]["items"]["enum"]
    fields.append("hidden")


def tightened_rules(klaviyo: Spec, propeller: Spec) -> None:
    schemas = _schemas(propeller)
    schemas["CategoryByIdInput"]["properties"]["names"]["maxItems"] = 2
    schemas["LocalizedString"]["properties"]["language"]["pattern"] = "^[A-Z]{2}$"
    schemas["BulkCategoriesByIdRequest"]["properties"]["categories"]["maxItems"] = 500


def loosened_rule(klaviyo: Spec, propeller: Spec) -> None:
    _schemas(propeller)["CategoryByIdInput"]["required"].remove("parent")


def new_directive_operation(klaviyo: Spec, propeller: Spec) -> None:
    operation = _schemas(propeller)["Directive"]["properties"]["operation"]
    operation["enum"].append("skipIfUnchanged")


def new_operation(klaviyo: Spec, propeller: Spec) -> None:
    # Klaviyo's "Get Catalog Category", with the revision header of the other operations.
    revision = next(p for p in _list_operation(klaviyo)["parameters"] if p["in"] == "header")
    klaviyo["paths"]["/api/catalog-categories/{id}/"] = {
        "get": {
            "operationId": "get_catalog_category",
            "tags": ["catalogs"],
            "parameters": [
                {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}},
                revision,
            ],
            "responses": {
                "200": {
                    "description": "Success",
                    "content": {
                        "application/vnd.api+json": {
                            "schema": {
                                "type": "object",
                                "required": ["data"],
                                "properties": {
                                    "data": {"$ref": "#/components/schemas/CatalogCategoryResource"}
                                },
                            }
                        }
                    },
                },
                "4XX": _list_operation(klaviyo)["responses"]["4XX"],
            },
        }
    }


SCENARIOS: list[Callable[[Spec, Spec], None]] = [
    new_job_attribute,
    new_job_status,
    new_query_parameter,
    new_revision_with_another_path,
    new_category_field,
    tightened_rules,
    loosened_rule,
    new_directive_operation,
    new_operation,
]


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    base = tmp_path_factory.mktemp("regeneration")
    spec_dir, out_dir = base / "spec", base / "generated"
    shutil.copytree(ROOT / "spec", spec_dir)
    klaviyo = yaml.safe_load((spec_dir / "klaviyo.yaml").read_text())
    propeller = yaml.safe_load((spec_dir / "propeller.yaml").read_text())
    before = copy.deepcopy((klaviyo, propeller))
    for scenario in SCENARIOS:
        scenario(klaviyo, propeller)
    assert (klaviyo, propeller) != before
    (spec_dir / "klaviyo.yaml").write_text(yaml.safe_dump(klaviyo, sort_keys=False))
    (spec_dir / "propeller.yaml").write_text(yaml.safe_dump(propeller, sort_keys=False))
    # The project's own `make generate` step, pointed at the changed specs.
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "generate.py"), str(out_dir), str(spec_dir)],
        check=True,
        capture_output=True,
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(out_dir), str(ROOT / "src")])}
    done = subprocess.run(
        [sys.executable, str(PROBE)], check=False, capture_output=True, text=True, env=env
    )
    assert done.returncode == 0, done.stderr
    found: dict[str, Any] = json.loads(done.stdout)
    # The probe ran on the regenerated package, not the checked-in one.
    assert found["generated_from"].startswith(str(out_dir))
    return found


def test_a_new_job_attribute_becomes_a_field(report: dict[str, Any]) -> None:
    job = report["job"]
    assert "priority" in job["fields"]
    assert job["priority"] == 5 and "priority=5" in job["repr"]
    assert job["equal_when_same"] and not job["equal_when_priority_differs"]
    assert job["to_dict"]["priority"] == 5
    assert job["fields_param"] == "priority,status"
    assert "priority" in job["cli_columns"]


def test_a_new_status_becomes_a_member(report: dict[str, Any]) -> None:
    assert report["status"] == {"member": "archived", "is_known": True}


def test_a_new_query_parameter_becomes_a_keyword(report: dict[str, Any]) -> None:
    param = report["parameter"]
    assert param["first_page"] == {"page[size]": "5"}
    # Carried to later pages: every page is asked for with the same arguments.
    assert param["pages"] == [{"page[size]": "5"}, {"page[size]": "5", "page[cursor]": "c2"}]
    assert param["refused"] == ["page_size"]


def test_a_new_revision_changes_path_and_header(report: dict[str, Any]) -> None:
    revision = report["revision"]
    assert revision["default"] == "2027-01-15"
    assert revision["sent"] == {
        "path": "/api/v2/catalog-category-bulk-update-jobs",
        "revision": "2027-01-15",
    }
    # Older revisions keep their own spelling.
    assert revision["old_path"] == "/api/catalog-category-bulk-update-jobs/"


def test_a_new_category_field_is_accepted_everywhere(report: dict[str, Any]) -> None:
    category = report["category"]
    assert category["dict_problems"] == []
    assert category["typed_wire"]["hidden"] is True
    assert category["csv_item"]["hidden"] is True
    assert category["skip_wire"] == [{"operation": "skipIfNotEmpty", "fields": ["hidden"]}]
    assert category["sent_hidden"] == [True, False]
    assert category["typed_dict_hidden"] is True  # the wire shape's TypedDict has it too


def test_tightened_rules_are_enforced_before_sending(report: dict[str, Any]) -> None:
    tight = report["tightened"]
    assert tight["too_many_names"] == [["names", "must have at most 2 items, got 3"]]
    assert [field for field, _ in tight["lowercase_language"]] == ["names[0].language"]
    assert tight["max_chunk"] == 500
    assert tight["chunks"] == [500, 100]


def test_a_loosened_rule_lets_items_through(report: dict[str, Any]) -> None:
    assert report["loosened"]["without_parent"] == []


def test_a_new_directive_operation_is_accepted(report: dict[str, Any]) -> None:
    directive = report["directive"]
    assert directive["typed"] == [{"operation": "skipIfUnchanged", "fields": []}]
    assert directive["wire_problems"] == []


@pytest.mark.parametrize("shell", ["sync", "async"])
def test_a_new_operation_is_callable_with_the_whole_policy(
    report: dict[str, Any], shell: str
) -> None:
    call = report["operation"][shell]
    assert call["model"] == {"type": "catalog-category", "id": "c1", "name": "Shoes"}
    # First a 429, retried; then the answer.
    assert call["statuses"] == [429, 200]
    assert call["authorization"] == ["Klaviyo-API-Key pk_drill"] * 2
    assert call["revision"] == ["2024-02-15"] * 2
    assert call["path"] == "/api/catalog-categories/c1/"
    assert call["not_found"] == {"type": "NotFoundError", "status": 404}
