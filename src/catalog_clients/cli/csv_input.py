"""Reading categories from CSV: one column per field of the spec's category. Pure.

The columns come from the generated plan of the bulk item (``CATEGORY_FIELDS``), so a field
added to the spec is a column after ``make generate``.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator
from typing import Any

from propeller_generated._rules import INPUT_PLANS, SCHEMAS, Field

from .._schema import Compiler
from ..propeller._validation import BY_ID, ItemRules
from .records import EmptyInput, InputError, Lines, Record

# CSV columns, one per field of the spec's category (Python spelling): ``id``, ``language``,
# ``parent_id``... Localized texts are ``<field>_<LANG>`` columns with the field's name in the
# singular, for example ``name_EN`` for ``names``.
_SCALARS = ("int", "str", "float", "bool")
# What --delimiter takes: a name or the character itself.
DELIMITERS = {"comma": ",", "semicolon": ";", "tab": "\t", "pipe": "|"}
_NAMES = {sign: name for name, sign in DELIMITERS.items()}


def delimiter_of(text: str) -> str:
    """The delimiter character of a --delimiter value; InputError for anything else."""
    sign = DELIMITERS.get(text.lower(), text)
    if len(sign) != 1 or sign in '"\r\n':
        names = ", ".join(DELIMITERS)
        raise InputError(f"--delimiter {text!r}: use one character, or one of {names}")
    return sign


class Columns:
    """The CSV columns of one bulk operation's items, from its field plan and schema."""

    def __init__(self, rules: ItemRules) -> None:
        plan = INPUT_PLANS[rules.item_schema]
        self.plain = {f.name: f for f in plan if f.kind in _SCALARS}
        self.localized = {f.name.removesuffix("s"): f for f in plan if f.pairs is not None}
        prefixes = sorted(self.localized, key=len, reverse=True)
        self.localized_column = re.compile("^(" + "|".join(map(re.escape, prefixes)) + ")_(.+)$")
        self.required, self.groups = self._required(plan, rules.schema)

    def _required(
        self, plan: tuple[Field, ...], schema: Any
    ) -> tuple[list[str], list[list[list[str]]]]:
        """The columns a header must have, and the groups of which it must have one option
        whole (a parent by id, or by source id and source): the schema's required fields."""
        by_path = {f.paths[0]: f.name for f in plan}
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
            elif by_path.get((name,)) in self.plain:
                plain.append(by_path[(name,)])
        return plain, groups

    def header(self, header: list[str]) -> list[str]:
        columns = [name.strip() for name in header]
        seen: set[str] = set()
        for name in columns:
            key = name.lower()
            if not name:
                raise InputError("the CSV header has an empty column name", line=1)
            if key in seen:
                raise InputError(f"the CSV header repeats the column {name!r}", line=1)
            seen.add(key)
            if key not in self.plain and not self.localized_column.match(name):
                localized = ", ".join(f"{prefix}_<LANG>" for prefix in self.localized)
                expected = f"{', '.join(self.plain)}, and {localized}"
                raise InputError(f"unknown CSV column {name!r}: expected {expected}", line=1)
        missing = [name for name in self.required if name not in seen]
        if missing:
            raise InputError(f"the CSV header lacks the column(s) {', '.join(missing)}", line=1)
        for options in self.groups:
            if not any(set(option) <= seen for option in options):
                wanted = ", or ".join(" and ".join(option) for option in options)
                raise InputError(f"the CSV header needs {wanted}", line=1)
        return columns

    def item(self, columns: list[str], cells: list[str], line: int) -> dict[str, Any]:
        """One row as a wire-format category; empty cells are left out."""
        item: dict[str, Any] = {}
        for name, cell in zip(columns, cells, strict=True):
            if not cell.strip():
                continue
            value = cell.strip()
            field = self.plain.get(name.lower())
            if field is not None:
                *parents, leaf = field.paths[0]
                target = item
                for step in parents:
                    target = target.setdefault(step, {})
                target[leaf] = _csv_value(field, value, line)
                continue
            match = self.localized_column.match(name)
            assert match is not None  # the header was checked
            localized = self.localized[match.group(1).lower()]
            assert localized.pairs is not None
            first, second = localized.pairs
            # Text keeps its inner spacing; only the cell's ends are trimmed.
            entry = {first: match.group(2).upper(), second: value}
            item.setdefault(localized.paths[0][0], []).append(entry)
        return item


_COLUMNS: dict[str, Columns] = {}


def columns_of(rules: ItemRules) -> Columns:
    found = _COLUMNS.get(rules.item_schema)
    if found is None:
        found = _COLUMNS[rules.item_schema] = Columns(rules)
    return found


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


def read_csv(
    raw: Iterable[bytes], rules: ItemRules = BY_ID, delimiter: str = ","
) -> Iterator[Record]:
    """CSV with a header row; every row must have exactly as many cells as the header."""
    lines = Lines(raw)
    reader = csv.reader(lines, strict=True, delimiter=delimiter)
    try:
        header = next(reader, None)
        if header is None:
            raise EmptyInput("the input is empty")
        layout = columns_of(rules)
        others = [sign for sign in DELIMITERS.values() if sign != delimiter]
        if len(header) == 1 and any(sign in header[0] for sign in others):
            # One column holding separators: the file is delimited by something else.
            found = next(sign for sign in others if sign in header[0])
            named = next(name for name, sign in DELIMITERS.items() if sign == found)
            raise InputError(
                f"the CSV header is one column holding {found!r}: the file is not "
                f"{_NAMES.get(delimiter, repr(delimiter))}-separated; read it with "
                f"--delimiter {named!r}",
                line=1,
            )
        columns = layout.header(header)
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
            yield Record(line, layout.item(columns, cells, line))
    except csv.Error as exc:
        raise InputError(f"not valid CSV: {exc}", line=lines.number) from None
