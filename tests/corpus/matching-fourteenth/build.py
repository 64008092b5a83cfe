"""Build the fourteenth matching corpus (documents.jsonl, labels.jsonl) from src/corpus.txt;
the source format is described in ../inline_corpus.py.

    python tests/corpus/matching-fourteenth/build.py [--check]
"""

import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))
from inline_corpus import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main(pathlib.Path(__file__).resolve().parent, sys.argv[1:]))
