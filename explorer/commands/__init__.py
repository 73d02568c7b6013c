"""Sub-commands of ``mining-explorer``: each module has ``add_parser(subparsers)`` and
``run(args) -> int`` and is registered by :func:`explorer.cli.build_parser`."""

__all__: list[str] = []
