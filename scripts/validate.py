"""Validate the data package (same as `unres validate datapackage.yaml`)."""

import sys

from unres.cli import main

if __name__ == "__main__":
    sys.exit(main(["validate", *sys.argv[1:]]))
