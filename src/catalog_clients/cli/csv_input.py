"""Reading categories from CSV: one column per field of the spec's category. Pure.

The columns come from the generated plan of the bulk item (``CATEGORY_FIELDS``), so a field
added to the spec is a column after ``make generate``.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator
from typing import Any

from propeller_generated._rules import CATEGORY_FIELDS, SCHEMAS, Field

from .._schema import Compiler
from ..propeller._validation import BY_ID
from .records import InputError, Lines, Record

# CSV columns, one per field of the spec's category (Python spelling): ``id``, ``language``,
# ``parent_id``... Localized texts are ``<field>_<LANG>`` columns with the field's name in the
# singular, for example ``name_EN`` for ``names``.
_SCALARS = ("int", "str", "float", "bool")
CSV_PLAIN = {f.name: f for f in CATEGORY_FIELDS if f.kind in _SCALARS}
CSV_LOCALIZED = {f.name.removesuffix("s"): f for f in CATEGORY_FIELDS if f.pairs is not None}
_LOCALIZED_COLUMN = re.compile(
    "^(" + "|".join(map(re.escape, sorted(CSV_LOCALIZED, key=len, reverse=True))) + ")_(.+)$"
)


def _required_columns() -> tuple[list[str], list[list[list[str]]]]:
    """The columns a header must have, and the groups of which it must have one option whole
    (a parent by id, or by source id and source): from the schema's required fields."""
    by_path = {f.paths[0]: f.name for f in CATEGORY_FIELDS}
    schema = BY_ID.schema
    compiler = Compiler(SCHEMAS)
    plain: list[str] = []
    groups: list[list[list[str]]] = []
    for name in schema.get("required", ()):
        node = compiler.resolve(schema["properties"][name])
        branches = node.get("anyOf") or node.get("oneOf") or ()
        if branches:
            groups.append(
                [
                    [by_path[(name, key)] for key in compiler.resolve(b).get("required", ())]
                    for b in branches
                ]
            )
        elif by_path.get((name,)) in CSV_PLAIN:
            plain.append(by_path[(name,)])
    return plain, groups


_REQUIRED, _GROUPS = _required_columns()


def _csv_header(header: list[str]) -> list[str]:
    columns = [name.strip() for name in header]
    seen: set[str] = set()
    for name in columns:
        key = name.lower()
        if not name:
            raise InputError("the CSV header has an empty column name", line=1)
        if key in seen:
            raise InputError(f"the CSV header repeats the column {name!r}", line=1)
        seen.add(key)
        if key not in CSV_PLAIN and not _LOCALIZED_COLUMN.match(name):
            localized = ", ".join(f"{prefix}_<LANG>" for prefix in CSV_LOCALIZED)
            raise InputError(
                f"unknown CSV column {name!r}: expected {', '.join(CSV_PLAIN)}, and {localized}",
                line=1,
            )
    missing = [name for name in _REQUIRED if name not in seen]
    if missing:
        raise InputError(f"the CSV header lacks the column(s) {', '.join(missing)}", line=1)
    for options in _GROUPS:
        if not any(set(option) <= seen for option in options):
            wanted = ", or ".join(" and ".join(option) for option in options)
            raise InputError(f"the CSV header needs {wanted}", line=1)
    return columns


def _csv_value(field: Field, value: str, line: int) -> object:
    if field.kind == "int":
        try:
            return int(value)
        except ValueError:
            raise InputError(f"{field.name} {value!r} is not an integer", line=line) from None
    if field.kind == "float":
        try:
            return float(value)
        except ValueError:
            raise InputError(f"{field.name} {value!r} is not a number", line=line) from None
    if field.kind == "bool":
        if value.lower() not in ("true", "false"):
            raise InputError(f"{field.name} {value!r} is not true or false", line=line)
        return value.lower() == "true"
    return value


def _csv_item(columns: list[str], cells: list[str], line: int) -> dict[str, Any]:
    """One row as a wire-format category; empty cells are left out."""
    item: dict[str, Any] = {}
    for name, cell in zip(columns, cells, strict=True):
        if not cell.strip():
            continue
        value = cell.strip()
        field = CSV_PLAIN.get(name.lower())
        if field is not None:
            *parents, leaf = field.paths[0]
            target = item
            for step in parents:
                target = target.setdefault(step, {})
            target[leaf] = _csv_value(field, value, line)
            continue
        match = _LOCALIZED_COLUMN.match(name)
        assert match is not None  # the header was checked
        localized = CSV_LOCALIZED[match.group(1).lower()]
        assert localized.pairs is not None
        first, second = localized.pairs
        # Text keeps its inner spacing; only the cell's ends are trimmed.
        entry = {first: match.group(2).upper(), second: value}
        item.setdefault(localized.paths[0][0], []).append(entry)
    return item


def read_csv(raw: Iterable[bytes]) -> Iterator[Record]:
    """CSV with a header row; every row must have exactly as many cells as the header."""
    lines = Lines(raw)
    reader = csv.reader(lines, strict=True)
    try:
        header = next(reader, None)
        if header is None:
            raise InputError("the input is empty")
        columns = _csv_header(header)
        start = lines.number + 1
        for cells in reader:
            line = start
            start = lines.number + 1
            if not any(cell.strip() for cell in cells):
                continue  # a blank row
            if len(cells) != len(columns):
                raise InputError(
                    f"the row has {len(cells)} cells but the header has {len(columns)}", line=line
                )
            yield Record(line, _csv_item(columns, cells, line))
    except csv.Error as exc:
        raise InputError(f"not valid CSV: {exc}", line=lines.number) from None
