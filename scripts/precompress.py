"""Write name.br (brotli, quality 11) and name.gz (gzip -9) beside every compressible file of
the built site, for nginx's brotli_static / gzip_static: the server then compresses nothing at
request time and sends the smallest encoding the browser accepts.

Usage: python -m scripts.precompress SITE_DIR
Wheels and images are already compressed and are left alone; so is any file the encoding would
not shrink by at least 5 % (the trimmed stdlib zip is stored uncompressed for this step). Brotli at quality 11 takes half a minute on the
runtime's WebAssembly, so results are kept in .cache/precompress/ under the content's sha256
(the runtime does not change between builds; small files are not kept).
"""

import gzip
import hashlib
import os
import sys

import brotli

COMPRESSIBLE = (
    ".html",
    ".css",
    ".js",
    ".mjs",
    ".json",
    ".wasm",
    ".svg",
    ".xml",
    ".txt",
    ".webmanifest",
    ".map",
    ".zip",
)
WORTH_IT = 0.95
CACHE_FROM = 256 * 1024  # smaller files are quick to encode and change with every build
CACHE = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), ".cache", "precompress")
ENCODERS = {
    ".br": lambda data: brotli.compress(data, quality=11),
    ".gz": lambda data: gzip.compress(data, compresslevel=9, mtime=0),
}


def encoded(data: bytes, suffix: str) -> bytes:
    """The data in one encoding, from the cache when this exact content was encoded before."""
    if len(data) < CACHE_FROM:
        return ENCODERS[suffix](data)
    kept = os.path.join(CACHE, hashlib.sha256(data).hexdigest() + suffix)
    if os.path.exists(kept):
        with open(kept, "rb") as handle:
            return handle.read()
    packed = ENCODERS[suffix](data)
    os.makedirs(CACHE, exist_ok=True)
    with open(kept + ".part", "wb") as handle:
        handle.write(packed)
    os.replace(kept + ".part", kept)
    return packed


def main(argv: list) -> int:
    site = argv[0]
    for folder, _, names in os.walk(site):
        for name in names:
            if not name.endswith(COMPRESSIBLE):
                continue
            path = os.path.join(folder, name)
            with open(path, "rb") as handle:
                data = handle.read()
            for suffix in ENCODERS:
                packed = encoded(data, suffix)
                if len(packed) <= len(data) * WORTH_IT:
                    with open(path + suffix, "wb") as handle:
                        handle.write(packed)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
