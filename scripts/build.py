"""Rebuild data/, schemas/ and datapackage.yaml from sources/ (same as `unres build`)."""

import sys

from unres.cli import main

if __name__ == "__main__":
    sys.exit(main(["build", *sys.argv[1:]]))
