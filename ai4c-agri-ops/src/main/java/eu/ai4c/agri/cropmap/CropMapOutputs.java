package eu.ai4c.agri.cropmap;

import eu.ai4c.kit.io.AtomicOutput;
import eu.ai4c.kit.io.SideOutputs;
import eu.ai4c.kit.io.geotiff.GdalColourTable;
import eu.ai4c.kit.io.geotiff.GeoTiffReader;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.tile.TileEngine;
import eu.ai4c.kit.tile.TileGrid;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The side files of a crop-type map {@code <name>.tif}: its colour table as a GDAL sidecar
 * {@code <name>.tif.aux.xml} ({@link GdalColourTable}; 255 transparent) and the legend
 * {@code <name>_legend.csv} with columns {@code id,name,colour,pixels} — one row per class id of
 * the model and one for 255 ({@code no data}); {@code pixels} counts the map's pixels of that value.
 * The counts are taken from the written GeoTIFF (a cheap uint8 read) rather than by computing the map
 * again; for other output formats the map raster is counted. Each file appears whole or not at all.
 * Thread-safe (stateless apart from the raster it was given).
 */
public final class CropMapOutputs implements SideOutputs {
    private final Raster map;
    private final int classes;

    /**
     * @param map     the crop-type raster as returned by the operator
     * @param classes number of class ids of the model
     */
    public CropMapOutputs(Raster map, int classes) {
        this.map = map;
        this.classes = classes;
    }

    @Override
    public List<Path> write(Path mainOutput, ProcessingContext context) throws IOException {
        String file = mainOutput.getFileName().toString();
        String lower = file.toLowerCase(Locale.ROOT);
        boolean tiff = lower.endsWith(".tif") || lower.endsWith(".tiff");
        long[] counts;
        if (tiff) {
            Raster written = new GeoTiffReader(16L << 20, context.warnings()).read(mainOutput).raster();
            try {
                counts = count(written, context);
            } finally {
                if (written instanceof Closeable c) c.close();
            }
        } else {
            counts = count(map, context);
        }
        List<Path> out = new ArrayList<>();
        String base = file.contains(".") ? file.substring(0, file.lastIndexOf('.')) : file;
        Path legend = mainOutput.resolveSibling(base + "_legend.csv");
        try (AtomicOutput atomic = AtomicOutput.create()) {
            try (Writer w = Files.newBufferedWriter(atomic.temporaryFor(legend))) {
                w.write(legendCsv(classes, counts));
            }
            atomic.commit();
        }
        out.add(legend);
        if (tiff) out.add(GdalColourTable.write(mainOutput, CropTypeLegend.palette(classes)));
        return out;
    }

    /** Pixels of each value 0–255 of band 0 of a uint8 raster. */
    static long[] count(Raster classesRaster, ProcessingContext context) throws IOException {
        long[] counts = new long[256];
        int[] tile = classesRaster.preferredTileSize();
        TileEngine.run("crop map legend", classesRaster, new int[] {0},
                new TileGrid(classesRaster.width(), classesRaster.height(), tile[0], tile[1]), context, (c, r, blocks) -> {
                    byte[] v = blocks[0].bytes();
                    long[] local = new long[256];
                    for (byte b : v) local[b & 0xFF]++;
                    synchronized (counts) {
                        for (int i = 0; i < 256; i++) counts[i] += local[i];
                    }
                });
        return counts;
    }

    /** The legend table: header, the class rows {@code 0 … classes-1}, then the 255 row. */
    static String legendCsv(int classes, long[] counts) {
        StringBuilder sb = new StringBuilder("id,name,colour,pixels\n");
        for (int id = 0; id < Math.min(classes, CropTypeLegend.NO_DATA); id++) row(sb, id, counts[id]);
        row(sb, CropTypeLegend.NO_DATA, counts[CropTypeLegend.NO_DATA]);
        return sb.toString();
    }

    private static void row(StringBuilder sb, int id, long pixels) {
        sb.append(id).append(',').append(CropTypeLegend.name(id)).append(',').append(CropTypeLegend.hex(id))
                .append(',').append(pixels).append('\n');
    }
}
