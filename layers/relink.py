"""Relinking a project whose data moved: list what is missing, point it at the new place, or
search a folder for the files by name.

Typical GUI flow::

    try:
        project = load_project(path)
    except MissingDataError as err:
        project = err.project
        relink(project, find_moved(project, folder_the_user_picked))
        still_missing = missing_data(project)
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Mapping

if TYPE_CHECKING:  # pragma: no cover
    from .project_model import Project

__all__ = ["missing_data", "relink", "find_moved"]


def missing_data(project: "Project") -> list[str]:
    """Every data path of ``project`` that does not exist, in drawing order."""
    return [path for path in project.data_paths() if not os.path.exists(path)]


def relink(project: "Project", old_to_new: Mapping[str | Path, str | Path]) -> "Project":
    """Point the layers of ``project`` at new paths, in place, and return the project.

    A key may be a data file (exact match) or a folder: every layer under a moved folder
    follows it, keeping the rest of its path.  The longest matching folder wins.  Call
    :func:`missing_data` afterwards for what is still missing.
    """
    moves = {_normal(old): _normal(new) for old, new in old_to_new.items()}
    folders = sorted(moves, key=len, reverse=True)
    for ref in project.layers:
        if ref.path in moves:
            ref.path = moves[ref.path]
            continue
        for old in folders:
            if ref.path.startswith(old.rstrip(os.sep) + os.sep):
                ref.path = os.path.join(moves[old], ref.path[len(old.rstrip(os.sep)) + 1:])
                break
    return project


def find_moved(project: "Project", search_folder: str | Path, *,
               max_entries: int = 200_000) -> dict[str, str]:
    """Search ``search_folder`` (recursively) for each missing data path by its name.

    Returns ``{old path: found path}``.  When several files share the name, the one whose
    parent folders match the old path best wins; a tie is left out rather than guessed.
    The walk stops after ``max_entries`` names so a huge folder cannot hang the app.
    """
    missing = {path: Path(path).name for path in missing_data(project)}
    wanted = set(missing.values())
    candidates: dict[str, list[str]] = {name: [] for name in wanted}
    seen = 0
    for folder, dirnames, filenames in os.walk(search_folder):
        for name in (*dirnames, *filenames):
            if name in wanted:
                candidates[name].append(os.path.join(folder, name))
        seen += len(dirnames) + len(filenames)
        if seen > max_entries:
            break
    found = {}
    for old, name in missing.items():
        best = _best_match(old, candidates[name])
        if best is not None:
            found[old] = _normal(best)
    return found


def _best_match(old: str, candidates: list[str]) -> str | None:
    if not candidates:
        return None
    scored = sorted(((_shared_tail(old, c), c) for c in candidates), reverse=True)
    if len(scored) > 1 and scored[0][0] == scored[1][0]:
        return None
    return scored[0][1]


def _shared_tail(a: str, b: str) -> int:
    count = 0
    for x, y in zip(reversed(Path(a).parts), reversed(Path(b).parts)):
        if x != y:
            break
        count += 1
    return count


def _normal(path: str | Path) -> str:
    return os.path.normpath(os.path.abspath(os.fspath(path)))
