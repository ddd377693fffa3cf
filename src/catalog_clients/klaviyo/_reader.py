"""Reading a jobs page: the decoded JSON, checked value by value into ``Job`` objects. Pure.

What is read, and from where, is the spec's: the generated plans (``_rules.JOB_FIELDS`` and
friends) give each field's JSON path and kind. Each value is checked for its kind on the way
in, and the first mismatch raises ``Mismatch`` naming its JSON path, which the core turns
into a ``ResponseDecodeError`` that keeps the raw body. Unknown fields are kept (in
``Job.raw``), unknown statuses keep their text, and nulls are None.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any

import attrs
from klaviyo_generated import _rules

from ._kinds import IDENTIFIER_ID, Mismatch, Path, Reader, _where, mismatch
from ._kinds import READERS as _PLAIN_READERS
from ._models import Job
from ._paging import LIST_JOBS


def _models(value: object, base: str, path: Path, field: _rules.Field) -> Any:
    if value is None:
        return []
    if type(value) is not list:
        mismatch(_where(base, path), "a list or null", value)
    if not value:
        return []
    assert field.model is not None
    base = _where(base, path)
    return [read_model(entry, field.model, f"{base}[{k}]") for k, entry in enumerate(value)]


READERS: dict[str, Reader] = {**_PLAIN_READERS, "models": _models}


def _at(obj: dict[str, Any], path: tuple[str, ...], base: str) -> object:
    """The value at ``path`` (None when a step is missing or null)."""
    value: object = obj
    for depth, step in enumerate(path):
        if value is None:
            return None
        if type(value) is not dict:
            mismatch(_where(base, path[:depth]), "an object or null", value)
        value = value.get(step)
    return value


# Kinds whose common value is taken as it is when its type is exactly this (the kind's reader
# is called for anything else, and names the mismatch).
_PLAIN = {"str": "str", "text": "str", "code": "str", "int": "int", "object": "dict"}


def _positional(cls: Any, arguments: list[str], namespace: dict[str, Any]) -> list[str]:
    """``name=value`` arguments of an attrs class as positional ones, in its ``__init__``'s
    order, with the defaults of those not given: a call with eleven keywords costs twice one
    with eleven positions. Other classes (and keyword-only fields) keep the keywords."""
    if not attrs.has(cls):
        return arguments
    given = dict(a.split("=", 1) for a in arguments)
    fields = [f for f in attrs.fields(cls) if f.init and not f.kw_only]
    count = max((k + 1 for k, f in enumerate(fields) if f.alias in given), default=0)
    positional = []
    for f in fields[:count]:
        if f.alias in given:
            positional.append(given.pop(f.alias))
        elif getattr(f.default, "takes_self", False):
            return arguments
        elif hasattr(f.default, "factory"):  # an attrs.Factory
            namespace[f"default_{f.alias}"] = f.default.factory
            positional.append(f"default_{f.alias}()")
        else:
            namespace[f"default_{f.alias}"] = f.default
            positional.append(f"default_{f.alias}")
    return positional + [f"{name}={value}" for name, value in given.items()]


def compile_plan(
    plan: Sequence[_rules.Field],
    cls: Callable[..., Any],
    required: Sequence[str] = (),
    *,
    keep_raw: bool = False,
) -> Callable[[object, str], Any]:
    """``read(obj, base) -> cls(...)`` for one field plan, compiled once into straight-line
    Python (as attrs compiles ``__init__``): each JSON object the fields live in is looked up
    once, each field is one ``get`` and an exact type check, and the kind's reader is called
    only for what is not plain. The source is kept on the function as ``__source__``."""
    containers: dict[tuple[str, ...], str] = {(): "obj"}
    lines = [
        "def read(obj, base):",
        "    if type(obj) is not dict:",
        "        mismatch(base, 'an object', obj)",
    ]
    lines += [
        f"    if {key!r} not in obj:\n"
        f'        raise Mismatch(f"{{base}}: a required key is missing: {key!r}")'
        for key in required
    ]
    namespace: dict[str, Any] = {"mismatch": mismatch, "Mismatch": Mismatch, "cls": cls}
    namespace |= {"where": _where, "fromiso": datetime.fromisoformat, "UTC": UTC}
    for field in plan:
        for path in field.paths:
            parent = path[:-1]
            if parent not in containers:
                name = containers[parent] = f"c{len(containers)}"
                lines.append(f"    {name} = obj.get({parent[0]!r})")
                for depth in range(1, len(parent) + 1):  # step by step, as ``_at`` does
                    lines.append(f"    if {name} is not None and type({name}) is not dict:")
                    lines.append(
                        f"        mismatch(where(base, {parent[:depth]!r}), 'an object or null',"
                        f" {name})"
                    )
                    if depth < len(parent):
                        lines.append(f"    if {name} is not None:")
                        lines.append(f"        {name} = {name}.get({parent[depth]!r})")
    arguments = []
    for i, field in enumerate(plan):
        namespace[f"r{i}"], namespace[f"f{i}"] = READERS[field.kind], field
        first = True
        for path in field.paths:  # an alias after the field's own path
            container = containers[path[:-1]]
            lookup = f"{container}.get({path[-1]!r})"
            if container != "obj":
                lookup = f"({lookup} if {container} is not None else None)"
            if first:
                lines.append(f"    v{i} = {lookup}")
                namespace[f"p{i}"] = path
                first = False
            else:  # the alias's path is the one a mismatch names
                lines.append(f"    if v{i} is None:")
                lines.append(f"        v{i} = {lookup}")
                lines.append(f"        p{i} = {path!r}")
        if len(field.paths) > 1:
            lines.insert(len(lines) - 3 * (len(field.paths) - 1), f"    p{i} = {field.paths[0]!r}")
        plain = _PLAIN.get(field.kind)
        call = f"r{i}(v{i}, base, p{i}, f{i})"
        if plain:
            lines.append(f"    if v{i} is not None and type(v{i}) is not {plain}:")
            lines.append(f"        v{i} = {call}")
        elif field.kind == "datetime":  # the common UTC text parsed in line; the reader
            # handles the rest ("z", offsets, no offset, out of range) and names a mismatch
            lines.append(f"    if v{i} is not None:")
            lines.append("        try:")
            lines.append(f"            d = fromiso(v{i})")
            lines.append("        except (TypeError, ValueError):")
            lines.append("            d = None")
            lines.append(f"        v{i} = d if d is not None and d.tzinfo is UTC else {call}")
        elif field.kind == "enum":  # a known value straight from the enum's table
            assert field.model is not None
            namespace[f"e{i}"] = {m.value: m for m in _rules.ENUMS[field.model]}
            lines.append(f"    if v{i} is not None:")
            lines.append(
                f"        v{i} = (e{i}.get(v{i}) if type(v{i}) is str else None) or {call}"
            )
        elif field.kind == "models":  # each entry read by the model's own compiled plan
            assert field.model is not None
            namespace[f"m{i}"] = model_reader(field.model)
            lines.append(f"    if v{i} is None or v{i} == []:")
            lines.append(f"        v{i} = []")
            lines.append(f"    elif type(v{i}) is list:")
            lines.append("        try:")
            lines.append(f"            v{i} = [m{i}(e, base) for e in v{i}]")
            lines.append("        except Mismatch:  # read again, to name the entry's path")
            lines.append(f"            v{i} = {call}")
            lines.append("    else:")
            lines.append(f"        v{i} = {call}")
        elif field.kind == "ids":  # each identifier checked in line; on the first that is
            # not an object with the keys and a string id, the reader reads the list again
            keys = "".join(f" and {k!r} in e" for k in field.keys if k != IDENTIFIER_ID)
            is_id = f"type(e) is dict{keys} and type(x := e.get({IDENTIFIER_ID!r})) is str"
            lines += [
                f"    if v{i} is None or v{i} == []:\n        v{i} = []",
                f"    elif type(v{i}) is list:\n        ids = []\n        for e in v{i}:",
                f"            if {is_id}:\n                ids.append(x)",
                f"            else:\n                ids = {call}\n                break",
                f"        v{i} = ids\n    else:\n        v{i} = {call}",
            ]
        else:
            lines.append(f"    v{i} = None if v{i} is None else {call}")
        arguments.append(f"{field.name}=v{i}")
    if keep_raw:  # Job.raw builds the generated model from the decoded object when first read
        arguments.append("raw=obj")
    lines.append(f"    return cls({', '.join(_positional(cls, arguments, namespace))})")
    source = "\n".join(lines)
    exec(compile(source, f"<plan of {getattr(cls, '__name__', cls)}>", "exec"), namespace)
    read: Callable[[object, str], Any] = namespace["read"]
    read.__source__ = source  # type: ignore[attr-defined]
    return read


_COMPILED: dict[str, Callable[[object, str], Any]] = {}


def model_reader(name: str) -> Callable[[object, str], Any]:
    """``read(obj, base)`` for the response model ``name`` (``_rules.MODELS``), compiled once."""
    read = _COMPILED.get(name)
    if read is None:
        # A stand-in first, so that a model that contains itself compiles too.
        _COMPILED[name] = lambda obj, base: _COMPILED[name](obj, base)
        cls, plan, _, required = _rules.MODELS[name]
        read = _COMPILED[name] = compile_plan(plan, cls, required)
    return read


def read_model(obj: object, name: str, base: str) -> Any:
    """The response model ``name`` (``_rules.MODELS``) read from the JSON object ``obj``."""
    return model_reader(name)(obj, base)


def _alias_until(operation: _rules.Operation) -> dict[str, str]:
    """Sparse-field names with a last revision (``job_id`` until 2023-10-15): up to it, the
    field of that name is the one the spec declares, so it wins over a newer alias."""
    found: dict[str, str] = {}
    for param in operation.params:
        if param.fieldset is not None:
            found |= {k: until for k, (_, until) in param.fieldset.revisions.items() if until}
    return found


_ALIAS_UNTIL = _alias_until(LIST_JOBS)
_REQUIRED = _rules.MODELS[Job.__name__][3]


@functools.cache
def _compiled(old: tuple[str, ...]) -> Callable[[object, str], Any]:
    """The job reader that tries the paths of the field names in ``old`` first (compiled
    on first use, once per set)."""
    plan = tuple(
        f._replace(paths=tuple(sorted(f.paths, key=lambda p: p[-1] not in old)))
        for f in _rules.JOB_FIELDS
    )
    return compile_plan(plan, Job, _REQUIRED, keep_raw=True)


def read_job(obj: object, base: str) -> Job:
    """One job object of an answer of the newest shape."""
    job: Job = _compiled(())(obj, base)
    return job


@functools.cache
def job_reader(revision: str | None) -> Callable[[object, str], Any]:
    """The job reader for the answers of ``revision`` (computed once per revision): on
    revisions that still declare an old field name, that name's path is tried first (a
    top-level ``id`` there is undeclared)."""
    old = (
        ()
        if revision is None
        else tuple(name for name, until in _ALIAS_UNTIL.items() if revision[:10] <= until)
    )
    return _compiled(old)


def read_page(
    body: object,
    items: str | None,
    links_path: Sequence[str],
    link_names: Sequence[str],
    revision: str | None = None,
) -> tuple[list[Job], dict[str, str | None]]:
    """The jobs under ``items`` and the links (``link_names``, each a string or null) of the
    links object at ``links_path``; other keys of that object are left alone."""
    if type(body) is not dict:
        mismatch("the body", "a JSON object", body)
    data = body.get(items) if items else None
    if type(data) is not list:
        mismatch(items or "the body", "a list of jobs", data)
    read = job_reader(revision)
    try:
        jobs = [read(item, items or "") for item in data]
    except Mismatch:  # read again, to name the job's index
        jobs = [read(item, f"{items}[{i}]") for i, item in enumerate(data)]
    links = _at(body, tuple(links_path), "") if links_path else None
    if links is None:
        return jobs, {}
    if type(links) is not dict:
        mismatch(_where("", links_path), "an object or null", links)
    found: dict[str, str | None] = {}
    for name in link_names:
        if name in links:
            link = links[name]
            if link is not None and type(link) is not str:
                mismatch(_where("", (*links_path, name)), "a string or null", link)
            found[name] = link
    return jobs, found
