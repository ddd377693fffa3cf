"""Reading a spec for the generators: the document, its schemas cut down to what the layer
reads, Python names for its names, and Python literals of what is read. Used by rules.py,
operations.py, acceptors.py and typeddicts.py."""

from __future__ import annotations

import keyword
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

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
