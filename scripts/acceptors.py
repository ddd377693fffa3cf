"""Emit ``_accept.py`` into a generated package: each schema of the spec as one plain Python
function that says whether a value is valid, with no paths and no messages.

catalog_clients checks every bulk item and every bulk answer against the spec. The layer's
``_schema.Compiler`` explains a refusal (every problem, with its path); these functions are
the quick first look that a valid value passes with a few dict lookups and no function call
per keyword, so checking costs about what encoding does. A test holds the two to the same
verdict on every schema. Run by generate.py after rules.py, from the same schema subset.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from spec_model import Spec, _plain_schema, snake

HEAD = '''"""Each schema of spec/{spec}.yaml as a yes/no check: ``ACCEPTS[name](value)``.

Emitted by scripts/acceptors.py. A yes is exactly what catalog_clients' schema validator
finds no problem in; that validator explains a no.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any


class _Matched(set[str]):
    """Short texts a pattern matched, up to a bound: a set lookup instead of a search."""

    def remember(self, text: str) -> None:
        if type(text) is str and len(text) <= 64 and len(self) < 4096:
            self.add(text)


def _member(value: Any, allowed: frozenset[Any]) -> bool:
    try:
        return value in allowed
    except TypeError:  # unhashable: never an enum value
        return False
'''

# The type tests of the layer's validator, the exact (decoded JSON) type tried first.
_TYPE_TESTS = {
    "integer": "type({v}) is not int and (not isinstance({v}, int) or isinstance({v}, bool))",
    "number": (
        "type({v}) is not float and type({v}) is not int"
        " and (not isinstance({v}, (int, float)) or isinstance({v}, bool))"
    ),
    "string": "not isinstance({v}, str)",
    "boolean": "not isinstance({v}, bool)",
}


def _limits(node: Mapping[str, Any], low: str, high: str, measure: str) -> list[str]:
    """The comparisons that fail a value whose ``measure`` is out of the node's bounds."""
    checks = [f"{measure} < {node[low]!r}"] if low in node else []
    return checks + ([f"{measure} > {node[high]!r}"] if high in node else [])


class Emitter:
    """Writes one function per named schema, plus one per inline anyOf/oneOf branch."""

    def __init__(self, schemas: Mapping[str, Any]) -> None:
        self.schemas = schemas
        self.names = {name: f"_accepts_{snake(name)}" for name in schemas}
        self.constants: list[str] = []
        self.functions: list[str] = []
        self._count = 0

    def fresh(self, prefix: str) -> str:
        self._count += 1
        return f"{prefix}{self._count}"

    def constant(self, prefix: str, expression: str) -> str:
        name = self.fresh(prefix)
        self.constants.append(f"{name} = {expression}")
        return name

    def function(self, name: str, node: Mapping[str, Any]) -> None:
        body = self.block(node, "value")
        lines = [f"def {name}(value: Any) -> bool:", *("    " + b for b in body), "    return True"]
        self.functions.append("\n".join(lines))

    def test(self, node: Mapping[str, Any], var: str) -> str:
        """An expression true when ``var`` is valid: a call for a $ref, else a new function."""
        if "$ref" in node:
            call = f"{self.names[node['$ref']]}({var})"
            return f"({var} is None or {call})" if node.get("nullable") else call
        name = self.fresh("_branch")
        self.function(name, node)
        return f"{name}({var})"

    def block(self, node: Mapping[str, Any], var: str) -> list[str]:
        """Statements that return False when ``var`` is not valid, and fall through if it is."""
        if "$ref" in node:
            return [f"if not {self.test(node, var)}:", "    return False"]
        body = self.parts(node, var)
        if node.get("nullable") and body:
            return [f"if {var} is not None:", *("    " + b for b in body)]
        return body

    def parts(self, node: Mapping[str, Any], var: str) -> list[str]:
        out: list[str] = []
        for sub in node.get("allOf", ()):
            out += self.block(sub, var)
        branches = node.get("anyOf") or node.get("oneOf")
        if branches:
            tests = " or ".join(self.test(b, var) for b in branches)
            out += [f"if not ({tests}):", "    return False"]
        kind = node.get("type")
        if kind in _TYPE_TESTS:
            out += [f"if {_TYPE_TESTS[kind].format(v=var)}:", "    return False"]
        if "enum" in node:
            allowed = self.constant("_ENUM", f"frozenset({list(node['enum'])!r})")
            out += [f"if not _member({var}, {allowed}):", "    return False"]
        # Past a type test the value is known to be of that type; else only that type is held
        # to the type's keywords, as the layer's validator does.
        out += self.string(node, var, kind == "string") + self.bounds(node, var, kind)
        if kind == "array":
            out += self.array(node, var)
        if kind == "object" or "properties" in node:
            out += self.object(node, var)
        return out

    def string(self, node: Mapping[str, Any], var: str, typed: bool) -> list[str]:
        checks = _limits(node, "minLength", "maxLength", f"len({var})")
        out = []
        if checks:
            guard = "" if typed else f"isinstance({var}, str) and "
            out += [f"if {guard}({' or '.join(checks)}):", "    return False"]
        if "pattern" in node:
            # Texts that matched are remembered: codes such as languages repeat on every item.
            search = self.constant("_SEARCH", f"re.compile({node['pattern']!r}).search")
            matched = self.constant("_MATCHED", "_Matched()")
            guard = "" if typed else f"isinstance({var}, str) and "
            out += [f"if {guard}{var} not in {matched}:"]
            out += [f"    if {search}({var}) is None:", "        return False"]
            out += [f"    {matched}.remember({var})"]
        return out

    def bounds(self, node: Mapping[str, Any], var: str, kind: object) -> list[str]:
        checks = _limits(node, "minimum", "maximum", var)
        if not checks:
            return []
        number = f"isinstance({var}, (int, float)) and not isinstance({var}, bool) and "
        guard = "" if kind in ("integer", "number") else number
        return [f"if {guard}({' or '.join(checks)}):", "    return False"]

    def array(self, node: Mapping[str, Any], var: str) -> list[str]:
        out = [f"if type({var}) is not list and not isinstance({var}, (list, tuple)):"]
        out.append("    return False")
        if node.get("minItems", 0):
            out += [f"if len({var}) < {node['minItems']!r}:", "    return False"]
        if "maxItems" in node:
            out += [f"if len({var}) > {node['maxItems']!r}:", "    return False"]
        if "items" in node:
            item = self.fresh("item")
            body = self.block(node["items"], item)
            if body:
                out += [f"for {item} in {var}:", *("    " + b for b in body)]
        return out

    def object(self, node: Mapping[str, Any], var: str) -> list[str]:
        out = [f"if type({var}) is not dict and not isinstance({var}, Mapping):"]
        out.append("    return False")
        properties = node.get("properties", {})
        required = node.get("required", ())
        extra = node.get("additionalProperties", True)
        # No key beyond the properties: as many of them present as the value has keys.
        seen = self.fresh("seen") if extra is False else None
        if seen:
            out.append(f"{seen} = 0")
        for key, sub in properties.items():
            entry = self.fresh("entry")
            body = self.block(sub, entry)
            if not (body or seen or key in required):
                continue
            out.append(f"if {key!r} in {var}:")
            out += [f"    {seen} += 1"] if seen else []
            out += [f"    {entry} = {var}[{key!r}]", *("    " + b for b in body)] if body else []
            out += [] if body or seen else ["    pass"]
            out += ["else:", "    return False"] if key in required else []
        for key in required:
            if key not in properties:
                out += [f"if {key!r} not in {var}:", "    return False"]
        if seen:
            out += [f"if len({var}) != {seen}:", "    return False"]
        if isinstance(extra, Mapping):
            known = self.constant("_KNOWN", f"frozenset({list(properties)!r})")
            key, entry = self.fresh("key"), self.fresh("entry")
            body = self.block(extra, entry)
            if body:
                out += [f"for {key}, {entry} in {var}.items():", f"    if {key} not in {known}:"]
                out += ["        " + b for b in body]
        return out


def render(spec: Spec) -> str:
    schemas = {name: _plain_schema(s) for name, s in spec.schemas.items()}
    emitter = Emitter(schemas)
    for name, node in schemas.items():
        emitter.function(emitter.names[name], node)
    table = ", ".join(f"{name!r}: {emitter.names[name]}" for name in schemas)
    return "\n\n".join(
        [
            HEAD.format(spec=spec.name),
            "\n".join(emitter.constants),
            *emitter.functions,
            f"ACCEPTS: dict[str, Callable[[Any], bool]] = {{{table}}}\n",
        ]
    )


def emit(spec_path: Path, package_dir: Path) -> None:
    (package_dir / "_accept.py").write_text(render(Spec(spec_path)))
