"""Reading category files: JSON, JSONL and CSV, from a path or from standard input.

Pure parsing, no typer and no HTTP. Every reader yields ``Record(line, item)`` and raises
:class:`InputError` (naming the line) when the input cannot be read as categories at all.

The upsert command reads its input twice: a first pass that only checks and counts, then a
second pass that streams the items to the client. That is how "bad input, nothing sent" holds
for streamed JSONL and CSV without keeping millions of items in memory. Standard input is
spooled to a temporary file (in memory up to a few MB, then on disk) so it can be read twice.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, Literal

from ..propeller._validation import BY_ID, ItemRules
from .csv_input import read_csv
from .records import EmptyInput, InputError, Record, decode

__all__ = ["InputError", "InputFile", "LineMap", "Record", "format_for", "read_csv"]

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

# Keys of a failures-file line (see report.py): such a line feeds its "item" back in.
FAILURE_KEYS = frozenset({"index", "item", "reason"})


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

    def __init__(
        self,
        path: str,
        fmt: Format,
        *,
        stdin: IO[bytes] | None = None,
        rules: ItemRules = BY_ID,
        delimiter: str = ",",
    ) -> None:
        self.rules = rules  # which bulk operation's items (CSV columns follow its fields)
        self.delimiter = delimiter  # of a CSV input
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
                yield from read_csv(raw, self.rules, self.delimiter)


# --- JSON and JSONL ----------------------------------------------------------------------


def _reject_constant(name: str) -> Any:
    # NaN/Infinity are not JSON; sent on, they would make the request body invalid.
    raise ValueError(f"{name} is not valid JSON")


# --- line numbers of items ---------------------------------------------------------------


def _item_of(value: Any, where: str, *, line: int | None) -> dict[str, Any]:
    if not isinstance(value, dict):
        hint = ""
        if isinstance(value, list) and line is not None:
            hint = " (a JSON array of categories? read it with --format json)"
        raise InputError(
            f"{where} must be a JSON object, got {type(value).__name__}{hint}", line=line
        )
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
    text = decode(data)
    if not text.strip():
        raise EmptyInput("the input is empty")
    try:
        document = json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"not valid JSON: {exc.msg} (column {exc.colno})", line=exc.lineno
        ) from None
    except ValueError as exc:
        raise InputError(f"not valid JSON: {exc}") from None
    except RecursionError:
        raise InputError("not usable JSON: nested too deeply") from None
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
        text = decode(data, first_line=number)
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
        except RecursionError:
            raise InputError("not usable JSON: nested too deeply", line=number) from None
        yield Record(number, _item_of(value, "each line", line=number))


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
