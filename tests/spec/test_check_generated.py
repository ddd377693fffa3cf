"""``make check-generated`` notices a hand edit, a deleted file and an extra file."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
from check_generated import differences  # noqa: E402


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    shutil.copytree(
        ROOT / "generated", tmp_path / "generated", ignore=shutil.ignore_patterns("__pycache__")
    )
    return tmp_path / "generated"


def test_identical_trees_have_no_differences(copy: Path) -> None:
    assert differences(ROOT / "generated", copy) == []


def test_a_hand_edit_is_reported_with_its_file(copy: Path) -> None:
    edited = copy / "klaviyo_generated" / "models" / "job_status.py"
    edited.write_text(edited.read_text() + "\n# a hand edit\n")
    (report,) = differences(ROOT / "generated", copy)
    assert report.startswith("generated/klaviyo_generated/models/job_status.py differs")
    assert "+# a hand edit" in report or "-# a hand edit" in report


def test_missing_and_extra_files_are_reported(copy: Path) -> None:
    (copy / "propeller_generated" / "client.py").unlink()
    (copy / "propeller_generated" / "extra.py").write_text("x = 1\n")
    reports = differences(ROOT / "generated", copy)
    assert sorted(r.split(" ")[0] for r in reports) == [
        "generated/propeller_generated/client.py",
        "generated/propeller_generated/extra.py",
    ]
