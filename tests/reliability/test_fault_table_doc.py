"""docs/fault-table.md must be exactly what scripts/fault_table.py writes from the fault table."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "fault_table.py"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("fault_table_script", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_fault_table_doc_is_current() -> None:
    script = _script()
    assert script.DOC.exists(), "docs/fault-table.md is missing: run `make fault-table`"
    assert script.DOC.read_text(encoding="utf-8") == script.render(), (
        "docs/fault-table.md differs from the fault table: run `make fault-table`"
    )


def test_every_wire_fault_names_a_test_that_exists() -> None:
    script = _script()
    here = Path(__file__).resolve().parent
    for case in script.WIRE_FAULTS:
        path, name = case.test.split("::")
        source = (here / path).read_text(encoding="utf-8")
        assert f"def {name}(" in source, case.test


def test_every_fault_has_a_row() -> None:
    script = _script()
    text = script.render().split(script.WIRE_HEADER)[0]
    rows = [line for line in text.splitlines() if line.startswith("| ")][1:]
    assert [row.split(" | ")[0].removeprefix("| ") for row in rows] == [
        case.fault for case in script.FAULTS
    ]


def test_check_mode_reports_a_stale_doc(tmp_path: Path) -> None:
    script = _script()
    script.DOC = tmp_path / "fault-table.md"
    script.ROOT = tmp_path
    script.DOC.write_text(script.render().replace("recovers", "survives", 1), encoding="utf-8")
    assert script.main(["--check"]) == 1
    assert script.main([]) == 0  # rewritten
    assert script.main(["--check"]) == 0
