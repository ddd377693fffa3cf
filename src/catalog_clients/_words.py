"""How a problem with a value is worded: its path, the value shown, a "did you mean" hint."""

from __future__ import annotations

from collections.abc import Sequence

Path = tuple[str | int, ...]


def shown(value: object) -> str:
    """A value as an error message shows it: scalars as repr (cut at 60), containers by kind."""
    if value is None:
        return "null"
    if isinstance(value, bool | int | float | str):
        text = repr(value)
        return text if len(text) <= 60 else text[:57] + "..."
    return type(value).__name__


def path_text(path: Path) -> str:
    """``("names", 0, "language")`` -> ``names[0].language``."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def camel_case(name: str) -> str:
    """``short_descriptions`` -> ``shortDescriptions`` (the wire spelling)."""
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def suggestion(key: str, known: Sequence[str]) -> str:
    """A " (did you mean ...?)" hint for a misspelt name, or ""."""
    camel = camel_case(key)
    if camel != key and camel in known:
        return f" (did you mean {camel!r}?)"
    import difflib  # here: only a refusal needs it, not every import of the package

    close = difflib.get_close_matches(key, known, n=1, cutoff=0.75)
    return f" (did you mean {close[0]!r}?)" if close else ""
