"""What every input reader yields (``Record``) or raises (``InputError``), and decoding. Pure."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, NamedTuple


class InputError(Exception):
    """The input cannot be read as categories: exit code 2, and nothing is sent."""

    def __init__(self, message: str, *, line: int | None = None) -> None:
        self.line = line
        super().__init__(f"line {line}: {message}" if line is not None else message)


class EmptyInput(InputError):
    """The input holds no categories at all: exit 2, unless ``--allow-empty`` makes it
    "nothing to do" (the failures file of a run that fully succeeded)."""


class Record(NamedTuple):
    line: int | None  # 1-based line of the file where the item starts; None for JSON
    item: dict[str, Any]


def decode(data: bytes, *, first_line: int = 1) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = first_line + data.count(b"\n", 0, exc.start)
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise InputError(
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at column {column})", line=line
        ) from None


class Lines:
    """Decoded physical lines for csv.reader, so a bad byte is reported with its line."""

    def __init__(self, raw: Iterable[bytes]) -> None:
        self._raw = iter(raw)
        self.number = 0

    def __iter__(self) -> Iterator[str]:
        for data in self._raw:
            self.number += 1
            if self.number == 1 and data.startswith(b"\xef\xbb\xbf"):
                data = data[3:]
            yield decode(data, first_line=self.number)
