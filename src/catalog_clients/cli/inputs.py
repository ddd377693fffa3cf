"""Reading category files: JSON, JSONL and CSV, from a path or from standard input.

Pure parsing, no typer and no HTTP. Every reader yields ``Record(line, item)`` and raises
:class:`InputError` (naming the line) when the input cannot be read as categories at all.

The upsert command reads its input twice: a first pass that only checks and counts, then a
second pass that streams the items to the client. That is how "bad input, nothing sent" holds
for streamed JSONL and CSV without keeping millions of items in memory. Standard input is
spooled to a temporary file (in memory up to a few MB, then on disk) so it can be read twice.
"""

from __future__ import annotations

import csv
import json
import re
import shutil
import sys
import tempfile
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, Literal, NamedTuple

from propeller_generated._rules import CATEGORY_FIELDS, SCHEMAS, Field

from .._schema import Compiler
from ..propeller._validation import BY_ID

Format = Literal["json", "jsonl", "csv"]
FORMATS: tuple[Format, ...] = ("json", "jsonl", "csv")
EXTENSIONS: dict[str, Format] = {
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
}
# Standard input has no extension; JSONL is the streaming format, so it is the default there.
STDIN_FORMAT: Format = "jsonl"
SPOOL_MEMORY_BYTES = 8 * 1024 * 1024

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


# Keys of a failures-file line (see report.py): such a line feeds its "item" back in.
FAILURE_KEYS = frozenset({"index", "item", "reason"})


class InputError(Exception):
    """The input cannot be read as categories: exit code 2, and nothing is sent."""

    def __init__(self, message: str, *, line: int | None = None) -> None:
        self.line = line
        super().__init__(f"line {line}: {message}" if line is not None else message)


class Record(NamedTuple):
    line: int | None  # 1-based line of the file where the item starts; None for JSON
    item: dict[str, Any]


def format_for(path: str, explicit: str | None) -> Format:
    """The input format: --format if given, else from the file's extension."""
    if explicit:
        fmt = explicit.lower()
        if fmt not in FORMATS:
            raise InputError(f"unknown format {explicit!r}: use one of {', '.join(FORMATS)}")
        return fmt
    if path == "-":
        return STDIN_FORMAT
    suffix = Path(path).suffix.lower()
    if suffix not in EXTENSIONS:
        raise InputError(
            f"cannot tell the format of {path!r} from its extension; pass --format json|jsonl|csv"
        )
    return EXTENSIONS[suffix]


class InputFile:
    """A re-readable input: the named file, or standard input spooled to a temporary file."""

    def __init__(self, path: str, fmt: Format, *, stdin: IO[bytes] | None = None) -> None:
        self.path = path
        self.format = fmt
        self.name = "<stdin>" if path == "-" else path
        self._spool: IO[bytes] | None = None
        if path == "-":
            source = stdin if stdin is not None else sys.stdin.buffer
            spool = tempfile.SpooledTemporaryFile(max_size=SPOOL_MEMORY_BYTES)  # noqa: SIM115
            shutil.copyfileobj(source, spool)
            self._spool = spool
        else:
            p = Path(path)
            if not p.exists():
                raise InputError(f"{path}: no such file")
            if p.is_dir():
                raise InputError(f"{path}: is a directory")

    def __enter__(self) -> InputFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._spool is not None:
            self._spool.close()
            self._spool = None

    @contextmanager
    def _opened(self) -> Iterator[IO[bytes]]:
        if self._spool is not None:
            self._spool.seek(0)
            yield self._spool
            return
        try:
            raw = open(self.path, "rb")  # noqa: SIM115  (closed just below)
        except OSError as exc:
            raise InputError(f"{self.path}: {exc.strerror or exc}") from None
        with raw:
            yield raw

    def records(self) -> Iterator[Record]:
        """Parse the whole input, lazily for JSONL and CSV; raises InputError."""
        with self._opened() as raw:
            if self.format == "json":
                yield from read_json(raw)
            elif self.format == "jsonl":
                yield from read_jsonl(raw)
            else:
                yield from read_csv(raw)


# --- JSON and JSONL ----------------------------------------------------------------------


def _reject_constant(name: str) -> Any:
    # NaN/Infinity are not JSON; sent on, they would make the request body invalid.
    raise ValueError(f"{name} is not valid JSON")


def _decode(data: bytes, *, first_line: int = 1) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = first_line + data.count(b"\n", 0, exc.start)
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise InputError(
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at column {column})", line=line
        ) from None


def _item_of(value: Any, where: str, *, line: int | None) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise InputError(f"{where} must be a JSON object, got {type(value).__name__}", line=line)
    if value.keys() >= FAILURE_KEYS and isinstance(value["item"], dict):
        # A line of a failures file: send its item again.
        item: dict[str, Any] = value["item"]
        return item
    return value


def read_json(raw: IO[bytes]) -> Iterator[Record]:
    """A JSON document: a list of categories, or ``{"categories": [...]}``."""
    data = raw.read()
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    text = _decode(data)
    if not text.strip():
        raise InputError("the input is empty")
    try:
        document = json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"not valid JSON: {exc.msg} (column {exc.colno})", line=exc.lineno
        ) from None
    except ValueError as exc:
        raise InputError(f"not valid JSON: {exc}") from None
    items = BY_ID.items_property  # a request body's own shape is accepted too
    if isinstance(document, dict) and isinstance(document.get(items), list):
        document = document[items]
    if not isinstance(document, list):
        raise InputError(f'a JSON input must be a list of categories or {{"{items}": [...]}}')
    for index, value in enumerate(document):
        yield Record(None, _item_of(value, f"item {index}", line=None))


def read_jsonl(raw: Iterable[bytes]) -> Iterator[Record]:
    """One JSON object per line; blank lines are skipped. Read line by line, never whole."""
    for number, data in enumerate(raw, start=1):
        if number == 1 and data.startswith(b"\xef\xbb\xbf"):
            data = data[3:]
        text = _decode(data, first_line=number)
        if not text.strip():
            continue
        try:
            value = json.loads(text, parse_constant=_reject_constant)
        except json.JSONDecodeError as exc:
            raise InputError(
                f"not valid JSON: {exc.msg} (column {exc.colno})", line=number
            ) from None
        except ValueError as exc:
            raise InputError(f"not valid JSON: {exc}", line=number) from None
        yield Record(number, _item_of(value, "each line", line=number))


# --- CSV ---------------------------------------------------------------------------------


class _Lines:
    """Decoded physical lines for csv.reader, so a bad byte is reported with its line."""

    def __init__(self, raw: Iterable[bytes]) -> None:
        self._raw = iter(raw)
        self.number = 0

    def __iter__(self) -> Iterator[str]:
        for data in self._raw:
            self.number += 1
            if self.number == 1 and data.startswith(b"\xef\xbb\xbf"):
                data = data[3:]
            yield _decode(data, first_line=self.number)


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
    lines = _Lines(raw)
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


# --- line numbers of items ---------------------------------------------------------------


class LineMap:
    """Maps an item's index to its line, storing only where the two stop moving together.

    A JSONL file without blank lines needs one entry, whatever its size.
    """

    def __init__(self) -> None:
        self._indexes: list[int] = []
        self._offsets: list[int] = []

    def add(self, index: int, line: int | None) -> None:
        if line is None:
            return
        offset = line - index
        if not self._offsets or self._offsets[-1] != offset:
            self._indexes.append(index)
            self._offsets.append(offset)

    def line_of(self, index: int) -> int | None:
        position = bisect_right(self._indexes, index) - 1
        return None if position < 0 else index + self._offsets[position]
