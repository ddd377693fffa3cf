"""A misspelt top-level name is a type error (the lazy ``__getattr__`` is hidden from mypy)."""

from __future__ import annotations

from pathlib import Path

from mypy import api


def test_a_misspelt_name_fails_type_checking(tmp_path: Path) -> None:
    source = tmp_path / "user_code.py"
    source.write_text(
        "from catalog_clients import KlaviyoClientt\nfrom catalog_clients import KlaviyoClient\n"
    )
    out, _, status = api.run(["--strict", "--no-incremental", str(source)])
    assert status == 1
    assert 'has no attribute "KlaviyoClientt"' in out and out.count("error:") == 1
