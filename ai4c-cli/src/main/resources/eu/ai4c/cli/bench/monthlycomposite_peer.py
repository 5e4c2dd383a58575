#!/usr/bin/env python3
"""GDAL + NumPy peer of AI4C's monthlycomposite, for `ai4c bench monthlycomposite`.

Usage: monthlycomposite_peer.py INPUT_DIR OUTPUT_DIR SEASON_START

Does what the operator does, the way a script would: reads INPUT_DIR/REFBOA/*.tif and
INPUT_DIR/LAI/*.tif (date YYYYMMDD in the name) block by block (512 x 512, the files' tiles),
masks samples whose LAI is 0 or no-data (clouds) or whose reflectance is 0 (no-data), takes
numpy.nanmedian per month (September of SEASON_START .. August), rounds with numpy.rint, and
writes 12 uint16 GeoTIFFs MC_YYYY-MM.tif: tiled 512, DEFLATE level 1, predictor 2, no-data 0 —
the operator's encoding. NumPy runs on one thread; GDAL compresses with NUM_THREADS=ALL_CPUS.
Prints the elapsed seconds.
"""
import glob
import os
import re
import sys
import time
import warnings

import numpy as np
from osgeo import gdal

gdal.UseExceptions()
warnings.simplefilter("ignore")  # all-NaN slices are expected (months without a clear sample)
BLOCK = 512


def dated(folder):
    out = {}
    for f in sorted(glob.glob(os.path.join(folder, "*.tif"))):
        m = re.search(r"(\d{4})-?(\d{2})-?(\d{2})", os.path.basename(f))
        if m:
            out[(int(m.group(1)), int(m.group(2)), int(m.group(3)))] = f
    return out


def main(input_dir, output_dir, season_start):
    t0 = time.perf_counter()
    boa, lai = dated(os.path.join(input_dir, "REFBOA")), dated(os.path.join(input_dir, "LAI"))
    months = [[] for _ in range(12)]
    for d in sorted(boa):
        m = (d[0] - season_start) * 12 + d[1] - 9
        if 0 <= m < 12 and d in lai:
            months[m].append((gdal.Open(boa[d]), gdal.Open(lai[d])))
    ref = next(p[0] for m in months for p in m)
    width, height, bands = ref.RasterXSize, ref.RasterYSize, ref.RasterCount
    drv = gdal.GetDriverByName("GTiff")
    opts = ["TILED=YES", "BLOCKXSIZE=512", "BLOCKYSIZE=512", "COMPRESS=DEFLATE", "PREDICTOR=2", "ZLEVEL=1",
            "NUM_THREADS=ALL_CPUS"]
    outs = []
    for m in range(12):
        y, mo = season_start + (8 + m) // 12, (8 + m) % 12 + 1
        ds = drv.Create(os.path.join(output_dir, "MC_%04d-%02d.tif" % (y, mo)), width, height, bands,
                        gdal.GDT_UInt16, opts)
        ds.SetGeoTransform(ref.GetGeoTransform())
        ds.SetProjection(ref.GetProjection())
        for b in range(bands):
            ds.GetRasterBand(b + 1).SetNoDataValue(0)
        outs.append(ds)
    for by in range(0, height, BLOCK):
        h = min(BLOCK, height - by)
        for bx in range(0, width, BLOCK):
            w = min(BLOCK, width - bx)
            for m in range(12):
                if not months[m]:
                    continue
                lai_stack = np.stack([p[1].GetRasterBand(1).ReadAsArray(bx, by, w, h) for p in months[m]])
                cloudy = lai_stack == 0
                for b in range(bands):
                    x = np.stack([p[0].GetRasterBand(b + 1).ReadAsArray(bx, by, w, h) for p in months[m]])
                    x = x.astype(np.float32)
                    x[cloudy | (x == 0)] = np.nan
                    med = np.nan_to_num(np.rint(np.nanmedian(x, axis=0)))
                    outs[m].GetRasterBand(b + 1).WriteArray(med.astype(np.uint16), bx, by)
    for ds in outs:
        ds.FlushCache()
    del outs
    print(time.perf_counter() - t0)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
