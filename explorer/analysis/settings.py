"""Analysis parameters, the cancellation exception and the progress/cancel checkpoint.

:class:`AnalysisSettings` is a frozen record: the same settings always give the same numbers,
and a report can print them as the method's parameters.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any, Callable

from layers.roles import SENSITIVE_ROLES, Role

__all__ = [
    "MAX_RING_KM",
    "AnalysisSettings",
    "AnalysisCancelled",
    "ProgressCallback",
    "CancelledCallback",
    "checkpoint",
    "forward_progress",
    "scaled_progress",
]

#: ``progress(fraction, message)``, fraction in 0..1.
ProgressCallback = Callable[[float, str], None]
#: ``cancelled() -> bool``; True asks the engine to stop at the next checkpoint.
CancelledCallback = Callable[[], bool]


#: Largest ring (km).  Rings are geodesic buffers built in an azimuthal equidistant projection
#: centred on each subject; beyond about a quarter of the globe the far side folds back and
#: distances come out wrong, so rings are kept well inside that (checked up to 5,000 km).
MAX_RING_KM = 2000.0


class AnalysisCancelled(Exception):
    """Raised by the engine when ``cancelled()`` returned True at a checkpoint."""


@dataclass(frozen=True)
class AnalysisSettings:
    """Parameters of one analysis run.

    - ``rings_km``: distances of the proximity rings around each subject, in km (geodesic).
    - ``reach_km``: how far downstream to follow the flow from a subject, in km.
    - ``roles``: the sensitive roles whose features are measured against the subjects.
    - ``raster_change``: names of two raster layers (before, after) to compare, or ``()``.
    - ``mining_class``: the raster class that means mining (MapBiomas: 30).
    - ``edges``: how an edge between two vertices is read: ``"straight"`` in the layer's
      coordinates (OGC Simple Features, QGIS; the default) or ``"geodesic"`` (PostGIS
      ``geography``); see :mod:`explorer.analysis.geodesy`.
    - ``densify_m``: maximum edge length, in metres, when edges are densified (along the
      straight segment or the geodesic) before distances are measured.
    - ``pixel_rule``: ``"centre"`` (a pixel counts if its centre is inside) or ``"fraction"``.
    - ``workers``: processes to use for the heavy steps (1 = in-process).
    - ``proximity_roles``: the roles measured by the proximity step (basins are left to the
      downstream step by default).
    """

    rings_km: tuple[float, ...] = (1.0, 5.0, 10.0, 25.0, 50.0)
    reach_km: float = 100.0
    roles: tuple[Role, ...] = SENSITIVE_ROLES
    raster_change: tuple[str, ...] = ()
    mining_class: int = 30
    densify_m: float = 500.0
    edges: str = "straight"
    pixel_rule: str = "centre"
    workers: int = 1
    proximity_roles: tuple[Role, ...] = (Role.PROTECTED_AREA, Role.INDIGENOUS_TERRITORY,
                                         Role.RIVER, Role.COMMUNITY)

    def __post_init__(self) -> None:
        # to the 6 significant digits of the column labels (``within_2.5km``), duplicates dropped:
        # two rings must never share a column
        rings = tuple(sorted({float(f"{float(r):.6g}") for r in self.rings_km}))
        if any(not 0 < r <= MAX_RING_KM for r in rings):
            raise ValueError(f"rings must be distances in km above 0 and at most {MAX_RING_KM:g}, "
                             f"got {self.rings_km}")
        object.__setattr__(self, "rings_km", rings)
        object.__setattr__(self, "roles", tuple(Role(r) for r in self.roles))
        object.__setattr__(self, "proximity_roles", tuple(Role(r) for r in self.proximity_roles))
        object.__setattr__(self, "raster_change", tuple(self.raster_change))
        if self.reach_km < 0:
            raise ValueError(f"reach_km must not be negative, got {self.reach_km}")
        if self.edges not in ("straight", "geodesic"):
            raise ValueError(f"edges must be 'straight' or 'geodesic', got {self.edges!r}")
        if self.pixel_rule not in ("centre", "fraction"):
            raise ValueError(f"pixel_rule must be 'centre' or 'fraction', got {self.pixel_rule!r}")

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (roles by value), used by the project file and the manifest."""
        out = asdict(self)
        out["rings_km"] = list(self.rings_km)
        out["roles"] = [r.value for r in self.roles]
        out["proximity_roles"] = [r.value for r in self.proximity_roles]
        out["raster_change"] = list(self.raster_change)
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> "AnalysisSettings":
        """Inverse of :meth:`as_dict`; unknown keys are ignored, missing keys take defaults."""
        data = dict(data or {})
        known = {f.name for f in fields(cls)}
        kwargs = {k: v for k, v in data.items() if k in known}
        for key in ("rings_km", "roles", "raster_change", "proximity_roles"):
            if key in kwargs:
                kwargs[key] = tuple(kwargs[key])
        return cls(**kwargs)


def checkpoint(
    progress: ProgressCallback | None,
    cancelled: CancelledCallback | None,
    fraction: float,
    message: str,
) -> None:
    """Report progress and raise :class:`AnalysisCancelled` if the caller asked to stop."""
    if cancelled is not None and cancelled():
        raise AnalysisCancelled(message)
    if progress is not None:
        progress(min(max(float(fraction), 0.0), 1.0), message)


def forward_progress(progress: ProgressCallback | None) -> ProgressCallback | None:
    """``progress`` whose fraction never goes back (a step run again after a worker failed
    reports its own fractions, lower than those already reported: the bar holds instead)."""
    if progress is None:
        return None
    reached = [0.0]

    def _forward(fraction: float, message: str) -> None:
        reached[0] = max(reached[0], float(fraction))
        progress(reached[0], message)

    return _forward


def scaled_progress(
    progress: ProgressCallback | None, start: float, stop: float
) -> ProgressCallback | None:
    """A progress callback mapping a step's own 0..1 onto ``start..stop`` of the whole run."""
    if progress is None:
        return None

    def _scaled(fraction: float, message: str) -> None:
        progress(start + (stop - start) * min(max(float(fraction), 0.0), 1.0), message)

    return _scaled
