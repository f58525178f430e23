"""Subcommands of the ``handbook`` tool, registered in ``handbook.cli.COMMANDS``."""
