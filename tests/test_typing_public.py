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


def test_category_dicts_are_checked_against_the_spec_shape(tmp_path: Path) -> None:
    source = tmp_path / "user_code.py"
    source.write_text(
        "from catalog_clients import CategoryDict, PropellerClient\n"
        'good: CategoryDict = {"id": 1, "language": "EN",\n'
        '    "names": [{"language": "EN", "value": "Bikes"}], "parent": {"id": 1}}\n'
        'typo: CategoryDict = {"id": 2, "language": "EN", "names": [], "parent": {"id": 1},\n'
        '    "colour": "red"}\n'
        'short: CategoryDict = {"id": 3, "language": "EN", "parent": {"id": 1}}\n'
        "def send(client: PropellerClient) -> int:\n"
        "    return client.bulk_upsert_categories_by_id([good]).created\n"
    )
    out, _, status = api.run(["--strict", "--no-incremental", str(source)])
    assert status == 1, out
    assert '"colour"' in out and '"names"' in out and out.count("error:") == 2, out
