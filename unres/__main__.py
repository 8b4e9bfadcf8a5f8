"""``python -m unres``: the same as the ``unres`` command."""

from unres.cli import main

main(prog_name="unres")
