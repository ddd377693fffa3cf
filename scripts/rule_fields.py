"""The field plans and typed classes of ``_rules.py``: how each value of a response is read
(its kind), the typed inputs of a bulk call, and the attrs classes and enums emitted for
them. Used by rules.py."""

from __future__ import annotations

from typing import Any

from spec_model import Spec, _call, _literal, constant, snake

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
        # No slots: a frozen dict class's __init__ fills the instance dict in place, where a
        # slotted one calls object.__setattr__ per field (twice the cost, once per item read).
        "@attrs.frozen(unsafe_hash=False, slots=False)",
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
