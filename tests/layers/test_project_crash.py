"""An interrupted save never costs the user the project they had."""
import json
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from layers import atomic
from layers.errors import ProjectError
from layers.project import LayerRef, Project, load_project, save_project
from layers.roles import Role

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def saved(tmp_path):
    """A saved project (the 'old' copy) and its file path."""
    data = tmp_path / "rivers.gpkg"
    data.write_bytes(b"x")
    project = Project(title="old", layers=[LayerRef(path=str(data), name="Rivers",
                                                    role=Role.RIVER)])
    path = save_project(project, tmp_path / "p.mieproj")
    return project, path


def _changed(project: Project) -> Project:
    return Project(title="new", layers=list(project.layers), settings={"reach_km": 7})


def _assert_old_is_intact(project: Project, path: Path, old_bytes: bytes) -> None:
    assert path.read_bytes() == old_bytes
    assert load_project(path) == project
    assert not atomic.stale_temp_files(path)


@pytest.mark.parametrize("target", ["os.replace", "os.fsync", "os.write"])
def test_failure_mid_save_leaves_the_old_file(saved, monkeypatch, target):
    project, path = saved
    old_bytes = path.read_bytes()

    def crash(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(target, crash)
    with pytest.raises(ProjectError, match="p.mieproj.*No space left"):
        save_project(_changed(project), path)
    monkeypatch.undo()
    _assert_old_is_intact(project, path, old_bytes)


def test_interrupt_during_write_leaves_the_old_file(saved, monkeypatch):
    project, path = saved
    old_bytes = path.read_bytes()
    real_write = os.write
    calls = []

    def write_then_interrupt(fd, data):
        calls.append(len(data))
        if len(calls) == 2:  # the first call wrote the backup; this one is the new project
            real_write(fd, bytes(data[:10]))
            raise KeyboardInterrupt
        return real_write(fd, data)

    monkeypatch.setattr(os, "write", write_then_interrupt)
    with pytest.raises(KeyboardInterrupt):
        save_project(_changed(project), path)
    monkeypatch.undo()
    _assert_old_is_intact(project, path, old_bytes)


def test_json_encoder_failure_leaves_the_old_file(saved, monkeypatch):
    project, path = saved
    old_bytes = path.read_bytes()

    def broken_dumps(*args, **kwargs):
        raise ValueError("encoder exploded")

    monkeypatch.setattr(json, "dumps", broken_dumps)
    with pytest.raises(ProjectError):
        save_project(_changed(project), path)
    monkeypatch.undo()
    _assert_old_is_intact(project, path, old_bytes)


_KILLED_WRITER = textwrap.dedent("""
    import os, sys, time
    from layers import atomic
    from layers.project import LayerRef, Project, save_project
    from layers.roles import Role

    data = sys.argv[2]
    big = Project(title="big", layers=[
        LayerRef(path=data, name=f"layer {i}", role=Role.RIVER) for i in range(6000)])
    real_write = os.write

    def write_then_hang(fd, chunk):
        if len(chunk) == atomic._CHUNK:  # first full chunk of the big project, not the backup
            real_write(fd, bytes(chunk))
            os.fsync(fd)
            print("MID", flush=True)
            time.sleep(120)
        return real_write(fd, chunk)

    os.write = write_then_hang
    save_project(big, sys.argv[1])
    print("FINISHED", flush=True)
""")


def test_killed_process_mid_write_leaves_the_old_file(saved):
    project, path = saved
    old_bytes = path.read_bytes()
    data = project.layers[0].path
    proc = subprocess.Popen([sys.executable, "-c", _KILLED_WRITER, str(path), data],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline().strip()
        assert line == "MID", proc.stderr.read()
        junk = atomic.stale_temp_files(path)
        assert len(junk) == 1 and junk[0].stat().st_size == atomic._CHUNK
    finally:
        proc.kill()
        proc.wait()
    _assert_old_is_intact_except_junk(project, path, old_bytes)
    # the junk is hidden and never ends with the project's suffix
    assert sorted(p.name for p in path.parent.glob("*.mieproj")) == ["p.mieproj"]
    with pytest.raises(ProjectError):
        load_project(junk[0])  # truncated JSON: an error, never a silently short project
    save_project(project, path)  # a fresh temp file may be another window's save: kept
    assert atomic.stale_temp_files(path) == junk
    an_hour_ago = time.time() - 3600
    os.utime(junk[0], (an_hour_ago, an_hour_ago))
    save_project(project, path)  # an old one was left by a dead save: swept away
    assert not atomic.stale_temp_files(path)


def _assert_old_is_intact_except_junk(project, path, old_bytes):
    assert path.read_bytes() == old_bytes
    assert load_project(path) == project
