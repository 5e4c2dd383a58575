package eu.ai4c.agri.cropmap;

import eu.ai4c.agri.model.ModelFiles;
import eu.ai4c.agri.model.SequenceClassifier;
import eu.ai4c.agri.testing.CompositeStacks;
import eu.ai4c.agri.testing.NearestCentroidFormat;
import eu.ai4c.kit.geo.GeoCoding;
import eu.ai4c.kit.io.ProductIO;
import eu.ai4c.kit.io.SideOutputs;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Speed of {@code tile_classifier} on a full Sentinel-2 tile: 10980×10980 pixels, 12 monthly
 * composites × 9 uint16 bands (DEFLATE GeoTIFFs, generated once into the work folder and reused),
 * a crop mask with 30 % of the pixels to classify (64×64 fields), majority filter 3×3, 2 threads.
 * The model is the one the ServiceLoader opens for the given file; without one, the test
 * nearest-centroid model (16 classes), whose own cost is measured alone so that the I/O and
 * batching overhead can be read off.
 *
 * <pre>TileClassifierBenchmark [workFolder] [size] [modelFile|-] [majoritySize]</pre>
 * Prints one line of {@code key=value} results.
 */
public final class TileClassifierBenchmark {
    static final int MONTHS = 12, BANDS = 9, CLASSES = 16, FIELD = 64, THREADS = 2;

    private TileClassifierBenchmark() {
    }

    /** Fields of 64×64 pixels; 3 in 10 are crops (mask 0), their class from the field position. */
    static boolean crop(int x, int y) {
        int fx = x / FIELD, fy = y / FIELD;
        return (fx * 7 + fy * 3) % 10 < 3;
    }

    static int fieldClass(int x, int y) {
        return ((x / FIELD) * 5 + (y / FIELD) * 11) % CLASSES;
    }

    /** One month of synthetic composite, computed on demand (memory independent of size). */
    record SyntheticComposite(int size, int month, GeoCoding geoCoding) implements Raster {
        @Override
        public int width() {
            return size;
        }

        @Override
        public int height() {
            return size;
        }

        @Override
        public List<Band> bands() {
            List<Band> b = new ArrayList<>();
            for (String n : new String[] {"B2", "B3", "B4", "B5", "B6", "B7", "B8A", "B11", "B12"}) {
                b.add(Band.of(n, DataType.UINT16, 0));
            }
            return b;
        }

        @Override
        public Block read(int band, Region r) {
            short[] v = new short[Math.toIntExact(r.area())];
            for (int y = 0; y < r.height(); y++) {
                for (int x = 0; x < r.width(); x++) {
                    int gx = r.x() + x, gy = r.y() + y;
                    int noise = ((gx * 73856093) ^ (gy * 19349663) ^ (band * 83492791)) >>> 29; // 0..7
                    v[y * r.width() + x] = (short) (CompositeStacks.centroid(fieldClass(gx, gy), month, band) + noise);
                }
            }
            return new Block(r, DataType.UINT16, v);
        }
    }

    record SyntheticMask(int size, GeoCoding geoCoding) implements Raster {
        @Override
        public int width() {
            return size;
        }

        @Override
        public int height() {
            return size;
        }

        @Override
        public List<Band> bands() {
            return List.of(Band.of("crop_mask", DataType.BYTE));
        }

        @Override
        public Block read(int band, Region r) {
            byte[] v = new byte[Math.toIntExact(r.area())];
            for (int y = 0; y < r.height(); y++) {
                for (int x = 0; x < r.width(); x++) v[y * r.width() + x] = (byte) (crop(r.x() + x, r.y() + y) ? 0 : 1);
            }
            return new Block(r, DataType.BYTE, v);
        }
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args.length > 0 ? args[0] : System.getProperty("java.io.tmpdir") + "/ai4c-tile-classifier-bench");
        int size = args.length > 1 ? Integer.parseInt(args[1]) : 10980;
        ProcessingContext ctx = ProcessingContext.defaults().withThreads(THREADS);
        Path mc = work.resolve("mc_" + size), in = work.resolve("in_" + size);
        if (!Files.isDirectory(mc)) {
            long t0 = System.nanoTime();
            Files.createDirectories(mc);
            for (int t = 0; t < MONTHS; t++) {
                String name = String.format(Locale.ROOT, "B%d_MC_%04d-%02d", size, 2017 + (8 + t) / 12, (8 + t) % 12 + 1);
                ProductIO.writer("GeoTIFF").write(Product.of(name, new SyntheticComposite(size, t, CompositeStacks.GRID)),
                        mc.resolve(name + ".tif"), ctx);
            }
            Files.createDirectories(in);
            ProductIO.writer("GeoTIFF").write(Product.of("mask", new SyntheticMask(size, CompositeStacks.GRID)),
                    in.resolve("crop_mask.tif"), ctx);
            System.out.printf(Locale.ROOT, "generated inputs in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        }
        Path model = args.length > 2 && !args[2].equals("-") ? Path.of(args[2])
                : NearestCentroidFormat.write(work.resolve("centroids.ncm"), MONTHS, BANDS,
                CompositeStacks.centroids(CLASSES, MONTHS, BANDS));
        double modelSeriesPerS = modelAlone(model);

        Path out = work.resolve("out");
        Files.createDirectories(out);
        Map<String, String> raw = new LinkedHashMap<>();
        raw.put("input_dir", in.toString());
        raw.put("mc_dir", mc.toString());
        raw.put("model", model.toString());
        String majority = args.length > 3 ? args[3] : "3";
        raw.put("majority_size", majority);
        Runtime rt = Runtime.getRuntime();
        long t0 = System.nanoTime();
        Product p = new TileClassifierOperator().apply(Map.of(), TileClassifierDescriptor.DESCRIPTOR.validate(raw), ctx);
        Path map = ProductIO.writer("GeoTIFF").write(p, out.resolve("map.tif"), ctx);
        long t1 = System.nanoTime();
        List<Path> side = p.attachment(SideOutputs.class).orElseThrow().write(map, ctx);
        long t2 = System.nanoTime();
        long classified = 0;
        for (String line : Files.readAllLines(side.get(0)).subList(1, CLASSES + 1)) {
            classified += Long.parseLong(line.substring(line.lastIndexOf(',') + 1));
        }
        double map_s = (t1 - t0) / 1e9, total = (t2 - t0) / 1e9;
        double modelShare = classified / modelSeriesPerS;
        System.out.printf(Locale.ROOT, "tile_classifier size=%d threads=%d model=%s majority=%s classified=%d crop_share=%.3f "
                        + "map_s=%.1f legend_s=%.1f total_s=%.1f pixels_per_s=%.0f classified_per_s=%.0f "
                        + "model_alone_series_per_s=%.0f model_share_s=%.1f overhead_s=%.1f heap_used_mib=%d%n",
                size, THREADS, model.getFileName(), majority, classified, classified / ((double) size * size), map_s,
                (t2 - t1) / 1e9, total, (double) size * size / map_s, classified / map_s, modelSeriesPerS, modelShare,
                map_s - modelShare, (rt.totalMemory() - rt.freeMemory()) >> 20);
    }

    /** Series per second of the model alone on {@value #THREADS} threads (batches of 4096 series). */
    static double modelAlone(Path model) throws Exception {
        int batch = 4096, rounds = 40;
        AtomicLong nanos = new AtomicLong();
        Thread[] threads = new Thread[THREADS];
        for (int i = 0; i < THREADS; i++) {
            threads[i] = new Thread(() -> {
                try (SequenceClassifier c = ModelFiles.open(model)) {
                    float[] x = new float[batch * c.timesteps() * c.bands()];
                    for (int j = 0; j < x.length; j++) x[j] = 1000 + (j * 37 % 6000);
                    int[] labels = new int[batch];
                    c.classify(x, 0, batch, labels); // warm-up
                    long t0 = System.nanoTime();
                    for (int r = 0; r < rounds; r++) c.classify(x, 0, batch, labels);
                    nanos.addAndGet(System.nanoTime() - t0);
                }
            });
            threads[i].start();
        }
        for (Thread t : threads) t.join();
        double secondsPerThread = nanos.get() / 1e9 / THREADS;
        return (double) batch * rounds * THREADS / secondsPerThread;
    }
}
