"""A validator for the JSON Schema subset the specs use, compiled once per schema. Pure.

The schemas come from the generated ``_rules.SCHEMAS`` (the spec's own, with ``$ref`` as the
bare schema name), so a rule tightened or loosened in the spec changes what is refused here.
Every problem of a value is reported at once, each with its path (``names[0].language``),
and misspelt keys and enum values get a "did you mean" hint.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Generic, TypeVar, cast

from ._words import Path, shown, suggestion

Found = list[tuple[Path, str]]
Check = Callable[[object, Path, Found], None]

_PHRASES = {
    "integer": "an integer",
    "number": "a number",
    "string": "a string",
    "boolean": "true or false",
    "array": "a list",
    "object": "an object",
}


def _is_type(kind: str, value: object) -> bool:
    if kind == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "number":
        return isinstance(value, int | float) and not isinstance(value, bool)
    if kind == "string":
        return isinstance(value, str)
    if kind == "boolean":
        return isinstance(value, bool)
    if kind == "array":
        return isinstance(value, list | tuple)  # a str is a Sequence too, but never a list
    if kind == "object":
        return isinstance(value, Mapping)
    return True


CheckT = TypeVar("CheckT", bound=Callable[..., Any])


class _Refs(Generic[CheckT]):
    """Each named schema compiled once; a schema that refers to itself compiles too."""

    def __init__(self, schemas: Mapping[str, Mapping[str, Any]]) -> None:
        self._schemas = schemas
        self._refs: dict[str, CheckT] = {}

    def compile(self, node: Mapping[str, Any]) -> CheckT:
        raise NotImplementedError

    def ref(self, name: str) -> CheckT:
        found = self._refs.get(name)
        if found is None:
            slot: list[CheckT] = []
            # A placeholder first, which the compiled check replaces.
            self._refs[name] = cast(CheckT, lambda *args: slot[0](*args))
            slot.append(self.compile(self._schemas[name]))
            found = self._refs[name] = slot[0]
        return found


class Compiler(_Refs[Check]):
    """Compiles schemas (``$ref`` resolved against ``schemas``) into checks, each once."""

    def resolve(self, node: Mapping[str, Any]) -> Mapping[str, Any]:
        while "$ref" in node or len(node.get("allOf", ())) == 1:
            node = self._schemas[node["$ref"]] if "$ref" in node else node["allOf"][0]
        return node

    def phrase(self, node: Mapping[str, Any]) -> str:
        """What a value of this schema is, in words (for type mismatches)."""
        node = self.resolve(node)
        kind = node.get("type")
        if kind == "array" and "items" in node:
            item = self.resolve(node["items"])
            if item.get("type") == "object":
                return "a list of " + self.phrase(item).removeprefix("a ").removeprefix("an ") + "s"
            if item.get("type") == "string":
                return "a list of strings"
        if kind == "object" and node.get("required"):
            return f"a {{{', '.join(node['required'])}}} object"
        branches = node.get("anyOf") or node.get("oneOf")
        if branches:
            return " or ".join(dict.fromkeys(self.phrase(b) for b in branches))
        return _PHRASES.get(kind or "", "a value")

    def compile(self, node: Mapping[str, Any]) -> Check:
        if "$ref" in node:
            target = self.ref(node["$ref"])
            if not node.get("nullable"):
                return target
            return lambda value, path, out: None if value is None else target(value, path, out)
        checks = [c for c in self._parts(node) if c is not None]
        nullable = bool(node.get("nullable"))
        if len(checks) == 1 and not nullable:
            return checks[0]

        def check(value: object, path: Path, out: Found) -> None:
            if value is None and nullable:
                return
            for part in checks:
                part(value, path, out)

        return check

    def _parts(self, node: Mapping[str, Any]) -> list[Check | None]:
        parts: list[Check | None] = [self.compile(n) for n in node.get("allOf", ())]
        branches = node.get("anyOf") or node.get("oneOf")
        if branches:
            parts.append(self._any_of(branches))
        kind = node.get("type")
        if kind is not None:
            parts.append(self._type(kind, node))
        if "enum" in node:
            parts.append(_enum(tuple(node["enum"])))
        if kind == "string" or "pattern" in node:
            parts.append(_string(node))
        if kind in ("integer", "number"):
            parts.append(_bounds(node))
        if kind == "array":
            parts.append(self._array(node))
        if kind == "object" or "properties" in node:
            parts.append(self._object(node))
        return parts

    def _type(self, kind: str, node: Mapping[str, Any]) -> Check:
        words = self.phrase(node)

        def check(value: object, path: Path, out: Found) -> None:
            if not _is_type(kind, value):
                out.append((path, f"must be {words}, got {shown(value)}"))

        return check

    def _any_of(self, branches: Sequence[Mapping[str, Any]]) -> Check:
        compiled = [self.compile(b) for b in branches]
        shapes = [self.resolve(b) for b in branches]
        required = [tuple(s.get("required", ())) for s in shapes]
        objects = all(s.get("type") == "object" for s in shapes)
        words = " or ".join(dict.fromkeys(self.phrase(b) for b in branches))
        wanted = ", or ".join(" and ".join(r) for r in required if r)

        def check(value: object, path: Path, out: Found) -> None:
            tries: list[Found] = []
            for branch in compiled:
                found: Found = []
                branch(value, path, found)
                if not found:
                    return
                tries.append(found)
            if objects and isinstance(value, Mapping):
                # The branch with the most of its required keys there says what is wrong.
                counts = [sum(k in value for k in keys) for keys in required]
                best = max(counts, default=0)
                if best:
                    out.extend(tries[counts.index(best)])
                else:
                    out.append((path, f"must have {wanted}"))
                return
            out.append((path, f"must be {words}, got {shown(value)}"))

        return check

    def _array(self, node: Mapping[str, Any]) -> Check | None:
        least, most = node.get("minItems"), node.get("maxItems")
        item = self.compile(node["items"]) if "items" in node else None

        def check(value: object, path: Path, out: Found) -> None:
            if not isinstance(value, list | tuple):
                return  # the type check reports it
            count = len(value)
            if least is not None and count < least:
                out.append(
                    (
                        path,
                        "must not be empty" if least == 1 else f"must have at least {least} items",
                    )
                )
            if most is not None and count > most:
                out.append((path, f"must have at most {most} items, got {count}"))
            if item is not None:
                for i, entry in enumerate(value):
                    item(entry, (*path, i), out)

        return check

    def _object(self, node: Mapping[str, Any]) -> Check:
        properties = {k: self.compile(v) for k, v in node.get("properties", {}).items()}
        known = tuple(properties)
        required = tuple(node.get("required", ()))
        required_set = frozenset(required)
        extra = node.get("additionalProperties", True)
        extra_check = self.compile(extra) if isinstance(extra, Mapping) else None

        def check(value: object, path: Path, out: Found) -> None:
            if not isinstance(value, Mapping):
                return  # the type check reports it
            if extra is not True and not value.keys() <= properties.keys():
                for key, entry in value.items():
                    if isinstance(key, str) and key in properties:
                        continue
                    if extra_check is not None:
                        extra_check(entry, (*path, str(key)), out)
                        continue
                    hint = suggestion(key, known) if isinstance(key, str) else ""
                    name = key if isinstance(key, str) else repr(key)
                    out.append(((*path, name), f"extraneous key {key!r} is not permitted{hint}"))
            # In the schema's order, so that messages read like the item.
            for key, found in properties.items():
                if key in value:
                    found(value[key], (*path, key), out)
                elif key in required_set:
                    out.append(((*path, key), "is required"))
            if not required_set <= value.keys():
                out.extend(
                    ((*path, k), "is required")
                    for k in required
                    if k not in value and k not in properties
                )

        return check


def _enum(values: tuple[Any, ...]) -> Check:
    allowed = frozenset(values)
    names = [v for v in values if isinstance(v, str)]
    listed = ", ".join(str(v) for v in values)

    def check(value: object, path: Path, out: Found) -> None:
        try:
            if value in allowed:
                return
        except TypeError:  # unhashable
            pass
        hint = suggestion(value, names) if isinstance(value, str) else ""
        out.append((path, f"unknown value {shown(value)}{hint}; known: {listed}"))

    return check


def _string(node: Mapping[str, Any]) -> Check | None:
    pattern = re.compile(node["pattern"]) if "pattern" in node else None
    hint = node.get("x-hint")
    least, most = node.get("minLength"), node.get("maxLength")
    if pattern is None and least is None and most is None:
        return None

    def check(value: object, path: Path, out: Found) -> None:
        if not isinstance(value, str):
            return
        if pattern is not None and not pattern.search(value):
            wanted = hint or f"text matching {pattern.pattern}"
            out.append((path, f"must be {wanted}, got {shown(value)}"))
        if least is not None and len(value) < least:
            out.append((path, "must not be empty" if least == 1 else f"needs {least}+ characters"))
        if most is not None and len(value) > most:
            out.append((path, f"must have at most {most} characters, got {len(value)}"))

    return check


def _bounds(node: Mapping[str, Any]) -> Check | None:
    low, high = node.get("minimum"), node.get("maximum")
    if low is None and high is None:
        return None

    def check(value: object, path: Path, out: Found) -> None:
        if not isinstance(value, int | float) or isinstance(value, bool):
            return
        if low is not None and value < low:
            out.append((path, f"must be at least {low}, got {value}"))
        if high is not None and value > high:
            out.append((path, f"must be at most {high}, got {value}"))

    return check
