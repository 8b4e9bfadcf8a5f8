"""unres: UN resolutions as validated open data.

The library does the work and raises :class:`unres.errors.UnresError`; the
``unres`` command (:mod:`unres.cli`) turns those errors into messages and exit
codes.
"""

from unres.errors import InputError, ParseError, UnresError

__version__ = "0.1.0"

__all__ = ["InputError", "ParseError", "UnresError", "__version__"]
