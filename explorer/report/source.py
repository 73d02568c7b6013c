"""One loaded source for the whole build: the layers, the partnership registry and the
project's settings, so that a project's files are read once and the analysis and the report
see the same layers."""
from __future__ import annotations

from pathlib import Path
from typing import Any

__all__ = ["LoadedSource", "load_source"]


class LoadedSource(list):
    """The layers of a source (a list), with ``registry``, ``settings`` and ``path`` attributes
    that :func:`explorer.analysis.run_analysis` reads like a project's."""

    def __init__(self, layers, registry=None, settings=None, path=None):
        super().__init__(layers)
        self.registry = registry
        self.settings = settings
        self.path = path

    def describe(self) -> dict:
        """A JSON-ready description for the manifest."""
        if self.path:
            return {"kind": "project", "path": str(self.path)}
        return {"kind": "layers", "layers": [layer.name for layer in self]}


def _registry_of(source: Any):
    registry = getattr(source, "registry", None)
    if registry is not None:
        return registry
    if getattr(source, "registry_path", None):
        from layers.project import open_project_registry

        return open_project_registry(source)
    return None


def load_source(source: Any) -> LoadedSource:
    """Open ``source`` (a Project, a LoadedSource or a sequence of layers) once."""
    if isinstance(source, LoadedSource):
        return source
    from explorer.analysis.run import resolve_layers

    layers = resolve_layers(source)
    path = getattr(source, "path", None)
    return LoadedSource(layers, _registry_of(source), getattr(source, "settings", None),
                        Path(path) if path else None)
