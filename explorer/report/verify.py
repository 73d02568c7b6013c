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
from .recipe import base_candidates, find_input, load_recipe

__all__ = ["VerifyReport", "verify_pack", "compare_tables", "recorded_source"]


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
        _compare_hash(path, entry, kind, report)


def _compare_hash(path: Path, entry: dict, kind: str, report: VerifyReport) -> None:
    digest = sha256_file(path)
    if digest != entry.get("sha256"):
        report.differences.append(f"{kind} changed: {entry['path']} (SHA-256 {digest[:16]}…, "
                                  f"manifest {str(entry.get('sha256'))[:16]}…)")
    else:
        report.checked.append(f"{kind} {entry['path']}")


def _check_inputs(manifest: dict, bases: list[Path], report: VerifyReport) -> None:
    """Each recorded input, found under the first base folder that has it, re-hashed."""
    where = ", ".join(str(b) for b in bases) or "no recorded folder"
    for entry in manifest["inputs"]:
        path = find_input(entry["path"], bases)
        if path is None:
            report.differences.append(f"input missing: {entry['path']} (looked in {where})")
        else:
            _compare_hash(path, entry, "input", report)


def recorded_source(manifest: dict, pack: Path, bases: list[Path] | None = None):
    """(source, reason): the inputs of the pack loaded again from the files the manifest names
    (a project file, or the layer recipe), or None and why they cannot be."""
    from layers.errors import LayerError

    bases = bases if bases is not None else base_candidates(manifest, pack)
    recipe = manifest.get("recipe") or {}
    problems = list(recipe.get("problems") or [])
    if problems:
        return None, "; ".join(problems) + ", so the analysis cannot be re-run from files"
    source = manifest.get("source") or {}
    try:
        if source.get("kind") == "project" and source.get("path"):
            found = find_input(source["path"], bases)
            if found is None:
                return None, f"the project file {source['path']} is missing"
            from layers.project import load_project

            return load_project(found), ""
        if not recipe.get("layers"):
            return None, "the manifest records no layer recipe (written by an older version)"
        return load_recipe(recipe["layers"], bases), ""
    except LayerError as error:
        return None, str(error)


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
    """Check the pack in ``pack_dir``: output hashes, input hashes (inputs are looked for
    relative to the pack first, then at their recorded place), and the re-computed tables.

    The inputs are loaded again from the files the manifest names, unless ``source`` is given.
    An analysis that cannot be re-run is a difference (the pack is not shown to match).
    """
    pack = Path(pack_dir)
    manifest = read_manifest(pack)
    report = VerifyReport(pack)
    bases = base_candidates(manifest, pack)
    _check_files(manifest["outputs"], pack, "output", report)
    _extra_files(manifest, pack, report)
    _check_inputs(manifest, bases, report)
    reason = ""
    if source is None:
        source, reason = recorded_source(manifest, pack, bases)
    if source is None:
        report.differences.append(f"analysis not re-run: {reason or 'the inputs could not be loaded'}")
    else:
        _rerun(manifest, pack, source, report)
    return report
