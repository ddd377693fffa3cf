"""The layer takes every API fact it uses from spec/, in both directions.

1. Spec -> layer: each fact is read here straight from the YAML, independently of the
   generated code, and compared with what the public API does with it.
2. Layer -> spec: no literal under src/catalog_clients (the sandbox aside: it is an
   independent emulator with tables of its own) equals a fact of the specs, except the few
   listed in ``ALLOWED`` with the reason each is not an API fact.
The regeneration drill (tests/regeneration) shows the same after a spec change.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Any

import attrs
import pytest
import yaml

from catalog_clients import Category, Directives, KlaviyoClient, PropellerClient, errors
from catalog_clients.klaviyo import DEFAULT_REVISION, Job, JobError, JobStatus, field_names
from catalog_clients.klaviyo._client import DEFAULT_RATE_LIMITS
from catalog_clients.klaviyo._paging import LIST_JOBS
from catalog_clients.klaviyo._query import Query
from catalog_clients.propeller._chunks import MAX_CHUNK_SIZE
from catalog_clients.propeller._errors import read_error_envelope
from catalog_clients.propeller._validation import BY_ID, SKIPPABLE_FIELDS

ROOT = Path(__file__).resolve().parents[2]
KLAVIYO = yaml.safe_load((ROOT / "spec" / "klaviyo.yaml").read_text())
PROPELLER = yaml.safe_load((ROOT / "spec" / "propeller.yaml").read_text())


def schema(doc: dict[str, Any], name: str) -> dict[str, Any]:
    found: dict[str, Any] = doc["components"]["schemas"][name]
    return found


def snake(name: str) -> str:
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).lower()


def list_operation() -> dict[str, Any]:
    for item in KLAVIYO["paths"].values():
        for op in item.values():
            if op.get("x-sdk-method") == "list_category_bulk_update_jobs":
                return dict(op)
    raise AssertionError("no list operation in the spec")


def param(op: dict[str, Any], predicate: Any) -> dict[str, Any]:
    return next(p for p in op["parameters"] if predicate(p))


# --- 1. spec -> layer -------------------------------------------------------------------------


def test_servers_and_default_revision() -> None:
    with KlaviyoClient(api_key="pk_x") as klaviyo:
        assert klaviyo.base_url == KLAVIYO["servers"][0]["url"]
        revision = param(list_operation(), lambda p: p["in"] == "header")["schema"]["default"]
        assert klaviyo.revision == DEFAULT_REVISION == revision == KLAVIYO["x-revisions"][-1]
    with PropellerClient(client_id="i", client_secret="s") as propeller:
        assert propeller.base_url == PROPELLER["servers"][0]["url"]
        flows = PROPELLER["components"]["securitySchemes"]["OAuth2ClientCredentials"]["flows"]
        assert propeller.token_url == flows["clientCredentials"]["tokenUrl"]


def test_job_fields_are_the_spec_attributes() -> None:
    attributes = schema(KLAVIYO, "CatalogCategoryBulkUpdateJobAttributes")["properties"]
    own = [snake(n) for n, s in attributes.items() if "x-alias-of" not in s]
    assert [f.name for f in attrs.fields(Job) if f.name != "_raw"] == ["id", *own, "category_ids"]
    error_props = schema(KLAVIYO, "JobError")["properties"]
    flattened = ["id", "code", "title", "detail", "source_pointer", "source_parameter", "meta"]
    assert [snake(n) for n in error_props if n != "source"] == [
        f for f in flattened if not f.startswith("source")
    ]
    assert [f.name for f in attrs.fields(JobError)] == flattened


def test_job_statuses_are_the_spec_enum() -> None:
    assert [s.value for s in JobStatus] == schema(KLAVIYO, "JobStatus")["enum"]
    assert all(JobStatus(value).is_known for value in schema(KLAVIYO, "JobStatus")["enum"])
    assert not JobStatus("archived").is_known


@pytest.mark.parametrize("revision", KLAVIYO["x-revisions"])
def test_sparse_fields_path_and_media_type_by_revision(revision: str) -> None:
    op = list_operation()
    fields = param(op, lambda p: "x-fieldset-of" in p)
    attributes = schema(KLAVIYO, fields["x-fieldset-of"])["properties"]
    names = list(dict.fromkeys([*fields["schema"]["items"]["enum"], *attributes]))
    ranges = fields["x-fieldset-revisions"]
    expected = [
        n
        for n in names
        if ranges.get(n, {}).get("from", "0000")
        <= revision
        <= ranges.get(n, {}).get("until", "9999")
    ]
    assert list(field_names(revision)) == expected
    path = next(iter(p for p, item in KLAVIYO["paths"].items() if "get" in item))
    for change in op["x-path-by-revision"]:
        if revision >= change["from"]:
            path = change["path"]
    media = [
        m["media-type"]
        for m in op["x-media-type-by-revision"]
        if m.get("from", "0000") <= revision <= m.get("until", "9999")
    ]
    request = Query(LIST_JOBS, revision, {}).request()
    assert request["url"] == path
    assert request["headers"]["Accept"].split(", ")[0] == media[0]
    assert request["headers"]["revision"] == revision


def test_rate_limits_are_the_spec_extension() -> None:
    limits = list_operation()["x-klaviyo-ratelimit"]
    windows = {"s": 1.0, "m": 60.0}
    expected = sorted(
        ((int(text.split("/")[0]), windows[text.split("/")[1]]) for text in limits.values()),
        key=lambda limit: limit[1],
    )
    assert [(limit.count, limit.period) for limit in DEFAULT_RATE_LIMITS] == expected


def test_category_fields_and_limits_are_the_spec_schema() -> None:
    body = schema(PROPELLER, "BulkCategoriesByIdRequest")["properties"]
    assert MAX_CHUNK_SIZE == BY_ID.max_items == body["categories"]["maxItems"]
    item = schema(PROPELLER, "CategoryByIdInput")
    expected = []
    for name in item["properties"]:
        if name == "parent":
            expected += ["parent_id", "parent_source_id", "parent_source"]
        else:
            expected.append(snake(name))
    assert [f.name for f in attrs.fields(Category)] == expected
    assert BY_ID.lookup_key == tuple(
        PROPELLER["paths"]["/categories/bulk/id"]["post"]["x-lookup-key"]
    )


def test_directive_operations_and_field_names_are_the_spec_enums() -> None:
    directive = schema(PROPELLER, "Directive")
    operations = directive["properties"]["operation"]["enum"]
    assert [f.name for f in attrs.fields(Directives)] == [snake(op) for op in operations]
    assert list(SKIPPABLE_FIELDS) == directive["properties"]["fields"]["items"]["enum"]
    with_fields = directive["x-operations-with-fields"]
    for op in operations:
        value: Any = ["names"] if op in with_fields else True
        wire = Directives(**{snake(op): value}).to_wire()
        assert wire == [{"operation": op, "fields": ["names"] if op in with_fields else []}]


def test_error_codes_map_to_the_spec_exceptions() -> None:
    codes = schema(PROPELLER, "ErrorBody")["x-error-codes"]
    for code, entry in codes.items():
        kind = entry["type"] if isinstance(entry, dict) else entry
        details = read_error_envelope({"error": {"code": int(code), "type": kind}})
        wanted = isinstance(entry, dict) and entry.get("x-exception")
        assert details["schema_error"] == (wanted == errors.SchemaValidationError.__name__)


# --- 2. layer -> spec: no literal restates a spec fact --------------------------------------


def _facts() -> dict[object, str]:
    """Distinctive facts of both specs: names, enum values, paths, media types, URLs,
    revisions, patterns, limits and error codes."""
    found: dict[object, str] = {}

    def walk(node: Any, where: str) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "properties" and isinstance(value, dict):
                    for name in value:
                        found.setdefault(name, f"property ({where})")
                if key == "enum":
                    for entry in value:
                        found.setdefault(entry, f"enum value ({where})")
                named = ("default", "pattern", "tokenUrl", "url", "operationId", "name")
                if key in named and isinstance(value, str):
                    found.setdefault(value, f"{key} ({where})")
                if key in ("maxItems", "maxLength") and isinstance(value, int):
                    found.setdefault(value, f"{key} ({where})")
                if key == "x-error-codes":
                    for code in value:
                        found.setdefault(str(code), "error code")
                        found.setdefault(int(code), "error code")
                if key in ("x-klaviyo-ratelimit",):
                    for text in value.values():
                        found.setdefault(int(str(text).split("/")[0]), "rate limit")
                walk(value, f"{where}/{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, f"{where}/{i}")

    for name, doc in (("klaviyo", KLAVIYO), ("propeller", PROPELLER)):
        walk(doc, name)
        for revision in doc.get("x-revisions", ()):
            found.setdefault(revision, "revision")
        for path, item in doc["paths"].items():
            found.setdefault(path, "path")
            for op in item.values():
                if not isinstance(op, dict):
                    continue
                for change in op.get("x-path-by-revision", ()):
                    found.setdefault(change["path"], "path")
                contents = [op.get("requestBody", {}).get("content") or {}]
                contents += [r.get("content") or {} for r in op.get("responses", {}).values()]
                for content in contents:
                    for media_type in content:
                        found.setdefault(media_type, "media type")
    # Small numbers (0, 1, 2) and one-letter strings say nothing on their own.
    return {k: v for k, v in found.items() if not (isinstance(k, int) and k < 10)}


# (file under src/catalog_clients, literal): why it is not an API fact restated.
ALLOWED = {
    ("__init__.py", "errors"): "the name of the catalog_clients.errors module",
    ("_http/responses.py", "application/json"): "HTTP: what counts as a JSON body",
    ("_http/responses.py", "message"): "keyword of errors.status_error",
    ("klaviyo/_error_body.py", "message"): "keyword of errors.status_error",
    ("klaviyo/_error_body.py", "errors"): "keyword of errors.status_error",
    ("klaviyo/_error_body.py", "value"): "the seed's pointer objects carry their text under value",
    ("klaviyo/_kinds.py", "value"): "the seed's pointer objects carry their text under value",
    ("klaviyo/_kinds.py", "id"): "JSON:API: a resource identifier's id",
    ("klaviyo/_kinds.py", "code"): "the name of a reading kind",
    ("klaviyo/_reader.py", "code"): "the name of a reading kind",
    ("klaviyo/_base.py", "access_token"): "the constructor's keyword",
    ("klaviyo/_client.py", "status"): "the method's keyword (checked against the spec)",
    ("klaviyo/_client.py", "fields"): "the method's keyword (checked against the spec)",
    ("klaviyo/_query.py", "operation"): "a slot name",
    ("klaviyo/_query.py", "revision"): "a slot name",
    ("cli/jobs_output.py", "id"): "Job.id, the layer's own field",
    ("cli/scan.py", "value"): "a table column heading",
    ("cli/propeller_cmd.py", "id"): "a value of the CLI's --by option",
    ("cli/scan.py", "id"): "a value of the CLI's --by option",
    ("cli/scan.py", "directives"): "a table row label",
    ("cli/report.py", "updated"): "BulkResult.updated",
    ("propeller/_results.py", "updated"): "BulkResult.updated",
    ("propeller/_token.py", "access_token"): "OAuth 2.0 (RFC 6749): the token field",
    ("propeller/_token.py", "message"): "keyword of errors.status_error",
    ("propeller/_auth.py", "data"): "httpx's keyword for a form body",
    ("propeller/_auth.py", "Authorization"): "OAuth 2.0 bearer tokens (RFC 6750)",
    ("propeller/_errors.py", "error"): "OAuth 2.0 (RFC 6749): a token refusal's error",
    ("propeller/_errors.py", "message"): "keyword of errors.status_error",
    ("propeller/_errors.py", "code"): "keyword of errors.status_error",
    ("propeller/_errors.py", "type"): "keyword of errors.status_error",
    ("propeller/_errors.py", "messages"): "keyword of errors.status_error",
    ("propeller/_bulk.py", "categories"): "the method's argument, named in its problems",
    ("propeller/_validation.py", "directives"): "the method's argument, named in its problems",
    ("propeller/_validation.py", "type"): "JSON Schema: the type keyword",
    ("_schema.py", "type"): "JSON Schema: the type keyword",
    ("_schema.py", "items"): "JSON Schema: the items keyword",
    ("propeller/_validation.py", "items"): "a key of the generated BULK table",
    ("klaviyo/_base.py", "job_id"): "the method's argument, named in its problems",
    ("klaviyo/_base.py", "fields"): "the method's keyword (checked against the spec)",
    ("klaviyo/_jobs.py", "categories"): "the method's argument, named in its problems",
}


def _literals() -> list[tuple[str, int, object]]:
    found = []
    src = ROOT / "src" / "catalog_clients"
    for path in sorted(src.rglob("*.py")):
        relative = path.relative_to(src).as_posix()
        if relative.startswith("sandbox/"):
            continue
        tree = ast.parse(path.read_text())
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
            and node.body
            and isinstance(node.body[0], ast.Expr)
            and isinstance(node.body[0].value, ast.Constant)
        }
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Constant)
                and id(node) not in docstrings
                and isinstance(node.value, str | int)
                and not isinstance(node.value, bool)
            ):
                found.append((relative, node.lineno, node.value))
    return found


def test_no_literal_under_src_restates_a_spec_fact() -> None:
    facts = _facts()
    restated = [
        f"{file}:{line}: {value!r} is a spec fact ({facts[value]})"
        for file, line, value in _literals()
        if value in facts and (file, value) not in ALLOWED
    ]
    assert not restated, "\n".join(restated)


def test_every_allowed_literal_is_still_there() -> None:
    # An exception that no longer matches anything must go, so the list cannot rot.
    present = {(file, value) for file, _, value in _literals()}
    assert [key for key in ALLOWED if key not in present] == []


def test_the_fact_scan_sees_what_it_looks_for() -> None:
    facts = _facts()
    for fact in ("/categories/bulk/id", "application/vnd.api+json", 1000, "10007", "job_id"):
        assert fact in facts
    assert "2026-07-15" in facts and "https://a.klaviyo.com" in facts
