"""``build_report``: the one function behind ``mining-explorer report`` and the GUI's
"Export report…".  It runs the analysis and writes the whole evidence pack into a folder,
then zips the folder beside it.

Output file names are fixed here; nothing taken from attribute values becomes a path.
"""
from __future__ import annotations

import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Sequence

from layers.errors import LayerError

from .archive import zip_pack
from .data import ReportData
from .exports import GPKG_NAME, write_csv_tables, write_metrics_gpkg
from .html_map import build_html_map
from .inputs import input_files, input_records, layer_records, sample_catalogue
from .kmz import write_kmz
from .manifest import MANIFEST_NAME, PackRecord, build_manifest, write_manifest
from .popups import popup_rows
from .recipe import input_base, layer_recipe
from .source import LoadedSource, load_source
from .study_area import study_extent

__all__ = ["build_report", "ReportResult", "PackFolderError", "PDF_NAME", "HTML_NAME", "KMZ_NAME"]

PDF_NAME, HTML_NAME, KMZ_NAME = "report.pdf", "map.html", "map.kmz"

Progress = Callable[[float, str], None]


class PackFolderError(LayerError):
    """The output folder cannot be used (e.g. it holds files that are not a previous pack)."""


@dataclass
class ReportResult:
    """What :func:`build_report` wrote."""

    out_dir: Path
    zip_path: Path
    files: list[Path]
    manifest: dict
    analysis: Any
    pages: int
    seconds: float
    timings: dict[str, float] = field(default_factory=dict)
    #: CPU seconds (user + system of this process) per step, as ``timings`` holds wall seconds.
    cpu: dict[str, float] = field(default_factory=dict)


def _prepare_folder(out_dir: Path) -> None:
    if out_dir.exists() and not out_dir.is_dir():
        raise PackFolderError(out_dir, "exists and is not a folder")
    if out_dir.is_dir() and any(out_dir.iterdir()):
        if not (out_dir / MANIFEST_NAME).is_file():
            raise PackFolderError(out_dir, "is not empty and holds no evidence pack; choose an "
                                           "empty or new folder")
        shutil.rmtree(out_dir)  # a previous pack: replaced as a whole
    out_dir.mkdir(parents=True, exist_ok=True)


def _step(progress: Progress | None, cancelled, fraction: float, message: str) -> None:
    from explorer.analysis import AnalysisCancelled

    if cancelled is not None and cancelled():
        raise AnalysisCancelled(message)
    if progress is not None:
        progress(fraction, message)


def build_report(source: Any, settings=None, out_dir: str | Path = "evidence-pack", lang: str = "en",
                 focus: Sequence[str] = (), progress: Progress | None = None,
                 cancelled: Callable[[], bool] | None = None, *, command: Sequence[str] | None = None,
                 source_record: dict | None = None, title: str = "",
                 tiles: str | None = None) -> ReportResult:
    """Analyse ``source`` (a Project or a list of layers) and write the evidence pack.

    ``command`` is the argv that re-creates the pack (recorded in the manifest);
    ``progress(fraction, message)`` and ``cancelled()`` work as in ``run_analysis``.
    """
    from explorer.analysis import run_analysis
    from explorer.analysis.settings import scaled_progress

    start, timings, cpu = time.perf_counter(), {}, {}
    cpu_start = time.process_time()
    out_dir = Path(out_dir)
    _prepare_folder(out_dir)
    loaded: LoadedSource = load_source(source)
    _step(progress, cancelled, 0.0, "Analysing")
    analysis = run_analysis(loaded, settings, progress=scaled_progress(progress, 0.0, 0.5),
                            cancelled=cancelled)
    timings["analysis"] = time.perf_counter() - start
    cpu["analysis"] = time.process_time() - cpu_start
    data = ReportData(list(loaded), analysis, lang, tuple(focus), title, sources=sample_catalogue(),
                      registry=loaded.registry, command_line=_command_line(command))
    files = _write_outputs(data, out_dir, progress, cancelled, timings, tiles, cpu)
    paths = input_files(source, loaded, loaded.registry)
    base = input_base(paths)
    recipe, problems = layer_recipe(list(loaded), loaded.registry, base)
    record = PackRecord(command=list(command or []), source=_relative_source(source_record or loaded.describe(), base),
                        parameters=analysis.settings.as_dict(), lang=lang, focus=tuple(focus),
                        inputs=input_records(paths, base), layers=layer_records(loaded),
                        notes=list(analysis.notes), tables={k: int(len(v)) for k, v in data.tables.items()},
                        created=data.created, input_base=_base_record(base, out_dir), recipe=recipe,
                        recipe_problems=problems)
    manifest = build_manifest(record, out_dir, files)
    write_manifest(manifest, out_dir)
    _step(progress, cancelled, 0.97, "Zipping the pack")
    zip_path = zip_pack(out_dir)
    progress and progress(1.0, "Done")
    timings["manifest_zip"] = time.perf_counter() - start - sum(timings.values())
    cpu["manifest_zip"] = time.process_time() - cpu_start - sum(cpu.values())
    return ReportResult(out_dir, zip_path, files + [out_dir / MANIFEST_NAME], manifest, analysis,
                        data.pages, time.perf_counter() - start, timings, cpu)


def _base_record(base: Path | None, out_dir: Path) -> dict:
    """The input base folder relative to the pack folder (when it can be) and absolute."""
    import os

    if base is None:
        return {}
    try:
        relative = Path(os.path.relpath(base, out_dir.resolve())).as_posix()
    except ValueError:  # another drive
        relative = None
    return {"relative_to_pack": relative, "absolute": base.as_posix()}


def _relative_source(record: dict, base: Path | None) -> dict:
    """The source record with its paths relative to the input base."""
    from .recipe import relative_input

    record = dict(record)
    if record.get("path"):
        record["path"] = relative_input(record["path"], base)
    if record.get("files"):
        record["files"] = [dict(f, path=relative_input(f["path"], base)) for f in record["files"]]
    return record


def _command_line(command: Sequence[str] | None) -> str:
    import shlex

    return shlex.join(command) if command else ""


def _write_outputs(data: ReportData, out_dir: Path, progress, cancelled, timings, tiles,
                   cpu: dict | None = None) -> list[Path]:
    from explorer.render.language import render_language

    from .pdf_report import write_report_pdf
    from .qt_runtime import ensure_gui_application

    _ = data._
    files: list[Path] = []
    clock, cpu_clock = time.perf_counter(), time.process_time()
    _step(progress, cancelled, 0.5, "Writing tables")
    files += write_csv_tables(data.tables, out_dir)
    files.append(write_metrics_gpkg(data.tables, data.analysis.overlap_geometries, out_dir / GPKG_NAME))
    timings["tables"] = time.perf_counter() - clock
    if cpu is not None:
        cpu["tables"] = time.process_time() - cpu_clock
    popups = popup_rows(data.tables, _, data.lang)
    title = data.title or _("Mining impact evidence report")
    _step(progress, cancelled, 0.6, "Writing the HTML map")
    clock, cpu_clock = time.perf_counter(), time.process_time()
    files.append(build_html_map(data.layers, out_dir / HTML_NAME, title=title, popups=popups,
                                translate=_, tiles=tiles, extent=study_extent(data.layers, data.tables)))
    files.append(write_kmz(data.layers, out_dir / KMZ_NAME, title=title, popups=popups, translate=_))
    timings["html_kmz"] = time.perf_counter() - clock
    if cpu is not None:
        cpu["html_kmz"] = time.process_time() - cpu_clock
    _step(progress, cancelled, 0.7, "Writing the PDF report")
    clock, cpu_clock = time.perf_counter(), time.process_time()
    ensure_gui_application()
    with render_language(data.lang):  # the maps' own words (legend, classes) in the report's language
        data.pages = write_report_pdf(data, out_dir / PDF_NAME)
    files.append(out_dir / PDF_NAME)
    timings["pdf"] = time.perf_counter() - clock
    if cpu is not None:
        cpu["pdf"] = time.process_time() - cpu_clock
    return files
