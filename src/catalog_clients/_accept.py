"""The spec's schemas as yes/no checks, compiled once: the fast first look at every item. Pure.

``_schema.Compiler`` collects every problem with its path and message; this says only yes or
no, so the common, valid item costs a few dict lookups. A no is explained by the Compiler.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from ._schema import Check, Found, _bounds, _is_type, _Refs

Accepts = Callable[[object], bool]
_EXACT = {"integer": (int,), "number": (int, float), "string": (str,), "boolean": (bool,)}


class Acceptor(_Refs[Accepts]):
    """Compiles schemas into yes/no checks: the fast first look at every item.

    It says yes to exactly what ``Compiler`` finds no problem in (a test holds the two to
    that); a no is then explained by the ``Compiler``'s check, which collects the problems.
    """

    def compile(self, node: Mapping[str, Any]) -> Accepts:
        if "$ref" in node:
            target = self.ref(node["$ref"])
            if node.get("nullable"):
                return lambda value: value is None or target(value)
            return target
        every = _all([c for c in self._parts(node) if c is not None])
        if node.get("nullable"):
            return lambda value: value is None or every(value)
        return every

    def _parts(self, node: Mapping[str, Any]) -> list[Accepts | None]:
        parts: list[Accepts | None] = [self.compile(n) for n in node.get("allOf", ())]
        branches = node.get("anyOf") or node.get("oneOf")
        if branches:
            compiled = [self.compile(b) for b in branches]
            parts.append(lambda value: any(branch(value) for branch in compiled))
        kind = node.get("type")
        if kind in _EXACT:
            exact = _EXACT[kind]
            # Exact types first (what JSON decodes to); subclasses (not bool for numbers) next.
            parts.append(lambda value: type(value) in exact or _is_type(kind, value))
        # (Arrays and objects: their own checks below test the type.)
        if "enum" in node:
            parts.append(_accepts_enum(tuple(node["enum"])))
        if "pattern" in node or "minLength" in node or "maxLength" in node:
            parts.append(_accepts_string(node))
        if "minimum" in node or "maximum" in node:
            parts.append(_as_accepts(_bounds(node)))
        if kind == "array":
            parts.append(self._array(node))
        if kind == "object" or "properties" in node:
            parts.append(self._object(node))
        return parts

    def _array(self, node: Mapping[str, Any]) -> Accepts:
        least, most = node.get("minItems", 0), node.get("maxItems")
        item = self.compile(node["items"]) if "items" in node else None

        def accepts(value: object) -> bool:
            if type(value) is not list and not isinstance(value, list | tuple):
                return False
            if len(value) < least or (most is not None and len(value) > most):
                return False
            if item is not None:
                for entry in value:
                    if not item(entry):
                        return False
            return True

        return accepts

    def _object(self, node: Mapping[str, Any]) -> Accepts:
        properties = {k: self.compile(v) for k, v in node.get("properties", {}).items()}
        required = frozenset(node.get("required", ()))
        extra = node.get("additionalProperties", True)
        closed = extra is False
        extra_check = self.compile(extra) if isinstance(extra, Mapping) else None
        known = frozenset(properties)

        def accepts(value: object) -> bool:
            if type(value) is not dict and not isinstance(value, Mapping):
                return False
            keys = value.keys()
            if not required <= keys or (closed and not keys <= known):
                return False
            for key, entry in value.items():
                check = properties.get(key)
                if check is not None:
                    if not check(entry):
                        return False
                elif extra_check is not None and not extra_check(entry):
                    return False
            return True

        return accepts


def _all(parts: list[Accepts]) -> Accepts:
    """One check that is true when every part is (in order, stopping at the first no)."""
    if not parts:
        return lambda value: True
    if len(parts) == 1:
        return parts[0]
    first, rest = parts[0], _all(parts[1:])
    return lambda value: first(value) and rest(value)


def _as_accepts(check: Check | None) -> Accepts:
    def accepts(value: object) -> bool:
        found: Found = []
        if check is not None:
            check(value, (), found)
        return not found

    return accepts


def _accepts_enum(values: tuple[Any, ...]) -> Accepts:
    allowed = frozenset(values)

    def accepts(value: object) -> bool:
        try:
            return value in allowed
        except TypeError:  # unhashable
            return False

    return accepts


def _accepts_string(node: Mapping[str, Any]) -> Accepts:
    search = re.compile(node["pattern"]).search if "pattern" in node else None
    least, most = node.get("minLength", 0), node.get("maxLength")

    def accepts(value: object) -> bool:
        if not isinstance(value, str):
            return True  # the type check decides
        if len(value) < least or (most is not None and len(value) > most):
            return False
        return search is None or search(value) is not None

    return accepts
