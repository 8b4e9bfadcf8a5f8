"""Write N synthetic resolution texts to OUT_DIR/sources/, for benchmarks: then `unres build --root OUT_DIR`.

    python scripts/generate_corpus.py 2000 /tmp/bench --seed 1

The same N and seed write the same files, byte for byte (see unres/corpus.py).
"""

import argparse
import sys
from pathlib import Path

from unres.corpus import generate, write_texts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, metavar="N", help="how many texts to write (at least 1)")
    parser.add_argument("out_dir", type=Path, metavar="OUT_DIR", help="package folder; texts go to OUT_DIR/sources/")
    parser.add_argument("--seed", type=int, default=0, help="the seed the texts are drawn from (default 0)")
    args = parser.parse_args(argv)
    if args.count < 1:
        parser.error("N must be at least 1")
    # Texts left by another run would be built with these, and may repeat their symbols.
    texts = generate(args.count, args.seed)
    names = {text.name for text in texts}
    others = sorted(p.name for p in (args.out_dir / "sources").glob("*.txt") if p.name not in names)
    if others:
        parser.error(f"{args.out_dir / 'sources'} already holds other texts ({others[0]}, …): use an empty folder")
    paths = write_texts(texts, args.out_dir)
    print(f"wrote {len(paths)} texts to {args.out_dir / 'sources'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
