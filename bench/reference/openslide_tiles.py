#!/usr/bin/python3
"""Reference for bench_tiles: read the same tiles with openslide-python (Debian python3-openslide).

usage: openslide_tiles.py SLIDE TILE_LIST THREADS TILE_SIZE   -> prints elapsed seconds
TILE_LIST has one "x y level" line per tile (level-0 top-left).
"""
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import openslide


def main():
    path, listing, threads, size = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    tiles = [tuple(int(v) for v in line.split()) for line in open(listing) if line.strip()]
    slide = openslide.OpenSlide(path)  # fresh handle, as for the C++ runs
    start = time.perf_counter()

    def work(offset):
        for x, y, level in tiles[offset::threads]:
            slide.read_region((x, y), level, (size, size))

    with ThreadPoolExecutor(threads) as pool:
        list(pool.map(work, range(threads)))
    print(time.perf_counter() - start)


if __name__ == "__main__":
    main()
