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

import keyword
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml
from openapi_python_client.strings import PythonIdentifier

# Schema keys the layer's validator and readers use; the rest (descriptions, examples) stay out.
_SCHEMA_KEYS = (
    "$ref",
    "type",
    "nullable",
    "enum",
    "format",
    "pattern",
    "minLength",
    "maxLength",
    "minimum",
    "maximum",
    "items",
    "minItems",
    "maxItems",
    "properties",
    "required",
    "additionalProperties",
    "anyOf",
    "oneOf",
    "allOf",
    "x-hint",
    "x-mapping-form",
    "x-operations-with-fields",
)
_METHODS = ("get", "put", "post", "delete", "patch", "head", "options")
_WINDOWS = {"s": 1.0, "m": 60.0, "h": 3600.0, "d": 86400.0}

PRELUDE = '''"""API facts of spec/{spec}.yaml that catalog_clients uses, and typed field classes.

Emitted by scripts/rules.py from the spec, beside openapi-python-client's output.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from enum import StrEnum
from typing import Any

import attrs

Schema = Mapping[str, Any]


@attrs.frozen
class Fieldset:
    """A sparse fieldset: its names, and the revisions (from, until; inclusive) some allow."""

    names: tuple[str, ...]
    revisions: Mapping[str, tuple[str | None, str | None]]


@attrs.frozen
class Param:
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
    filter: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict)
    fieldset: Fieldset | None = None


@attrs.frozen
class Operation:
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


@attrs.frozen
class Field:
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

ENUM_TEMPLATE = '''

class {name}(StrEnum):
    """{doc}

    Equals its plain string. A value the spec does not list is kept as it came:
    ``{name}("archived")`` equals ``"archived"``, and its ``is_known`` is False.
    """

{members}

    @classmethod
    def _missing_(cls, value: object) -> {name} | None:
        if not isinstance(value, str):
            return None
        unknown = str.__new__(cls, value)
        unknown._name_ = value
        unknown._value_ = value
        return unknown

    @property
    def is_known(self) -> bool:
        """False for a value the spec does not list."""
        return type(self).__members__.get(self._name_) is self
'''


def snake(name: str) -> str:
    """``shortDescriptions`` -> ``short_descriptions``; ``page[cursor]`` -> ``page_cursor``."""
    text = re.sub(r"[^0-9A-Za-z]+", "_", name)
    text = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", text).strip("_").lower()
    if not text or text[0].isdigit():
        text = "field_" + text
    return text + "_" if keyword.iskeyword(text) else text


def constant(name: str) -> str:
    return snake(name).upper().rstrip("_")


class Spec:
    """One OpenAPI document, with ``$ref`` resolution."""

    def __init__(self, path: Path) -> None:
        self.name = path.stem
        self.doc: dict[str, Any] = yaml.safe_load(path.read_text())
        self.schemas: dict[str, Any] = self.doc.get("components", {}).get("schemas", {})

    @staticmethod
    def ref_name(node: Any) -> str | None:
        if isinstance(node, dict) and isinstance(node.get("$ref"), str):
            return node["$ref"].rsplit("/", 1)[-1]
        return None

    def resolve(self, node: Any) -> dict[str, Any]:
        """Follow ``$ref`` and one-branch ``allOf`` wrappers to the schema that says what it is."""
        seen = 0
        while isinstance(node, dict):
            name = self.ref_name(node)
            if name is not None:
                node = self.schemas[name]
            elif len(node.get("allOf", ())) == 1:
                node = node["allOf"][0]
            else:
                return node
            seen += 1
            if seen > 50:
                raise ValueError("a $ref cycle without a schema")
        raise ValueError(f"not a schema: {node!r}")

    def operations(self) -> Iterator[tuple[str, str, dict[str, Any], dict[str, Any]]]:
        for path, item in self.doc.get("paths", {}).items():
            for method in _METHODS:
                if method in item:
                    yield path, method, item, item[method]


def _plain_schema(node: Any) -> Any:
    """A schema with only the keys the layer reads; ``$ref`` as the bare schema name."""
    if isinstance(node, list):
        return [_plain_schema(n) for n in node]
    if not isinstance(node, dict):
        return node
    out: dict[str, Any] = {}
    for key in _SCHEMA_KEYS:
        if key not in node:
            continue
        value = node[key]
        if key == "$ref":
            out[key] = value.rsplit("/", 1)[-1]
        elif key == "properties":
            out[key] = {name: _plain_schema(sub) for name, sub in value.items()}
        else:
            out[key] = _plain_schema(value)
    return out


# --- kinds: how a value of a schema is read ------------------------------------------------


def kind_of(spec: Spec, node: Any) -> tuple[str, str | None]:
    """(kind, model) of a schema: see ``Field`` in the emitted prelude."""
    name = spec.ref_name(node)
    schema = spec.resolve(node)
    if name is not None and "enum" in schema:
        return "enum", name
    branches = schema.get("anyOf") or schema.get("oneOf")
    if branches:
        kinds = [kind_of(spec, b) for b in branches]
        for kind in ("enum", "datetime"):
            found = [k for k in kinds if k[0] == kind]
            if found:
                return found[0]
        if {k for k, _ in kinds} <= {"str", "object"} and ("str", None) in kinds:
            return "text", None
        if {k for k, _ in kinds} == {"str", "int"}:
            return "code", None
        return "any", None
    kind = schema.get("type")
    if kind == "string":
        return ("datetime", None) if schema.get("format") == "date-time" else ("str", None)
    if kind in ("integer", "number", "boolean"):
        return {"integer": "int", "number": "float", "boolean": "bool"}[kind], None
    if kind == "array":
        item = spec.resolve(schema.get("items", {}))
        if item.get("x-python-class"):
            return "models", item["x-python-class"]
        return "list", None
    if kind == "object" or "properties" in schema:
        return "object", None
    return "any", None


_READ_TYPES = {
    "str": "str | None",
    "text": "str | None",
    "code": "str | None",
    "int": "int | None",
    "float": "float | None",
    "bool": "bool | None",
    "datetime": "datetime | None",
    "object": "dict[str, Any] | None",
    "list": "list[Any] | None",
    "any": "Any",
}


def _annotation(kind: str, model: str | None) -> str:
    if kind == "enum":
        return f"{model} | None"
    if kind == "models":
        return f"list[{model}]"
    if kind == "ids":
        return "list[str]"
    return _READ_TYPES[kind]


def _attr_line(name: str, annotation: str, kind: str) -> str:
    if kind in ("models", "ids"):
        return f"    {name}: {annotation} = attrs.field(factory=list)"
    return f"    {name}: {annotation} = None"


def read_fields(spec: Spec, schema: dict[str, Any]) -> list[tuple[str, tuple[Any, ...], str, Any]]:
    """The fields of a response object: nested objects flattened (``source.pointer`` ->
    ``source_pointer``); a JSON:API resource's ``id``, ``attributes`` and relationship ids."""
    props = schema.get("properties", {})
    fields: list[tuple[str, tuple[Any, ...], str, Any]] = []
    if "attributes" in props:  # a JSON:API resource
        attributes = spec.resolve(props["attributes"]).get("properties", {})
        aliases = [(n, s["x-alias-of"]) for n, s in attributes.items() if "x-alias-of" in s]
        for name, sub in attributes.items():
            if "x-alias-of" in sub:
                continue
            kind, model = kind_of(spec, sub)
            fields.append((snake(name), (("attributes", name),), kind, model))
        own = (("id",), *(("attributes", a) for a, target in aliases if target == "id"))
        fields.insert(0, ("id", own, "str", None))
        relationships = spec.resolve(props["relationships"]) if "relationships" in props else {}
        for name, sub in relationships.get("properties", {}).items():
            if "x-ids-as" in sub:
                data = spec.resolve(spec.resolve(sub)["properties"]["data"])
                keys = tuple(spec.resolve(data.get("items", {})).get("required", ()))
                path = (("relationships", name, "data"),)
                fields.append((sub["x-ids-as"], path, "ids", keys))
        return fields
    for name, sub in props.items():
        resolved = spec.resolve(sub)
        nested = resolved.get("properties")
        if nested and not resolved.get("x-python-class") and resolved.get("type") == "object":
            for inner, inner_schema in nested.items():
                kind, model = kind_of(spec, inner_schema)
                fields.append((f"{snake(name)}_{snake(inner)}", ((name, inner),), kind, model))
            continue
        kind, model = kind_of(spec, sub)
        fields.append((snake(name), ((name,),), kind, model))
    return fields


# --- input fields: the typed inputs of a bulk call ------------------------------------------


_SIMPLE = {"integer": ("int", "int"), "string": ("str", "str"), "boolean": ("bool", "bool")}


def _input_type(spec: Spec, node: Any) -> tuple[str, str, tuple[str, ...] | None]:
    """(annotation, kind, pairs) of an input property."""
    schema = spec.resolve(node)
    kind = schema.get("type")
    if kind == "array":
        item = spec.resolve(schema.get("items", {}))
        pairs = item.get("x-mapping-form")
        if pairs:
            return "Mapping[str, Any] | Sequence[Mapping[str, Any]]", "pairs", tuple(pairs)
        if item.get("type") == "object":
            return "Sequence[Mapping[str, Any]]", "list", None
        return "Sequence[Any]", "list", None
    if kind in _SIMPLE:
        return (*_SIMPLE[kind], None)
    if kind == "number":
        return "float", "float", None
    if kind == "object":
        return "Mapping[str, Any]", "object", None
    return "Any", "any", None


def input_fields(spec: Spec, schema: dict[str, Any]) -> list[dict[str, Any]]:
    """The input fields in wire order, as ``Field`` keywords plus ``annotation``; a property
    that is one of several objects (``parent``) is flattened (``parent_id``...)."""
    required = set(schema.get("required", ()))
    fields: list[dict[str, Any]] = []
    for name, sub in schema.get("properties", {}).items():
        resolved = spec.resolve(sub)
        branches = resolved.get("anyOf") or resolved.get("oneOf")
        if branches:
            seen: dict[str, tuple[str, str, Any]] = {}
            for branch in branches:
                for inner, inner_schema in spec.resolve(branch).get("properties", {}).items():
                    seen.setdefault(inner, _input_type(spec, inner_schema))
            for inner, (annotation, kind, _) in seen.items():
                field = {"name": f"{snake(name)}_{snake(inner)}", "paths": ((name, inner),)}
                field |= {"kind": kind, "required": name in required, "annotation": annotation}
                fields.append(field | {"optional": True})
            continue
        annotation, kind, pairs = _input_type(spec, sub)
        field = {"name": snake(name), "paths": ((name,),), "kind": kind}
        field |= {"pairs": pairs} if pairs else {}
        field |= {"required": name in required, "annotation": annotation}
        fields.append(field | {"optional": name not in required})
    return fields


# --- operations -----------------------------------------------------------------------------


def _rate_limits(extension: Any) -> tuple[tuple[int, float], ...]:
    if not extension:
        return ()
    limits = []
    for text in extension.values():
        count, _, unit = str(text).partition("/")
        limits.append((int(count), _WINDOWS[unit.strip()[:1]]))
    return tuple(sorted(limits, key=lambda limit: limit[1]))


def _param(spec: Spec, raw: dict[str, Any]) -> dict[str, Any]:
    param = spec.resolve(raw) if "$ref" in raw else raw
    schema = param.get("schema", {})
    out: dict[str, Any] = {
        "name": param["name"],
        "location": param["in"],
        "keyword": param.get("x-keyword") or snake(param["name"]),
        "required": bool(param.get("required", False)),
        "schema": _plain_schema(schema),
        # The generator's own naming, so the layer can call the generated endpoint.
        "python": str(PythonIdentifier(param["name"], prefix="field_")),
    }
    if param.get("explode") is False:
        out["explode"] = False
    if "default" in spec.resolve(schema):
        out["default"] = str(spec.resolve(schema)["default"])
    if "x-filter" in param:
        out["filter"] = {k: tuple(v) for k, v in param["x-filter"].items()}
    if "x-fieldset-of" in param:
        names = list(spec.resolve(schema.get("items", {})).get("enum", ()))
        of = spec.schemas[param["x-fieldset-of"]].get("properties", {})
        names += [n for n in of if n not in names]
        revisions = {
            name: (rng.get("from"), rng.get("until"))
            for name, rng in param.get("x-fieldset-revisions", {}).items()
        }
        out["fieldset"] = ("Fieldset", tuple(names), revisions)
    return out


def _media_types(content: dict[str, Any] | None) -> tuple[str, ...]:
    return tuple(content or ())


def operation(
    spec: Spec, path: str, method: str, item: dict[str, Any], op: dict[str, Any]
) -> dict[str, Any]:
    servers = op.get("servers") or item.get("servers") or spec.doc.get("servers") or [{"url": ""}]
    params = [_param(spec, p) for p in (*item.get("parameters", ()), *op.get("parameters", ()))]
    out: dict[str, Any] = {
        "operation_id": op["operationId"],
        "method": method.upper(),
        "path": path,
        "server": servers[0]["url"],
        "params": params,
    }
    if "x-sdk-method" in op:
        out["sdk_method"] = op["x-sdk-method"]
    body = op.get("requestBody", {}).get("content", {})
    if body:
        media_type, content = next(iter(body.items()))
        out["request_media_type"] = media_type
        out["request_schema"] = spec.ref_name(content.get("schema"))
    ok = next((r for code, r in op.get("responses", {}).items() if str(code).startswith("2")), {})
    if ok.get("content"):
        out["response_media_types"] = _media_types(ok["content"])
        out["response_schema"] = spec.ref_name(next(iter(ok["content"].values())).get("schema"))
        schema = spec.schemas.get(out["response_schema"] or "", {})
        for prop, sub in schema.get("properties", {}).items():
            # The first list of the answer holds its items; a one-resource answer has it
            # under the first property of a Python class instead.
            items = spec.resolve(sub).get("items")
            one = spec.resolve(sub).get("x-python-class")
            if items is not None or one:
                out["items_property"] = prop
                out["items_attribute"] = str(PythonIdentifier(prop, prefix="field_"))
                cls = spec.resolve(items).get("x-python-class") if items is not None else one
                if cls:
                    out["items_class"] = cls
                break
    if "x-path-by-revision" in op:
        out["paths_by_revision"] = tuple((r["from"], r["path"]) for r in op["x-path-by-revision"])
    if "x-media-type-by-revision" in op:
        out["media_types_by_revision"] = tuple(
            (r.get("from"), r.get("until"), r["media-type"]) for r in op["x-media-type-by-revision"]
        )
    limits = _rate_limits(op.get("x-klaviyo-ratelimit") or op.get("x-rate-limits"))
    if limits:
        out["rate_limits"] = limits
    if method in ("get", "put", "delete", "head", "options") or op.get("x-idempotent"):
        out["idempotent"] = True
    paging = op.get("x-pagination")
    if paging:
        out["cursor_parameter"] = paging["cursor-parameter"]
        out["next_link"] = tuple(paging["next-link"].split("."))
        out["next_link_attributes"] = tuple(
            str(PythonIdentifier(step, prefix="field_")) for step in out["next_link"]
        )
    if "x-lookup-key" in op:
        out["lookup_key"] = tuple(op["x-lookup-key"])
    return out


# --- rendering --------------------------------------------------------------------------------


def _call(cls: str, values: dict[str, Any]) -> str:
    args = ", ".join(f"{k}={_literal(v)}" for k, v in values.items())
    return f"{cls}({args})"


def _literal(value: Any) -> str:
    if isinstance(value, tuple) and value[:1] == ("Fieldset",):
        return _call("Fieldset", {"names": value[1], "revisions": value[2]})
    if isinstance(value, list) and value and isinstance(value[0], dict) and "location" in value[0]:
        return "(" + "".join(_call("Param", p) + ", " for p in value) + ")"
    if isinstance(value, list):
        return "(" + "".join(_literal(v) + ", " for v in value) + ")"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_literal(k)}: {_literal(v)}" for k, v in value.items()) + "}"
    if isinstance(value, tuple):
        return "(" + "".join(_literal(v) + ", " for v in value) + ")"
    return repr(value)


def _enum(spec: Spec, name: str) -> str:
    schema = spec.schemas[name]
    members = "\n".join(f"    {constant(v)} = {v!r}" for v in schema["enum"])
    doc = f"The values of ``{name}`` in the spec."
    return ENUM_TEMPLATE.format(name=name, members=members, doc=doc)


def _read_class(
    spec: Spec, schema_name: str, out: list[str], done: set[str], classes: dict[str, str]
) -> None:
    """A frozen attrs class (and its nested classes and enums first) for a response schema."""
    schema = spec.schemas[schema_name]
    cls = schema["x-python-class"]
    if cls in done:
        return
    done.add(cls)
    fields = read_fields(spec, schema)
    for _, _, kind, model in fields:
        if kind == "models":
            nested = next(n for n, s in spec.schemas.items() if s.get("x-python-class") == model)
            _read_class(spec, nested, out, done, classes)
        elif kind == "enum" and model not in done:
            done.add(model)
            out.append(_enum(spec, model))
    is_resource = "attributes" in schema.get("properties", {})
    name = f"{cls}Fields" if is_resource else cls
    lines = [
        "",
        "",
        "@attrs.frozen(unsafe_hash=False)",
        f"class {name}:",
        f'    """The fields of ``{schema_name}``; each is None (or empty) when not sent."""',
        "",
    ]
    lines += [_attr_line(n, _annotation(k, m), k) for n, _, k, m in fields]
    plan = ", ".join(
        _call("Field", {"name": n, "paths": p, "kind": k} | _extra(k, m)) for n, p, k, m in fields
    )
    lines += ["", "", f"{constant(cls)}_FIELDS = ({plan},)"]
    out.append("\n".join(lines))
    required = tuple(schema.get("required", ()))
    classes[cls] = f"({name}, {constant(cls)}_FIELDS, {schema_name!r}, {_literal(required)})"


def _extra(kind: str, model: Any) -> dict[str, Any]:
    if kind == "ids":
        return {"keys": model}
    return {"model": model} if model else {}


def _input_class(spec: Spec, schema_name: str, out: list[str]) -> None:
    schema = spec.schemas[schema_name]
    cls = schema["x-python-class"]
    fields = input_fields(spec, schema)
    lines = [
        "",
        "",
        "@attrs.frozen(kw_only=True)",
        f"class {cls}Fields:",
        f'    """The fields of ``{schema_name}``, in Python spelling."""',
        "",
    ]
    for field in fields:
        optional = " | None = None" if field["optional"] else ""
        lines.append(f"    {field['name']}: {field['annotation']}{optional}")
    plan = ", ".join(
        _call("Field", {k: v for k, v in f.items() if k not in ("annotation", "optional")})
        for f in fields
    )
    lines += ["", "", f"{constant(cls)}_FIELDS = ({plan},)"]
    out.append("\n".join(lines))


def _directives(spec: Spec, schema_name: str, out: list[str]) -> None:
    schema = spec.schemas[schema_name]
    props = schema["properties"]
    operations = next(spec.resolve(v)["enum"] for v in props.values() if "enum" in spec.resolve(v))
    with_fields = set(schema.get("x-operations-with-fields", ()))
    lines = [
        "",
        "",
        "@attrs.frozen(kw_only=True)",
        "class DirectivesFields:",
        '    """One keyword per directive operation: field names, or True to switch it on."""',
        "",
    ]
    for op in operations:
        if op in with_fields:
            lines.append(f"    {snake(op)}: str | Sequence[str] = ()")
        else:
            lines.append(f"    {snake(op)}: bool = False")
    plan = tuple((snake(op), op, op in with_fields) for op in operations)
    # The directive's two keys: the operation (an enum) and its list of field names.
    operation_key = next(k for k, v in props.items() if "enum" in spec.resolve(v))
    fields_key = next(k for k, v in props.items() if spec.resolve(v).get("type") == "array")
    names = spec.resolve(props[fields_key]).get("items", {})
    lines += [
        "",
        "",
        "# (keyword, operation, takes field names) of each directive operation.",
        f"DIRECTIVE_OPERATIONS = {_literal(plan)}",
        f"DIRECTIVE_SCHEMA = {schema_name!r}",
        f"DIRECTIVE_KEYS = {_literal((operation_key, fields_key))}",
        f"DIRECTIVE_FIELD_NAMES = {_literal(tuple(spec.resolve(names).get('enum', ())))}",
    ]
    out.append("\n".join(lines))


def _bulk_items(
    spec: Spec, schema: dict[str, Any], path: tuple[str, ...] = ()
) -> tuple[tuple[str, ...], dict[str, Any], dict[str, Any]] | None:
    """Where a request body holds its items (the array marked x-bulk-items), that array's
    schema, and the one-value enums required on the way (``data.type``), by dotted path."""
    constants: dict[str, Any] = {}
    for name in schema.get("required", ()):
        sub = spec.resolve(schema.get("properties", {}).get(name, {}))
        if len(sub.get("enum", ())) == 1:
            constants[".".join((*path, name))] = sub["enum"][0]
    for name, sub in schema.get("properties", {}).items():
        if sub.get("x-bulk-items"):
            return (*path, name), sub, constants
        resolved = spec.resolve(sub)
        if resolved.get("type") == "object":
            found = _bulk_items(spec, resolved, (*path, name))
            if found is not None:
                return found[0], found[1], constants | found[2]
    return None


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
