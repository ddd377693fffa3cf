"""Emit ``_rules.py`` into a generated package: the API facts of its spec that catalog_clients
uses and openapi-python-client does not emit (patterns, item limits, revision ranges, rate
limits, error codes...), plus typed field classes the layer builds its public models on.

Run by generate.py after openapi-python-client, so ``make check-generated`` covers its output.
The layer never restates these facts: a spec change reaches it through ``make generate``.

Spec extensions read here (docs/regeneration.md says more):

=============================  ===========  ===================================================
extension                      on           meaning
=============================  ===========  ===================================================
x-revisions                    document     every published revision, oldest first
x-sdk-method                   operation    the friendly client method built on it
x-klaviyo-ratelimit            operation    ``{burst: "350/s", steady: "3500/m"}``
x-path-by-revision             operation    ``[{from: REV, path: P}]``: the path from REV on
x-media-type-by-revision       operation    ``[{from|until: REV, media-type: T}]``
x-pagination                   operation    ``{cursor-parameter: NAME, next-link: links.next}``
x-idempotent                   operation    safe to repeat, so retried like a read
x-lookup-key                   operation    the item fields that identify a bulk item
x-keyword                      parameter    the Python keyword of the parameter
x-filter                       parameter    ``{field: [operators]}`` the filter takes
x-fieldset-of                  parameter    the schema whose properties are fieldset names
x-fieldset-revisions           parameter    ``{name: {from|until: REV}}``
x-credential-schemes           sec. scheme  the word before each kind of credential
x-python-class                 schema       the Python class the layer builds from it
x-alias-of                     property     an older spelling of another field
x-ids-as                       property     a relationship offered as a list of ids
x-bulk-items / x-directives    property     the body arrays holding items and directives
x-hint                         schema       how to word a value that does not fit
x-mapping-form                 schema       a list of these may be given as ``{k: v}``
x-operations-with-fields       schema       directive operations that take field names
x-error-codes                  schema       documented error codes: type (and x-exception)
x-outcomes                     property     what each value of a bulk item's action means
x-terminal                     schema       the enum values a job does not leave
=============================  ===========  ===================================================
"""

from __future__ import annotations

from pathlib import Path

from rule_fields import _directives, _input_class, _read_class
from rule_operations import _bulk_items, operation
from spec_model import Spec, _call, _literal, _plain_schema, constant

PRELUDE = '''"""API facts of spec/{spec}.yaml that catalog_clients uses, and typed field classes.

Emitted by scripts/rules.py from the spec, beside openapi-python-client's output.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from enum import StrEnum
from types import MappingProxyType
from typing import Any, NamedTuple

import attrs

Schema = Mapping[str, Any]

# The records below that describe the spec are NamedTuples: they are read, never built by a
# user, and a NamedTuple class costs a tenth of an attrs class to create at import.


class Fieldset(NamedTuple):
    """A sparse fieldset: its names, and the revisions (from, until; inclusive) some allow."""

    names: tuple[str, ...]
    revisions: Mapping[str, tuple[str | None, str | None]]


class Param(NamedTuple):
    """One parameter of an operation: ``keyword`` is the layer's Python name for it, ``python``
    the generated endpoint's."""

    name: str
    location: str
    keyword: str
    required: bool
    schema: Schema
    python: str = ""
    explode: bool = True
    default: str | None = None
    filter: Mapping[str, tuple[str, ...]] = MappingProxyType({{}})
    fieldset: Fieldset | None = None


class Operation(NamedTuple):
    """One operation of the spec, with what the layer needs to call it."""

    operation_id: str
    method: str
    path: str
    server: str
    params: tuple[Param, ...]
    sdk_method: str | None = None
    request_media_type: str | None = None
    request_schema: str | None = None
    response_schema: str | None = None
    response_media_types: tuple[str, ...] = ()
    paths_by_revision: tuple[tuple[str, str], ...] = ()
    media_types_by_revision: tuple[tuple[str | None, str | None, str], ...] = ()
    rate_limits: tuple[tuple[int, float], ...] = ()
    idempotent: bool = False
    cursor_parameter: str | None = None
    next_link: tuple[str, ...] = ()
    lookup_key: tuple[str, ...] = ()
    items_property: str | None = None
    items_class: str | None = None
    # The generated model's attribute names of items_property and next_link.
    items_attribute: str | None = None
    next_link_attributes: tuple[str, ...] = ()


class Field(NamedTuple):
    """How one Python field is read from (or written to) the wire.

    ``paths`` are tried in order (an alias after the field's own path); ``kind`` is one of
    str, int, float, bool, datetime, enum, text, code, object, list, models, ids, pairs,
    any.
    ``model`` names the class of a ``models`` list or the enum of an ``enum``; ``pairs``
    holds the two keys of a list also given as a mapping; ``required`` says that the schema
    requires the field (for a flattened one: its object); ``keys`` are the keys each object
    of an ``ids`` list must have.
    """

    name: str
    paths: tuple[tuple[str, ...], ...]
    kind: str
    model: str | None = None
    pairs: tuple[str, str] | None = None
    required: bool = False
    keys: tuple[str, ...] = ()
'''


def render(spec: Spec) -> str:
    doc = spec.doc
    out = [PRELUDE.format(spec=spec.name)]
    facts = [f"SERVER_URL = {doc['servers'][0]['url']!r}"]
    for scheme in doc.get("components", {}).get("securitySchemes", {}).values():
        if scheme.get("type") == "apiKey":
            facts.append(f"AUTH_HEADER = {scheme['name']!r}")
            facts.append(f"CREDENTIAL_SCHEMES = {_literal(scheme.get('x-credential-schemes', {}))}")
        for flow in scheme.get("flows", {}).values():
            if "tokenUrl" in flow:
                facts.append(f"TOKEN_URL = {flow['tokenUrl']!r}")
    if "x-revisions" in doc:
        facts.append(f"REVISIONS = {_literal(tuple(doc['x-revisions']))}")
    operations = [operation(spec, *found) for found in spec.operations()]
    for op in operations:
        for param in op["params"]:
            if param["location"] == "header" and param["name"] == "revision":
                facts.append(f"REVISION_HEADER = {param['name']!r}")
                facts.append(f"DEFAULT_REVISION = {param.get('default')!r}")
                facts.append(f"REVISION_PATTERN = {param['schema'].get('pattern')!r}")
                break
        else:
            continue
        break
    codes: dict[str, str] = {}
    exceptions: dict[str, str] = {}
    for schema in spec.schemas.values():
        for code, entry in schema.get("x-error-codes", {}).items():
            entry = entry if isinstance(entry, dict) else {"type": entry}
            codes[str(code)] = entry["type"]
            if "x-exception" in entry:
                exceptions[str(code)] = entry["x-exception"]
    outcomes: dict[str, str] = {}
    for schema in spec.schemas.values():
        for sub in schema.get("properties", {}).values():
            outcomes |= sub.get("x-outcomes", {})
    if outcomes:
        facts.append("# What each bulk item action means: the BulkResult count it goes to.")
        facts.append(f"ACTION_OUTCOMES: dict[str, str] = {_literal(outcomes)}")
    if codes:
        facts.append(f"ERROR_CODES: dict[str, str] = {_literal(codes)}")
        facts.append("# The catalog_clients.errors class raised for an error code.")
        facts.append(f"ERROR_EXCEPTIONS: dict[str, str] = {_literal(exceptions)}")
    out.append("\n\n" + "\n".join(facts))
    plans = ",\n    ".join(f"{op['operation_id']!r}: {_call('Operation', op)}" for op in operations)
    out.append(f"\n\nOPERATIONS: dict[str, Operation] = {{\n    {plans},\n}}")
    schemas = {name: _plain_schema(s) for name, s in spec.schemas.items()}
    out.append(f"\n\nSCHEMAS: dict[str, Schema] = {_literal(schemas)}")
    bulk = {}
    for op in operations:
        schema = spec.schemas.get(op.get("request_schema") or "", {})
        found = _bulk_items(spec, schema)
        if found is None:
            continue
        path, items, constants = found
        props = schema.get("properties", {})
        directives = next((p for p, s in props.items() if s.get("x-directives")), None)
        bulk[op["operation_id"]] = {
            "items": path[-1],
            "items_path": path,
            "constants": constants,
            "item_schema": spec.ref_name(items.get("items")),
            "max_items": items.get("maxItems"),
            "directives": directives,
            "directive_schema": spec.ref_name(props[directives].get("items"))
            if directives
            else None,
        }
    inputs = {b["item_schema"] for b in bulk.values()}
    directive_schemas = {b["directive_schema"] for b in bulk.values()} - {None}
    done: set[str] = set()
    classes: dict[str, str] = {}
    plans: dict[str, str] = {}
    for name, schema in spec.schemas.items():
        if name in directive_schemas:
            _directives(spec, name, out)
        elif schema.get("x-python-class") and name in inputs:
            _input_class(spec, name, out)
            plans[name] = f"{constant(schema['x-python-class'])}_FIELDS"
        elif schema.get("x-python-class"):
            _read_class(spec, name, out, done, classes)
    if plans:
        out.append(
            "\n\n# The field plan of each bulk item schema.\n"
            "INPUT_PLANS: dict[str, tuple[Field, ...]] = {"
            + ", ".join(f"{k!r}: {v}" for k, v in plans.items())
            + "}\n"
        )
    if classes:
        out.append(
            "\n\n# Each response class: its fields class, plan, generated model, required keys.\n"
            "MODELS: dict[str, tuple[type[Any], tuple[Field, ...], str, tuple[str, ...]]] = {"
            + ", ".join(f"{k!r}: {v}" for k, v in classes.items())
            + "}\n"
        )
    enums = [n for n, s in spec.schemas.items() if "enum" in s and n in done]
    terminal = {
        n: tuple(spec.schemas[n]["x-terminal"]) for n in enums if "x-terminal" in spec.schemas[n]
    }
    if terminal:
        out.append(
            "\n# The values of each enum that a job does not leave (x-terminal).\n"
            f"TERMINAL: dict[str, tuple[str, ...]] = {_literal(terminal)}\n"
        )
    if enums:
        out.append(
            "\nENUMS: dict[str, type[StrEnum]] = {"
            + ", ".join(f"{n!r}: {n}" for n in enums)
            + "}\n"
        )
    if bulk:
        out.append(
            "\n\n# Per bulk operation: where the body holds its items (and the constants on the\n"
            "# way), their schema, the item limit per request, and the body property and schema\n"
            "# of its directives.\n"
            f"BULK: dict[str, dict[str, Any]] = {_literal(bulk)}\n"
        )
    return "".join(out) + "\n"


def emit(spec_path: Path, package_dir: Path) -> None:
    (package_dir / "_rules.py").write_text(render(Spec(spec_path)))
