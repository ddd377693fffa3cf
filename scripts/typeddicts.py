"""Emit ``_typed.py`` into a generated package: the wire shape of each bulk request item as
a ``TypedDict`` (``CategoryDict``...), so that a type checker and an IDE know the keys of a
plain dict item as the spec defines them.

One ``TypedDict`` per object schema that a bulk item or directive refers to, named after its
``x-python-class`` (``Category`` -> ``CategoryDict``) or else its schema name. Keys keep their
wire spelling, required ones are ``Required[...]``. Run by generate.py after rules.py.
"""

from __future__ import annotations

import keyword
from pathlib import Path
from typing import Any

from rule_operations import _bulk_items, operation
from spec_model import Spec

HEAD = '''"""The wire shape of each bulk request item of spec/{spec}.yaml, as a ``TypedDict``.

Emitted by scripts/typeddicts.py: keys in their wire spelling, required keys marked.
"""

from collections.abc import Mapping, Sequence
from typing import Any, Literal, Required, TypedDict
'''

_SCALARS = {"integer": "int", "number": "float", "string": "str", "boolean": "bool"}


class Emitter:
    def __init__(self, spec: Spec, items: set[str]) -> None:
        self.spec = spec
        self.items = items  # the bulk item schemas: named after their Python class
        self.classes: dict[str, str] = {}  # schema name -> emitted source, referred-to first
        self._open: set[str] = set()

    def name_of(self, schema: str) -> str:
        named = self.spec.schemas[schema].get("x-python-class") if schema in self.items else None
        return str(named or schema) + "Dict"

    def annotation(self, node: Any) -> str:
        """The Python type of a value of ``node``, emitting the TypedDicts it refers to."""
        ref = self.spec.ref_name(node)
        text = self._annotation(node, ref)
        return f"{text} | None" if node.get("nullable") else text

    def _annotation(self, node: Any, ref: str | None) -> str:
        schema = self.spec.resolve(node)
        branches = schema.get("anyOf") or schema.get("oneOf")
        if branches:
            return " | ".join(dict.fromkeys(self.annotation(b) for b in branches))
        kind = schema.get("type")
        values = schema.get("enum")
        if values and all(isinstance(v, str) for v in values):
            return f"Literal[{', '.join(repr(v) for v in values)}]"
        if kind in _SCALARS:
            return _SCALARS[kind]
        if kind == "array":
            return f"Sequence[{self.annotation(schema.get('items', {}))}]"
        if kind == "object" and schema.get("properties") and ref is not None:
            self.emit(ref)
            return self.name_of(ref)
        if kind == "object":
            return "Mapping[str, Any]"
        return "Any"

    def emit(self, schema_name: str) -> None:
        if schema_name in self.classes or schema_name in self._open:
            return
        self._open.add(schema_name)  # a schema that refers to itself stops here
        schema = self.spec.resolve(self.spec.schemas[schema_name])
        required = set(schema.get("required", ()))
        keys = []
        for key, sub in schema.get("properties", {}).items():
            annotation = self.annotation(sub)
            keys.append((key, f"Required[{annotation}]" if key in required else annotation))
        name = self.name_of(schema_name)
        # Stored after the dicts it refers to, which the annotations above emitted. The class
        # form where every key is a name (documentation tools read it), else the call form.
        if all(key.isidentifier() and not keyword.iskeyword(key) for key, _ in keys):
            lines = [f"class {name}(TypedDict, total=False):"]
            lines.append(f'    """The wire shape of ``{schema_name}``."""\n')
            lines += [f"    {key}: {annotation}" for key, annotation in keys]
            self.classes[schema_name] = "\n".join(lines)
        else:
            fields = ", ".join(f"{key!r}: {annotation}" for key, annotation in keys)
            call = f"{name} = TypedDict({name!r}, {{{fields}}}, total=False)"
            self.classes[schema_name] = f"# The wire shape of {schema_name}.\n{call}"


def render(spec: Spec) -> str:
    roots: list[str] = []
    items: set[str] = set()
    for found in spec.operations():
        op = operation(spec, *found)
        request = spec.schemas.get(op.get("request_schema") or "", {})
        bulk = _bulk_items(spec, request)
        if bulk is None:
            continue
        item = str(spec.ref_name(bulk[1].get("items")))
        items.add(item)
        roots.append(item)
        for sub in request.get("properties", {}).values():
            if sub.get("x-directives"):
                roots.append(str(spec.ref_name(sub.get("items"))))
    emitter = Emitter(spec, items)
    for root in roots:
        emitter.emit(root)
    body = "\n\n".join(emitter.classes.values())
    names = ", ".join(repr(emitter.name_of(n)) for n in emitter.classes)
    return f"{HEAD.format(spec=spec.name)}\n\n{body}\n\n__all__ = [{names}]\n"


def emit(spec_path: Path, package_dir: Path) -> None:
    (package_dir / "_typed.py").write_text(render(Spec(spec_path)))
