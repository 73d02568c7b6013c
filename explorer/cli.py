"""Command line: ``mining-explorer [gui|analyze|report|verify]``.

A tool is a CLI minus the argument parsing: every sub-command parses its options, calls one
library function and turns :class:`layers.errors.LayerError` into exit code 2 with a one-line
message naming the file.  Exit code 1 means any other error.
"""
from __future__ import annotations

import argparse
import os
import sys
from typing import NoReturn

from explorer.commands import analyze
from explorer.commands import report as report_commands
from layers.errors import LayerError

__all__ = ["main", "console", "build_parser"]


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every sub-command."""
    parser = argparse.ArgumentParser(prog="mining-explorer", description=__doc__.splitlines()[0])
    _add_gui_language(parser, None)
    sub = parser.add_subparsers(dest="command")
    gui = sub.add_parser("gui", help="start the desktop app")
    gui.add_argument("project", nargs="?", help="project file to open")
    _add_gui_language(gui, argparse.SUPPRESS)
    analyze.add_parser(sub)
    report_commands.add_parsers(sub)
    return parser


def _add_gui_language(parser: argparse.ArgumentParser, default) -> None:
    """``--lang``: the desktop app's language for this run (the saved choice is kept)."""
    parser.add_argument("--lang", dest="gui_lang", choices=("en", "pt", "es", "fr"), default=default,
                        help="interface language: en, pt, es or fr (default: the saved choice, else the system's)")


def main(argv: list[str] | None = None) -> int:
    """Parse ``argv`` and run its sub-command; returns the exit code (:func:`console` is the
    console command around it)."""
    return _dispatch(build_parser().parse_args(argv))


def _dispatch(args: argparse.Namespace) -> int:
    """Run the sub-command of parsed ``args``; returns the exit code."""
    if args.command == "analyze":
        return analyze.run(args)
    if args.command in (None, "gui"):
        return _gui(getattr(args, "project", None), getattr(args, "gui_lang", None))
    commands = {"report": report_commands.run_report,
                "verify": lambda a: report_commands.run_verify(a, build_parser)}
    if args.command in commands:
        return _run(commands[args.command], args)
    return 0


def console(argv: list[str] | None = None) -> NoReturn:
    """The ``mining-explorer`` console command: as :func:`main`, then exit with its code.

    A batch command (``analyze``, ``report``, ``verify``) has written and closed all its
    files when :func:`main` returns; the process then ends at once (``os._exit``, after
    flushing its output) instead of freeing millions of geometries one by one, which takes
    about half a second on the national tables and the sample alike."""
    args = build_parser().parse_args(argv)
    code = _dispatch(args)
    if args.command in ("analyze", "report", "verify"):
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    sys.exit(code)


def _run(command, args) -> int:
    """Run a sub-command: bad input -> exit 2 with one line naming the file, other errors -> 1."""
    try:
        return command(args)
    except LayerError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except Exception as error:  # noqa: BLE001 - no tracebacks to users
        print(f"error: {type(error).__name__}: {error}", file=sys.stderr)
        return 1


def _gui(project: str | None, lang: str | None = None) -> int:
    """``mining-explorer [--lang xx] gui [PROJECT]``: the desktop app (Qt imported only now)."""
    from explorer.qt.app import run_gui  # noqa: PLC0415 - keeps the other commands Qt-free

    return run_gui(project, lang=lang)


if __name__ == "__main__":  # pragma: no cover
    console()
