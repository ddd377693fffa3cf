"""The operations of a spec as ``_rules.py`` tables: method, path, parameters, media types,
rate limits, pagination and bulk items. Used by rules.py, operations.py and typeddicts.py."""

from __future__ import annotations

from typing import Any

from openapi_python_client.strings import PythonIdentifier
from spec_model import Spec, _plain_schema, snake

_WINDOWS = {"s": 1.0, "m": 60.0, "h": 3600.0, "d": 86400.0}


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
