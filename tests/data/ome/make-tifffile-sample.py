#!/usr/bin/python3
"""How tifffile-pyramid.ome.tif was made (run once; the file is committed, not rebuilt).

A 768 x 576 crop of real H&E (CMU-1-Small-Region.svs, read with openslide-python) written as a
pyramidal OME-TIFF by tifffile (Debian's python3-tifffile), the way lab pipelines write them:
OME-XML with the pixel size, two reduced resolutions in SubIFDs, 128-px deflate tiles.
"""
import sys

import numpy
import openslide
import tifffile

source, out = sys.argv[1], sys.argv[2]
slide = openslide.OpenSlide(source)
full = numpy.asarray(slide.read_region((700, 1200), 0, (768, 576)).convert("RGB"))
mpp = float(slide.properties["openslide.mpp-x"])
levels = [full, full[::2, ::2].copy(), full[::4, ::4].copy()]
with tifffile.TiffWriter(out) as tif:
    options = dict(photometric="rgb", tile=(128, 128), compression="zlib")
    tif.write(levels[0], subifds=2, metadata={"axes": "YXS", "PhysicalSizeX": mpp, "PhysicalSizeXUnit": "µm",
                                              "PhysicalSizeY": mpp, "PhysicalSizeYUnit": "µm"}, **options)
    for level in levels[1:]:
        tif.write(level, subfiletype=1, **options)
numpy.save(out + ".level0.npy", levels[0])  # not committed: for checking by hand
