"""Proximity of subjects to sensitive features (placeholder)."""
from __future__ import annotations

__all__ = ["proximity_table", "ring_zones"]


def proximity_table(subjects, sensitive, settings, *, progress=None, cancelled=None):
    """Nearest feature per subject and role, and what lies within each ring."""
    return None


def ring_zones(subjects, rings_km):
    """The subjects and their rings as zones for raster statistics."""
    return subjects.assign(zone="subject", subject_uid=subjects["uid"])
