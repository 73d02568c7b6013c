"""The public boundary of the readers: whatever goes wrong inside, the caller gets a
:class:`~layers.errors.LayerError` that names the file and says what is wrong."""
from __future__ import annotations

import functools
from pathlib import Path
from typing import Callable, TypeVar

from .errors import LayerError, UnreadableFileError

__all__ = ["user_path", "guarded"]

F = TypeVar("F", bound=Callable)


def user_path(path) -> Path:
    """A path given by a user as a Path (``~`` expanded); a LayerError if it is not a path at all."""
    try:
        return Path(path).expanduser()
    except TypeError as exc:
        raise UnreadableFileError(str(path), f"this is not a file path ({type(path).__name__})") from exc


def _plain(exc: BaseException) -> str:
    text = " ".join(str(exc).split())[:300]
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def guarded(func: F) -> F:
    """Decorate a public reader so that only LayerError subclasses escape it."""

    @functools.wraps(func)
    def wrapper(path, *args, **kwargs):
        try:
            return func(path, *args, **kwargs)
        except LayerError:
            raise
        except MemoryError as exc:
            raise UnreadableFileError(str(path), "the file is too large to load in memory") from exc
        except RecursionError as exc:
            raise UnreadableFileError(str(path), "the file is nested too deeply to read") from exc
        except Exception as exc:  # the boundary: nothing but LayerError reaches the user
            raise UnreadableFileError(str(path), f"the file cannot be read ({_plain(exc)})") from exc

    return wrapper  # type: ignore[return-value]
