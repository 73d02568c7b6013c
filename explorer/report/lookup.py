"""Find features of the analysis tables (by uid) back in their layers: geometry, row and
mapped attributes (holder, commodity, phase, ...) for the report's tables and maps."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from layers.model import VectorLayer

__all__ = ["FeatureRef", "FeatureIndex"]

_ATTRIBUTES = ("holder", "commodity", "phase", "status")


def _text(value) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


@dataclass(frozen=True)
class FeatureRef:
    """One feature: its layer, row position, uid, id, name and mapped attributes."""

    layer: VectorLayer
    row: int
    uid: str
    id: str
    name: str
    attributes: dict

    def geometry(self):
        """The feature's geometry in lon/lat."""
        return self.layer.geographic().geometry.iloc[self.row]


class FeatureIndex:
    """uid -> :class:`FeatureRef` for every feature of the vector layers (``"layer:id"``)."""

    def __init__(self, layers: Sequence[VectorLayer]):
        self._by_uid: dict[str, FeatureRef] = {}
        for layer in layers:
            self._add(layer)

    def _add(self, layer: VectorLayer) -> None:
        frame = layer.frame
        size = len(frame)
        id_col, name_col = layer.column("id"), layer.column("name")
        ids = [_text(v) for v in frame[id_col].tolist()] if id_col else [str(i) for i in range(size)]
        names = [_text(v) for v in frame[name_col].tolist()] if name_col else [""] * size
        columns = {k: [_text(v) for v in frame[c].tolist()]
                   for k in _ATTRIBUTES if (c := layer.column(k))}
        for row in range(size):
            uid = f"{layer.name}:{ids[row]}"
            if uid in self._by_uid or not ids[row]:
                uid = f"{uid}#{row}"
            attributes = {k: values[row] for k, values in columns.items()}
            self._by_uid[uid] = FeatureRef(layer, row, uid, ids[row], names[row], attributes)

    def get(self, uid: str) -> FeatureRef | None:
        """The feature with ``uid``, or None."""
        return self._by_uid.get(str(uid))

    def find_id(self, feature_id: str, layers: Sequence[VectorLayer] | None = None) -> list[FeatureRef]:
        """Every feature whose id (or uid) is ``feature_id``, optionally within ``layers``."""
        wanted = str(feature_id)
        names = {l.name for l in layers} if layers is not None else None
        return [ref for ref in self._by_uid.values()
                if (ref.id == wanted or ref.uid == wanted)
                and (names is None or ref.layer.name in names)]
