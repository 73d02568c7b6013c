"""Partnerships and their projects against the overlap and proximity tables.

One row per (partnership, project); a partnership with no project gets one row with empty
project columns, and projects that name no partnership are grouped under an empty
``partnership`` id.  Per partnership: ``n_projects``, ``n_located`` and ``n_undisclosed``
(projects whose location is not disclosed: a finding in itself, not missing data),
``n_touching`` (projects overlapping a sensitive feature or with one within the largest
ring), its parties, instrument, focus areas and whether its text is public
(``text_public``).  Per project: whether its location is disclosed and how precise it is, the
sensitive features it overlaps (``overlaps``, ``n_overlaps``), those within the proximity
rings (``near``, ``n_near``, each with the smallest ring it lies in) and the distance to the
nearest sensitive feature (``nearest_km``).  Projects are matched to the engine's tables by
id (``concession_id``), restricted to project subjects when the table says which ones
(``concession_role``), else to the uids of the layers that the overlap table marks as
projects or of the projects layer (``concession_uid`` = ``"<layer>:<id>"``), else by id.
"""
from __future__ import annotations

import re

import numpy as np
import pandas as pd

__all__ = ["PARTNERSHIP_COLUMNS", "partnership_table", "registry_frames"]

PARTNERSHIP_COLUMNS = [
    "partnership", "partnership_name", "parties", "instrument", "focus_areas", "text_public",
    "n_projects", "n_located", "n_undisclosed", "n_touching",
    "project_id", "project_name", "operator", "country", "commodity", "location_disclosed",
    "location_precision", "overlaps", "n_overlaps", "near", "n_near", "nearest_km",
]
_PARTNER_FIELDS = ["id", "name", "parties", "instrument", "focus_areas", "text_public"]
_PROJECT_FIELDS = ["id", "name", "operator", "country", "commodity", "partnership_ids",
                   "disclosed", "location_precision"]


def _join(value) -> str:
    if isinstance(value, (tuple, list)):
        return "; ".join(str(v) for v in value)
    return "" if value is None or (isinstance(value, float) and np.isnan(value)) else str(value)


def _ids(value) -> tuple[str, ...]:
    if isinstance(value, (tuple, list)):
        return tuple(str(v) for v in value)
    text = _join(value)
    return tuple(p.strip() for p in re.split(r"[;,]", text) if p.strip())


def _disclosed(frame: pd.DataFrame) -> pd.Series:
    if "disclosed" in frame.columns:
        return frame["disclosed"].fillna(False).astype(bool)
    if {"latitude", "longitude"} <= set(frame.columns):
        return frame["latitude"].notna() & frame["longitude"].notna()
    if "geometry" in frame.columns:
        return frame["geometry"].notna() & ~frame["geometry"].map(lambda g: g is None or g.is_empty)
    return pd.Series(True, index=frame.index)


def registry_frames(source, partnerships=None) -> tuple[pd.DataFrame, pd.DataFrame, str | None]:
    """(partnerships, projects, projects layer name) from a Registry, a projects VectorLayer,
    or a plain DataFrame of projects (with an optional DataFrame of partnerships)."""
    if hasattr(source, "partnerships") and hasattr(source, "projects"):
        partners = pd.DataFrame([vars(p) for p in source.partnerships])
        projects = pd.DataFrame([{**vars(p), "disclosed": p.disclosed} for p in source.projects])
        return partners, projects, "Partnership projects"
    layer_name = None
    if hasattr(source, "frame") and hasattr(source, "role"):
        layer_name, source = source.name, source.frame
    projects = pd.DataFrame(source).copy()
    projects["disclosed"] = _disclosed(projects)
    partners = pd.DataFrame(partnerships) if partnerships is not None else pd.DataFrame()
    return partners, projects, layer_name


def _normal(frame: pd.DataFrame, fields: list[str]) -> pd.DataFrame:
    out = pd.DataFrame(index=frame.index)
    for name in fields:
        out[name] = frame[name] if name in frame.columns else ""
    out["id"] = out["id"].map(_join)
    return out.reset_index(drop=True)


def _project_prefixes(overlaps) -> set[str]:
    """Layer prefixes of the uids the overlap table marks as project subjects."""
    if overlaps is None or not len(overlaps) or not {"concession_role", "concession_uid"} <= set(overlaps):
        return set()
    uids = overlaps.loc[overlaps["concession_role"].astype(str) == "project", "concession_uid"]
    return {str(u).rsplit(":", 1)[0] for u in uids}


def _subject_rows(table, ids, prefixes: set[str]) -> pd.DataFrame:
    """Rows of ``table`` about the projects ``ids``: by ``concession_role`` when the table has
    it, else by the uid's layer prefix when one is known and matches, else by id alone."""
    if table is None or not len(table) or "concession_id" not in table.columns:
        return pd.DataFrame(columns=["concession_id"])
    keep = table["concession_id"].astype(str).isin(ids)
    if "concession_role" in table.columns:
        return table[keep & (table["concession_role"].astype(str) == "project")]
    if prefixes and "concession_uid" in table.columns:
        layer = table["concession_uid"].astype(str).str.rsplit(":", n=1).str[0]
        by_layer = keep & layer.isin(prefixes)
        if by_layer.any():
            return table[by_layer]
    return table[keep]


def _overlap_text(rows: pd.DataFrame) -> str:
    return "; ".join(f"{r.role}: {r.feature_name or r.feature_id}" for r in rows.itertuples())


def _ring_of(row, ring_cols) -> str:
    return next((c.removeprefix("within_") for c in ring_cols if bool(row[c])), "")


def _near(rows: pd.DataFrame) -> tuple[str, int, float]:
    if not len(rows):
        return "", 0, np.nan
    nearest = float(rows["distance_m"].min()) / 1000 if "distance_m" in rows else np.nan
    ring_cols = sorted((c for c in rows.columns if c.startswith("within_")),
                       key=lambda c: float(re.sub(r"[^0-9.]", "", c) or "inf"))
    within = rows[rows[ring_cols].any(axis=1)] if ring_cols else rows.iloc[0:0]
    text = "; ".join(f"{r['role']}: {r['feature_name'] or r['feature_id']} ({_ring_of(r, ring_cols)})"
                     for _, r in within.iterrows())
    return text, len(within), nearest


def _project_findings(projects, overlaps, proximity, layer_name) -> pd.DataFrame:
    ids = set(projects["id"])
    prefixes = _project_prefixes(overlaps) | ({layer_name} if layer_name else set())
    over = _subject_rows(overlaps, ids, prefixes)
    prox = _subject_rows(proximity, ids, prefixes)
    rows = []
    for pid in projects["id"]:
        mine = over[over["concession_id"].astype(str) == pid]
        text, n_near, nearest = _near(prox[prox["concession_id"].astype(str) == pid])
        rows.append({"id": pid, "overlaps": _overlap_text(mine) if len(mine) else "",
                     "n_overlaps": len(mine), "near": text, "n_near": n_near, "nearest_km": nearest})
    return projects.merge(pd.DataFrame(rows, columns=["id", "overlaps", "n_overlaps", "near",
                                                      "n_near", "nearest_km"]), on="id", how="left")


def _partner_rows(partner: dict, members: pd.DataFrame) -> list[dict]:
    touching = int(((members["n_overlaps"] > 0) | (members["n_near"] > 0)).sum())
    head = {"partnership": partner["id"], "partnership_name": _join(partner["name"]),
            "parties": _join(partner["parties"]), "instrument": _join(partner["instrument"]),
            "focus_areas": _join(partner["focus_areas"]), "text_public": _join(partner["text_public"]),
            "n_projects": len(members), "n_located": int(members["disclosed"].sum()),
            "n_undisclosed": int((~members["disclosed"]).sum()), "n_touching": touching}
    if not len(members):
        return [head]
    return [{**head, "project_id": m.id, "project_name": _join(m.name), "operator": _join(m.operator),
             "country": _join(m.country), "commodity": _join(m.commodity),
             "location_disclosed": bool(m.disclosed), "location_precision": _join(m.location_precision),
             "overlaps": m.overlaps, "n_overlaps": int(m.n_overlaps), "near": m.near,
             "n_near": int(m.n_near), "nearest_km": m.nearest_km}
            for m in members.itertuples()]


def partnership_table(registry_or_projects, overlaps_df=None, proximity_df=None, *,
                      partnerships=None) -> pd.DataFrame:
    """The partnership table (columns :data:`PARTNERSHIP_COLUMNS`; definitions in the module
    notes).  ``registry_or_projects`` is a ``layers.partnerships.Registry``, the projects
    ``VectorLayer``, or a DataFrame of projects (``id``, ``name``, ``partnership_ids``, and
    ``disclosed`` or ``latitude``/``longitude`` or ``geometry``); ``partnerships`` optionally
    gives a DataFrame of partnerships for the last two forms."""
    partners, projects, layer_name = registry_frames(registry_or_projects, partnerships)
    partners = _normal(partners, _PARTNER_FIELDS) if len(partners) else pd.DataFrame(columns=_PARTNER_FIELDS)
    projects = _normal(projects, _PROJECT_FIELDS)
    projects["partnership_ids"] = projects["partnership_ids"].map(_ids)
    projects["disclosed"] = projects["disclosed"].fillna(False).astype(bool) if len(projects) else []
    projects = _project_findings(projects, overlaps_df, proximity_df, layer_name)
    known = {str(p): dict(row) for p, row in zip(partners["id"], partners.to_dict("records"))}
    for pid in sorted({i for ids in projects["partnership_ids"] for i in ids} - set(known)):
        known[pid] = {f: (pid if f == "id" else "") for f in _PARTNER_FIELDS}
    rows = []
    for pid, partner in known.items():
        members = projects[projects["partnership_ids"].map(lambda ids, p=pid: p in ids)]
        rows.extend(_partner_rows(partner, members))
    orphans = projects[projects["partnership_ids"].map(len) == 0]
    if len(orphans):
        rows.extend(_partner_rows({f: "" for f in _PARTNER_FIELDS}, orphans))
    return pd.DataFrame(rows, columns=PARTNERSHIP_COLUMNS)
