"""Read vector layers: GeoPackage, Shapefile (plain or zipped), GeoJSON, KML/KMZ, FlatGeobuf,
GeoParquet and CSV with lon/lat or WKT columns, with provenance and reported repairs.

Choices, written down:

- A file with several layers and no ``layer=``: the first layer with geometry is read, and the
  choice is recorded as a ``choose_layer`` repair naming all layers.  A zip holding several
  datasets works the same way; ``layer=`` then names a dataset by its path in the archive or
  its stem.  A zip holding one dataset passes ``layer=`` on to that dataset.
- A layer without a CRS raises MissingCRSError unless ``crs=`` is given (recorded as an
  ``assign_crs`` repair); the file's own CRS always wins over ``crs=``.  GeoJSON is CRS84 by
  RFC 7946, KML is WGS 84.  CSV rule: see :mod:`layers.tabular`.
- Geometries are checked and repaired by :func:`layers.repair.repair_geometries`.
- Every error is a :class:`~layers.errors.LayerError` naming the file.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .archive import DATASET_SUFFIXES, datasets_in, extracted, pick_dataset
from .boundary import guarded, user_path
from .encoding import EncodingChoice
from .errors import LayerError, MissingCRSError, UnreadableFileError, UnsupportedFormatError
from .fields import detect_mapping, suggest_role
from .formats import Format, check_signature, detect_format
from .model import Provenance, Repair, VectorLayer
from .ogr import ogr_layers, read_ogr
from .provenance import LoadClock, bounds_lonlat, crs_label, hash_files, sidecar_files
from .repair import repair_geometries
from .roles import Role
from .tabular import read_csv, read_parquet

__all__ = ["read_vector", "list_layers", "existing_file"]


@dataclass
class _Raw:
    frame: object
    layer: str
    driver: str
    encoding: EncodingChoice | None
    repairs: list[Repair] = field(default_factory=list)
    crs_in_file: bool = True  # False for tables, whose CRS is supplied or assumed
    entry: str | None = None  # the dataset read inside an archive


def existing_file(path) -> Path:
    """The path as a Path if it names an existing regular file; else a LayerError naming it."""
    source = user_path(path)
    if not source.exists():
        raise UnreadableFileError(source, "the file does not exist")
    if source.is_dir():
        raise UnsupportedFormatError(source, "this is a folder, not a file; open a file inside it")
    if not source.is_file():
        raise UnsupportedFormatError(source, "this is not a regular file (a device, pipe or socket)")
    return source


def _checked_format(source: Path) -> Format:
    fmt = detect_format(source)
    check_signature(source, fmt)
    return fmt


def _archive_suffixes(fmt: Format) -> tuple[str, ...]:
    return (".kml",) if fmt.key == "kmz" else DATASET_SUFFIXES


def _read_archive(source: Path, fmt: Format, layer, crs, encoding) -> _Raw:
    with extracted(source) as folder:
        datasets = datasets_in(folder, _archive_suffixes(fmt))
        inner = pick_dataset(source, folder, datasets, layer if len(datasets) > 1 else None)
        try:
            raw = _read_raw(inner, _checked_format(inner), layer if len(datasets) == 1 else None, crs, encoding)
        except LayerError as exc:
            raise _in_archive(exc, source, inner.relative_to(folder).as_posix(), folder) from exc
    raw.driver = f"{raw.driver} in {fmt.label}"
    raw.entry = inner.relative_to(folder).as_posix()
    if len(datasets) > 1:
        relative = inner.relative_to(folder).as_posix()
        if layer is None:
            names = ", ".join(p.relative_to(folder).as_posix() for p in datasets)
            raw.repairs.insert(0, Repair("choose_layer", len(datasets),
                                         f"the archive holds {len(datasets)} datasets ({names}); read the "
                                         f"first, '{relative}'; name another to read it"))
        raw.layer = relative
    return raw


def _in_archive(exc: LayerError, archive: Path, inner: str, folder: Path) -> LayerError:
    """The same kind of error, naming the archive (not the temporary folder) and the entry."""
    problem = exc.problem.replace(f"{folder}/", "").replace(str(folder), "")
    try:
        return type(exc)(archive, f"in '{inner}': {problem}")
    except TypeError:  # an error class with another signature
        return UnreadableFileError(archive, f"in '{inner}': {problem}")


def _read_raw(source: Path, fmt: Format, layer, crs, encoding) -> _Raw:
    if fmt.kind == "raster":
        raise UnsupportedFormatError(source, "this is a raster (GeoTIFF), not a vector layer; open it as a raster")
    if fmt.kind == "archive":
        return _read_archive(source, fmt, layer, crs, encoding)
    if fmt.key == "csv":
        frame, repairs, choice = read_csv(source, crs, encoding)
        return _Raw(frame, source.stem, "CSV", choice, repairs, crs_in_file=False)
    if fmt.key == "geoparquet":
        frame, repairs, choice = read_parquet(source, crs)
        return _Raw(frame, source.stem, "GeoParquet", choice, repairs, crs_in_file=choice.source == "format")
    got = read_ogr(source, layer, encoding)
    return _Raw(got.frame, got.layer, got.driver, got.encoding, got.repairs)


def _with_crs(frame, source: Path, crs, repairs: list[Repair], entry: str | None = None):
    if frame.crs is not None:
        return frame
    if crs is None:
        hint = " (its .prj file is missing or cannot be understood)" if Path(entry or source).suffix.lower() == ".shp" else ""
        where = f"in '{entry}': " if entry else ""
        raise MissingCRSError(source, f"{where}the data has no coordinate reference system{hint}; it is never "
                                      "guessed: supply the CRS it uses (e.g. EPSG:4674 for SIRGAS 2000)")
    try:
        frame = frame.set_crs(crs)
    except Exception as exc:
        raise MissingCRSError(source, f"the data has no CRS and the one supplied ({crs!r}) is not valid") from exc
    repairs.append(Repair("assign_crs", len(frame), f"the file has no CRS; {crs_label(frame.crs)} supplied by the user"))
    return frame


#: Largest |longitude| and |latitude| accepted in a geographic CRS (0..360 longitudes exist).
_LON_SPAN, _LAT_SPAN = (-180.5, 360.5), 90.5


def _check_degrees(frame, source: Path, crs, repairs: list[Repair]):
    """A geographic CRS whose coordinates are not degrees has the wrong CRS: use the caller's, or say so."""
    if frame.crs is None or not frame.crs.is_geographic or len(frame) == 0:
        return frame
    minx, miny, maxx, maxy = frame.total_bounds
    if minx != minx or (_LON_SPAN[0] <= minx and maxx <= _LON_SPAN[1] and max(abs(miny), abs(maxy)) <= _LAT_SPAN):
        return frame
    declared = crs_label(frame.crs)
    if crs is None or _is_geographic(crs):
        raise MissingCRSError(source, f"the file declares {declared} (longitude/latitude in degrees) but its "
                                      f"coordinates reach x={maxx:.6g}, y={maxy:.6g}, which are not degrees; "
                                      "supply the CRS they are really in (e.g. EPSG:31976, SIRGAS 2000 / UTM 22N)")
    frame = frame.set_crs(crs, allow_override=True)
    repairs.append(Repair("replace_crs", len(frame), f"the file declares {declared} but its coordinates are not "
                                                     f"degrees; {crs_label(frame.crs)} supplied by the user was used"))
    return frame


def _is_geographic(crs) -> bool:
    from pyproj import CRS

    return CRS.from_user_input(crs).is_geographic


def _role(role, mapping) -> Role:
    if role is None:
        return suggest_role(mapping) or Role.CONTEXT
    return role if isinstance(role, Role) else Role.parse(str(role))


def _display_name(name, raw: _Raw, source: Path) -> str:
    if name:
        return str(name)
    return Path(raw.layer).stem if "/" in raw.layer or raw.layer.endswith(".shp") else (raw.layer or source.stem)


@guarded
def read_vector(path, layer=None, *, role=None, crs=None, encoding=None, name=None) -> VectorLayer:
    """Read one vector layer with its provenance; raise a LayerError subclass on bad input.

    ``layer`` picks a layer (GeoPackage, KML) or a dataset in a zip; ``role`` defaults to the
    role suggested by the recognised field mapping, else CONTEXT; ``crs`` is used only for data
    that has none; ``encoding`` overrides the declared or detected attribute encoding.
    """
    clock = LoadClock()
    source = existing_file(path)
    fmt = _checked_format(source)
    if fmt.kind == "raster":
        raise UnsupportedFormatError(source, "this is a raster (GeoTIFF), not a vector layer; open it as a raster")
    files = hash_files(sidecar_files(source))
    raw = _read_raw(source, fmt, layer, crs, encoding)
    repairs = list(raw.repairs)
    original_crs = crs_label(raw.frame.crs) if raw.crs_in_file else None
    frame = _with_crs(raw.frame, source, crs, repairs, raw.entry)
    frame = _check_degrees(frame, source, crs, repairs)
    mapping = detect_mapping([c for c in frame.columns if c != frame.geometry.name])
    chosen_role = _role(role, mapping)
    frame, fixes = repair_geometries(frame, source, chosen_role)
    provenance = Provenance(
        path=str(source.resolve()), layer_name=raw.layer, driver=raw.driver, sha256=files[0][1],
        files=files, original_crs=original_crs, feature_count=len(frame),
        bounds=bounds_lonlat(frame.total_bounds, frame.crs), loaded_at=clock.started_at,
        load_seconds=clock.seconds(), encoding=raw.encoding.codec if raw.encoding else None,
        repairs=tuple(repairs + fixes),
    )
    return VectorLayer(_display_name(name, raw, source), chosen_role, frame, provenance, mapping)


def _archive_layers(source: Path, fmt: Format) -> list[tuple[str, str]]:
    with extracted(source) as folder:
        datasets = datasets_in(folder, _archive_suffixes(fmt))
        if not datasets:
            pick_dataset(source, folder, datasets, None)  # raises NoDatasetInArchiveError
        listed = []
        for inner in datasets:
            relative = inner.relative_to(folder).as_posix()
            try:
                layers = _layers_of(inner, _checked_format(inner))
            except LayerError as exc:
                raise _in_archive(exc, source, relative, folder) from exc
            if len(datasets) == 1:
                return layers
            listed.append((relative, layers[0][1] if layers else "Unknown"))
        return listed


def _layers_of(source: Path, fmt: Format) -> list[tuple[str, str]]:
    if fmt.kind == "raster":
        return [(source.stem, "Raster")]
    if fmt.kind == "archive":
        return _archive_layers(source, fmt)
    if fmt.key in ("csv", "geoparquet"):
        raw = _read_raw(source, fmt, None, None, None)
        kinds = sorted(set(raw.frame.geom_type.dropna())) or ["Unknown"]
        return [(source.stem, kinds[0] if len(kinds) == 1 else "Unknown")]
    return [(name, kind or "Table") for name, kind in ogr_layers(source)]


@guarded
def list_layers(path) -> list[tuple[str, str]]:
    """(layer name, geometry type) of every layer in a file; "Table" marks a layer without geometry.

    A zip holding several datasets lists each dataset by its path in the archive.
    """
    source = existing_file(path)
    return _layers_of(source, _checked_format(source))
