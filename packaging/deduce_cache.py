"""Build-time helper for build.spec: deduce's lookup structures, prebuilt for the bundle.

``python deduce_cache.py prepare WORKDIR OUT.json``
    Writes ``{"lookup": …, "cache": …}`` to OUT.json: deduce's lookup folder and a valid cache
    file (the one in deduce's package folder when it is valid, else one built once into
    WORKDIR, about a minute). Writes ``{}`` when deduce is not installed.
``python deduce_cache.py verify LOOKUP_DIR``
    Exits 0 when deduce would load the cache in LOOKUP_DIR (a bundle's copy) as it is, without
    rebuilding it or writing anything; 1 otherwise.

Runs in its own process: importing deduce sets up DEBUG logging to stdout.
"""

from __future__ import annotations

import importlib.metadata
import json
import logging
import pickle
import sys
from pathlib import Path

CACHE_FILE = Path("cache") / "lookup_structs.pickle"


def prepare(workdir: Path, out: Path) -> int:
    try:
        logging.disable(logging.CRITICAL)
        import deduce
        from deduce.lookup_structs import load_lookup_structs_from_cache
    except ImportError:
        out.write_text("{}", encoding="utf-8")
        return 0
    version = importlib.metadata.version("deduce")
    lookup = Path(deduce.__file__).parent / "data" / "lookup"
    if load_lookup_structs_from_cache(cache_path=lookup, deduce_version=version) is not None:
        cache = lookup / CACHE_FILE
    else:
        target = workdir / "deduce-cache"
        if load_lookup_structs_from_cache(cache_path=target, deduce_version=version) is None:
            print("deduce: building the lookup structures once (about a minute)…", file=sys.stderr)
            deduce.Deduce(lookup_data_path=lookup, cache_path=target)
        cache = target / CACHE_FILE
    out.write_text(json.dumps({"lookup": str(lookup), "cache": str(cache)}), encoding="utf-8")
    return 0


def verify(lookup: Path) -> int:
    logging.disable(logging.CRITICAL)
    from deduce.lookup_structs import validate_lookup_struct_cache

    with (lookup / CACHE_FILE).open("rb") as handle:
        cache = pickle.load(handle)  # noqa: S301 - our own build output
    version = importlib.metadata.version("deduce")
    ok = validate_lookup_struct_cache(cache=cache, base_path=lookup, deduce_version=version)
    print(f"deduce cache in the bundle: {'valid' if ok else 'WOULD BE REBUILT'}", file=sys.stderr)
    return 0 if ok else 1


if __name__ == "__main__":
    if sys.argv[1] == "prepare":
        sys.exit(prepare(Path(sys.argv[2]), Path(sys.argv[3])))
    sys.exit(verify(Path(sys.argv[2])))
