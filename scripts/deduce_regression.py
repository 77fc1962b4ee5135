"""deduce's own regression cases as an extra check of our de-identification.

    python scripts/deduce_regression.py PATH/TO/deduce/tests/data/regression_cases

deduce's files are not part of this repository (fetch deduce's repository to run this). For
every annotated span: is every letter and digit of it replaced (recall)? For every example
without annotations: is it left exactly as it was (text kept)? Prints both per file and in
total. The examples run through the same worker process as every summary.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from vknz_desktop.export.deidentifier import find_spans, preload


def main(folder: Path) -> int:
    preload()
    covered = annotated = changed = clean = 0
    for path in sorted(folder.glob("*.json")):
        examples = json.loads(path.read_text(encoding="utf-8"))["examples"]
        file_covered = file_annotated = file_changed = file_clean = 0
        for example in examples:
            text = example["text"]
            spans = find_spans(text)
            if not example["annotations"]:
                file_clean += 1
                if spans:
                    file_changed += 1
                    print(f"  changed ({path.stem}): {text!r}")
                continue
            for annotation in example["annotations"]:
                file_annotated += 1
                positions = range(annotation["start_char"], annotation["end_char"])
                ok = all(
                    any(s.start <= i < s.end for s in spans) for i in positions if text[i].isalnum()
                )
                file_covered += ok
                if not ok:
                    print(f"  missed ({path.stem}): {annotation['text']!r} in {text!r}")
        print(
            f"{path.stem}: annotated spans removed {file_covered}/{file_annotated}, "
            f"clean examples changed {file_changed}/{file_clean}"
        )
        covered += file_covered
        annotated += file_annotated
        changed += file_changed
        clean += file_clean
    print(
        f"total: annotated spans removed {covered}/{annotated} = {covered / annotated:.3f}, "
        f"clean examples changed {changed}/{clean}"
    )
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2 or not Path(sys.argv[1]).is_dir():
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        sys.exit(2)
    sys.exit(main(Path(sys.argv[1])))
