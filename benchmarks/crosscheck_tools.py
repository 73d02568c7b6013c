"""Shared constants and process helpers of the cross-check (see crosscheck_reference.py)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "sample_data"
REL_TOL = 1e-3
ABS_TOL_HA = 0.01
GEODESIC_SPACING_M = 100
DISTANCE_ROLES = ("protected_area", "indigenous_territory")
DIST_REL_TOL, DIST_ABS_TOL_M = 1e-3, 1.0
AREA_EPS_HA = 1e-7  # 1e-3 m²: below this an "overlap" is a touching edge
SCHEMA = "crosscheck"
POLYGON_ROLES = ("protected_area", "indigenous_territory", "basin")
COMMANDS: list[str] = []
WORK_HINT: list[Path] = []
ENGINE_SECONDS: list[float] = []


def run(cmd: list[str], *, input_text: str | None = None, env: dict | None = None,
        cwd: Path | None = None) -> str:
    """Run a command, record it, return stdout; raise with stderr on failure."""
    shown = ["<engine snippet, see ENGINE_SNIPPET>" if "\n" in c else c for c in cmd]
    text = " ".join(f"'{c}'" if " " in c else c for c in shown) if cmd[0] != "su" else f"su postgres -c '{cmd[-1]}'"
    text = text.replace(str(WORK_HINT[0]), "$WORK") if WORK_HINT else text
    if text not in COMMANDS:
        COMMANDS.append(text)
    res = subprocess.run(cmd, input=input_text, capture_output=True, text=True, cwd=cwd,
                         env=env if env is not None else os.environ)
    if res.returncode:
        raise RuntimeError(f"{' '.join(cmd)} failed ({res.returncode}):\n{res.stderr[-3000:]}")
    return res.stdout


def qgis_env() -> dict[str, str]:
    """Environment for qgis_process: offscreen Qt, and no trace of our Python interpreter.

    qgis_process embeds the system Python; a PATH or PYTHONHOME pointing at another Python
    (pyenv, a virtualenv) makes its embedded interpreter crash on start.
    """
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("PYTHON", "PYENV", "VIRTUAL_ENV"))}
    exe_dir = str(Path(sys.executable).parent)
    env["PATH"] = os.pathsep.join(p for p in env.get("PATH", "").split(os.pathsep)
                                  if p != exe_dir and ".pyenv" not in p)
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def as_postgres(command: str) -> list[str]:
    """``command`` run as the ``postgres`` OS user (peer authentication) when we are root."""
    return ["su", "postgres", "-c", command] if os.geteuid() == 0 else ["sh", "-c", command]


def psql(sql: str, db: str) -> str:
    """Run SQL through psql (unaligned, tuples only) and return its stdout."""
    return run(as_postgres(f"psql -d {db} -v ON_ERROR_STOP=1 -q -At"), input_text=sql)


def psql_frame(query: str, db: str) -> pd.DataFrame:
    """The result of a SELECT as a DataFrame (COPY ... TO STDOUT CSV)."""
    from io import StringIO

    out = psql(f"COPY ({query}) TO STDOUT WITH CSV HEADER;\n", db)
    return pd.read_csv(StringIO(out), dtype={"concession_id": str, "feature_id": str})


def sample_layers() -> list[dict]:
    """The concession layer and the sensitive polygon layers from the sample catalogue."""
    entries = json.loads((SAMPLE / "catalogue.json").read_text(encoding="utf-8"))
    keep = [e for e in entries if e["role"] in ("concession", *POLYGON_ROLES)]
    return [{"table": Path(e["file"]).stem, "layer": e["layer"], "role": e["role"],
             "file": SAMPLE / e["file"], "id": e["mapping"].get("id"),
             "name": e["mapping"].get("name")} for e in keep]
