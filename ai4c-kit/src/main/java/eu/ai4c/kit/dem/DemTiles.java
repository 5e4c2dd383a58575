package eu.ai4c.kit.dem;

import eu.ai4c.kit.Ai4cException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

/**
 * A DEM made of tiles in a folder (searched two levels deep), e.g. SRTM {@code .hgt} files. The
 * folder is indexed once by 1° cell from the tile names or headers ({@link DemTileFormat}); tiles
 * are loaded on first use and kept in a least-recently-used cache bounded in bytes. Heights are
 * orthometric, converted to ellipsoid heights with the {@link Geoid}; points in no tile, or on
 * voids, fall back to the geoid (0 m above MSL) and are counted.
 *
 * <p>Supported formats are passed in; {@link #open(Path, Geoid)} uses SRTM {@code .hgt} only.
 * GeoTIFF tiles are added by passing {@link GeoTiffTileFormat} to
 * {@link #open(Path, Geoid, List, long)}; a folder may mix formats.</p>
 *
 * <h2>Thread-safety</h2>
 * Thread-safe; concurrent requests for the same tile wait for a single load.
 */
public final class DemTiles implements ElevationModel {
    /** Default byte budget of loaded tiles (about 20 SRTM 1" tiles). */
    public static final long DEFAULT_CACHE_BYTES = 512L << 20;

    private final Path folder;
    private final Geoid geoid;
    private final Map<Long, Path> cellToFile;
    private final Map<Path, DemTileFormat> formatOf;
    private final long cacheBytes;
    private final LinkedHashMap<Path, CompletableFuture<DemTile>> loaded = new LinkedHashMap<>(16, 0.75f, true);
    private long loadedBytes;
    private final LongAdder fallbacks = new LongAdder();

    private DemTiles(Path folder, Geoid geoid, Map<Long, Path> cellToFile, Map<Path, DemTileFormat> formatOf,
                     long cacheBytes) {
        this.folder = folder;
        this.geoid = geoid;
        this.cellToFile = cellToFile;
        this.formatOf = formatOf;
        this.cacheBytes = cacheBytes;
    }

    /** Indexes the SRTM {@code .hgt} tiles of a folder. */
    public static DemTiles open(Path folder, Geoid geoid) {
        return open(folder, geoid, List.of(new HgtFormat()), DEFAULT_CACHE_BYTES);
    }

    /**
     * Indexes the tiles of a folder.
     *
     * @param folder     folder holding the tiles (and sub-folders, one level)
     * @param geoid      geoid for the MSL → ellipsoid conversion
     * @param formats    tile formats to recognise, in order of preference
     * @param cacheBytes byte budget of tiles kept in memory
     * @throws Ai4cException when the folder does not exist or holds no tile of these formats
     */
    public static DemTiles open(Path folder, Geoid geoid, List<DemTileFormat> formats, long cacheBytes) {
        Objects.requireNonNull(geoid, "geoid");
        if (!Files.isDirectory(folder)) {
            throw Ai4cException.usage("DEM folder " + folder + " does not exist or is not a folder: "
                    + "give a folder of DEM tiles (e.g. SRTM N41E012.hgt files) or a DEM GeoTIFF.");
        }
        Map<Long, Path> cells = new HashMap<>();
        Map<Path, DemTileFormat> formatOf = new HashMap<>();
        try (Stream<Path> files = Files.walk(folder, 2)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                for (DemTileFormat format : formats) {
                    Optional<double[]> fp = format.footprint(f);
                    if (fp.isEmpty()) continue;
                    double[] b = fp.get();
                    formatOf.put(f, format);
                    for (int lat = (int) Math.floor(b[0]); lat < Math.ceil(b[2]); lat++) {
                        for (int lon = (int) Math.floor(b[1]); lon < Math.ceil(b[3]); lon++) {
                            cells.putIfAbsent(cellKey(lat, lon), f);
                        }
                    }
                    break;
                }
            }
        } catch (IOException e) {
            throw new Ai4cException("Cannot list the DEM folder " + folder + ": " + e.getMessage(), e);
        }
        if (cells.isEmpty()) {
            throw Ai4cException.usage("DEM folder " + folder + " holds no DEM tile (expected SRTM tiles named like "
                    + "N41E012.hgt or WGS 84 GeoTIFF tiles such as Copernicus DEM): check the path.");
        }
        return new DemTiles(folder, geoid, Map.copyOf(cells), Map.copyOf(formatOf), cacheBytes);
    }

    private static long cellKey(int lat, int lon) {
        return ((long) (lat + 90) << 16) | (lon + 360);
    }

    /** Number of 1° cells covered by a tile. */
    public int cellCount() {
        return cellToFile.size();
    }

    @Override
    public void heights(double[] lon, double[] lat, double[] out, int count) {
        geoid.undulations(lat, lon, out, count);
        DemTile tile = null;
        long tileKey = Long.MIN_VALUE;
        int missing = 0;
        for (int i = 0; i < count; i++) {
            double la = lat[i], lo = lon[i];
            if (!(la >= -90 && la <= 90)) {
                missing++;
                continue;
            }
            lo = lo - 360 * Math.floor((lo + 180) / 360);
            if (tile == null || !tile.covers(la, lo)) {
                long key = cellKey((int) Math.floor(la), (int) Math.floor(lo));
                if (key != tileKey) {
                    tileKey = key;
                    Path file = cellToFile.get(key);
                    tile = file == null ? null : tile(file);
                }
            }
            double h = tile == null ? Double.NaN : tile.height(la, lo);
            if (Double.isNaN(h)) {
                missing++;
            } else {
                out[i] += h;
            }
        }
        if (missing > 0) fallbacks.add(missing);
    }

    private DemTile tile(Path file) {
        CompletableFuture<DemTile> mine;
        CompletableFuture<DemTile> existing;
        synchronized (loaded) {
            existing = loaded.get(file);
            mine = existing == null ? new CompletableFuture<>() : null;
            if (mine != null) loaded.put(file, mine);
        }
        if (existing != null) {
            try {
                return existing.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Ai4cException("Interrupted while loading DEM tile " + file, e);
            } catch (ExecutionException e) {
                throw rethrow(file, e.getCause());
            }
        }
        try {
            DemTile t = formatOf.get(file).read(file);
            mine.complete(t);
            evict(file, t.bytes());
            return t;
        } catch (IOException | RuntimeException e) {
            mine.completeExceptionally(e);
            synchronized (loaded) {
                loaded.remove(file);
            }
            throw rethrow(file, e);
        }
    }

    private void evict(Path justLoaded, long bytes) {
        synchronized (loaded) {
            loadedBytes += bytes;
            Iterator<Map.Entry<Path, CompletableFuture<DemTile>>> it = loaded.entrySet().iterator();
            while (loadedBytes > cacheBytes && it.hasNext()) {
                Map.Entry<Path, CompletableFuture<DemTile>> e = it.next();
                if (e.getKey().equals(justLoaded) || !e.getValue().isDone()) continue;
                loadedBytes -= e.getValue().join().bytes();
                it.remove();
            }
        }
    }

    private static RuntimeException rethrow(Path file, Throwable t) {
        if (t instanceof Ai4cException a) return a;
        if (t instanceof IOException io) return new UncheckedIOException("Cannot read DEM tile " + file, io);
        if (t instanceof RuntimeException r) return r;
        return new Ai4cException("Cannot read DEM tile " + file + ": " + t, t);
    }

    @Override
    public long fallbackCount() {
        return fallbacks.sum();
    }

    @Override
    public String describe() {
        return "DEM tiles in " + folder + " (" + cellToFile.size() + " cells) + EGM96 geoid";
    }

    /** The tile files indexed, for logs. */
    public List<Path> files() {
        return new ArrayList<>(formatOf.keySet());
    }
}
