"""Emit ``operations.py`` into a generated package: one typed method per operation of the
spec, for ``client.operations.<operation_id>(**params)`` on the catalog_clients clients.

Each method takes the keyword arguments of the generated endpoint's ``_get_kwargs`` (the
same names and annotations openapi-python-client gave them; the Klaviyo revision header is
left out, since the client sends its configured revision) and returns the model of the
operation's success answer. The method only hands its arguments to the client's ``call``,
which sends them through the client's whole HTTP policy. Run by generate.py after
openapi-python-client and before the files are stamped, so `make check-generated` covers it.
"""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

from openapi_python_client.strings import PythonIdentifier
from rule_operations import operation
from spec_model import Spec

HEAD = '''"""One typed method per operation of spec/{spec}.yaml: ``client.operations``.

Emitted by scripts/operations.py. Each method sends its arguments through the catalog_clients
client's whole policy (credentials, revision, pacing, retries, typed errors) and returns the
generated model of the success answer.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, cast

{imports}

# (operation id, generated endpoint module, success model class, keyword arguments) -> the
# parsed success model.
Call = Callable[[str, Any, Any, dict[str, Any]], Any]
AsyncCall = Callable[[str, Any, Any, dict[str, Any]], Awaitable[Any]]
'''


def _signature(module: Path, skip: set[str]) -> list[tuple[str, str, str | None]]:
    """(name, annotation, default) of each keyword of the module's ``_get_kwargs``."""
    tree = ast.parse(module.read_text())
    function = next(
        n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "_get_kwargs"
    )
    args = function.args
    # Path parameters come first, positional; every one is passed by name here.
    positional = args.posonlyargs + args.args
    pairs: list[tuple[ast.arg, ast.expr | None]] = [(a, None) for a in positional]
    pairs += list(zip(args.kwonlyargs, args.kw_defaults, strict=True))
    found = []
    for arg, default in pairs:
        if arg.arg in skip:
            continue
        annotation = ast.unparse(arg.annotation) if arg.annotation else "Any"
        found.append((arg.arg, annotation, ast.unparse(default) if default else None))
    return found


def _success_model(module: Path) -> str | None:
    """The model class the generated ``_parse_response`` reads a 2xx answer with."""
    tree = ast.parse(module.read_text())
    function = next(
        n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "_parse_response"
    )
    for node in ast.walk(function):
        if not (isinstance(node, ast.If) and isinstance(node.test, ast.Compare)):
            continue
        status = node.test.comparators[0]
        if not (isinstance(status, ast.Constant) and 200 <= int(status.value) < 300):
            continue
        for inner in ast.walk(node):
            if (
                isinstance(inner, ast.Call)
                and isinstance(inner.func, ast.Attribute)
                and inner.func.attr == "from_dict"
                and isinstance(inner.func.value, ast.Name)
            ):
                return inner.func.value.id
    return None


def _names(text: str) -> set[str]:
    return {n.id for n in ast.walk(ast.parse(text, mode="eval")) if isinstance(n, ast.Name)}


def render(spec: Spec, package_dir: Path) -> str:
    models = set(_exported(package_dir / "models" / "__init__.py"))
    imports: set[str] = set()
    modules: list[str] = []
    methods: list[tuple[str, str, str, str, str]] = []
    for found in spec.operations():
        op = operation(spec, *found)
        name = str(PythonIdentifier(op["operation_id"], prefix="op_"))
        module = next((package_dir / "api").glob(f"*/{name}.py"))
        alias = f"_op{len(modules)}"
        modules.append(f"from .api.{module.parent.name} import {name} as {alias}")
        skip = {
            p["python"]
            for p in op["params"]
            if p["location"] == "header" and p["name"] == "revision"
        }
        signature = _signature(module, skip)
        response = _success_model(module) or "None"
        used = {response} | {n for _, a, d in signature for n in _names(a) | _names(d or "0")}
        imports |= used & models
        if used & {"Unset", "UNSET"}:
            imports |= {"types.Unset", "types.UNSET"} & {f"types.{n}" for n in used}
        params = "".join(f", {n}: {a}" + (f" = {d}" if d else "") for n, a, d in signature)
        call = "{" + ", ".join(f"{n!r}: {n}" for n, _, _ in signature) + "}"
        summary = f"{op['method']} {op['path']}"
        args = f"({op['operation_id']!r}, {alias}, {response}, {call})"
        methods.append((name, params, response, args, summary))
    lines = sorted(modules)
    from_models = sorted(i for i in imports if "." not in i)
    if from_models:
        lines.append(f"from .models import {', '.join(from_models)}")
    from_types = sorted(i.split(".")[1] for i in imports if i.startswith("types."))
    if from_types:
        lines.append(f"from .types import {', '.join(from_types)}")
    out = [HEAD.format(spec=spec.name, imports="\n".join(lines))]
    for cls, call_type, prefix, wait in (
        ("Operations", "Call", "def", ""),
        ("AsyncOperations", "AsyncCall", "async def", "await "),
    ):
        out.append(f"\n\nclass {cls}:")
        out.append(
            f'    """The operations of spec/{spec.name}.yaml, each sent through the client."""\n'
        )
        out.append(f"    def __init__(self, call: {call_type}) -> None:")
        out.append("        self._call = call")
        for name, params, response, args, summary in methods:
            star = ", *" if params else ""
            out.append(f"\n    {prefix} {name}(self{star}{params}) -> {response}:")
            out.append(f'        """{summary}"""')
            out.append(f"        return cast({response}, {wait}self._call{args})")
    return "\n".join(out) + "\n"


def _exported(init: Path) -> list[str]:
    tree = ast.parse(init.read_text())
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets
        ):
            value: Any = ast.literal_eval(node.value)
            return list(value)
    return []


def emit(spec_path: Path, package_dir: Path) -> None:
    (package_dir / "operations.py").write_text(render(Spec(spec_path), package_dir))
