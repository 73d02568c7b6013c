"""``verify_pack``: re-hash the inputs and outputs of a pack, re-run the analysis and list
every difference.  The pack is sound only if the list is empty."""
from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .exports import csv_name, write_csv_tables
from .hashing import sha256_file
from .manifest import MANIFEST_NAME, read_manifest

__all__ = ["VerifyReport", "verify_pack", "compare_tables"]


@dataclass
class VerifyReport:
    """Differences found (empty when everything matches) and what was checked."""

    pack: Path
    differences: list[str] = field(default_factory=list)
    checked: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when nothing differs."""
        return not self.differences


def _check_files(entries, base: Path | None, kind: str, report: VerifyReport) -> None:
    for entry in entries:
        path = Path(entry["path"]) if base is None else base / entry["path"]
        if not path.is_file():
            report.differences.append(f"{kind} missing: {entry['path']}")
            continue
        digest = sha256_file(path)
        if digest != entry.get("sha256"):
            report.differences.append(f"{kind} changed: {entry['path']} (SHA-256 {digest[:16]}…, "
                                      f"manifest {str(entry.get('sha256'))[:16]}…)")
        else:
            report.checked.append(f"{kind} {entry['path']}")


def _extra_files(manifest: dict, pack: Path, report: VerifyReport) -> None:
    listed = {e["path"] for e in manifest["outputs"]} | {MANIFEST_NAME}
    for path in sorted(p for p in pack.rglob("*") if p.is_file()):
        name = path.relative_to(pack).as_posix()
        if name not in listed:
            report.differences.append(f"file not in the manifest: {name}")


def _read_csv(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")


def compare_tables(name: str, old: pd.DataFrame, new: pd.DataFrame, rtol: float = 1e-9) -> list[str]:
    """Differences between two tables read from CSV as text (numbers compared with ``rtol``)."""
    if list(old.columns) != list(new.columns):
        return [f"table {name}: columns differ ({list(old.columns)} vs {list(new.columns)})"]
    if len(old) != len(new):
        return [f"table {name}: {len(old)} rows in the pack, {len(new)} on re-run"]
    out = []
    for column in old.columns:
        a, b = old[column].to_numpy(), new[column].to_numpy()
        x, y = pd.to_numeric(old[column], errors="coerce"), pd.to_numeric(new[column], errors="coerce")
        numeric = x.notna().to_numpy() & y.notna().to_numpy()
        same = np.where(numeric, np.isclose(x.fillna(0), y.fillna(0), rtol=rtol, atol=1e-9), a == b)
        for row in np.flatnonzero(~same)[:5]:
            out.append(f"table {name}, row {row + 1}, {column}: pack {a[row]!r}, re-run {b[row]!r}")
    return out


def _rerun(manifest: dict, pack: Path, source: Any, report: VerifyReport) -> None:
    from explorer.analysis import AnalysisSettings, run_analysis

    settings = AnalysisSettings.from_dict(manifest.get("parameters"))
    result = run_analysis(source, settings)
    with tempfile.TemporaryDirectory() as tmp:
        write_csv_tables(result.tables(), tmp)
        for name in result.tables():
            packed = pack / csv_name(name)
            if not packed.is_file():
                report.differences.append(f"table {name}: {packed.name} missing from the pack")
                continue
            found = compare_tables(name, _read_csv(packed), _read_csv(Path(tmp) / csv_name(name)))
            report.differences += found
            if not found:
                report.checked.append(f"table {name} re-computed")


def verify_pack(pack_dir: str | Path, source: Any = None) -> VerifyReport:
    """Check the pack in ``pack_dir``: output hashes, input hashes, and (when ``source`` is
    given, loaded from the manifest's command) the re-computed tables."""
    pack = Path(pack_dir)
    manifest = read_manifest(pack)
    report = VerifyReport(pack)
    _check_files(manifest["outputs"], pack, "output", report)
    _extra_files(manifest, pack, report)
    _check_files(manifest["inputs"], None, "input", report)
    if source is None:
        report.differences.append("analysis not re-run: the source could not be loaded")
    else:
        _rerun(manifest, pack, source, report)
    return report
