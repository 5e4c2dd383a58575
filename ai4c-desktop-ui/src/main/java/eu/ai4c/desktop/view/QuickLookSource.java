package eu.ai4c.desktop.view;

import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.io.ProductIO;
import eu.ai4c.kit.io.geotiff.TiffColourMap;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import eu.ai4c.kit.render.ClassLegend;
import eu.ai4c.kit.render.ColourTables;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A raster file opened for quick-looks (the I/O edge of the viewer): the product, band overviews
 * read on demand and cached, the class legend found beside the file, the S2-CD result it belongs
 * to, and pixel/map-coordinate look-ups. The legend comes from, in order: {@code <name>_legend.csv},
 * the GDAL sidecar {@code <file>.aux.xml}, the TIFF palette; S2-CD results get class names and
 * counts from their summary. Thread-safe: overviews may be requested from any thread.
 */
public final class QuickLookSource implements Closeable {
    private final Path file;
    private final Product product;
    private final int maxSize;
    private final ClassLegend legend;
    private final Optional<S2CdFiles> changeDetection;
    private final Map<Integer, Overview> overviews = new ConcurrentHashMap<>();
    private final Optional<ChangeMaskOverlay> changeMask;
    private volatile Overview changeMaskOverview;
    /** Latitude/longitude of pixels; null without a geocoding AI4C can locate. */
    private final PixelGeolocation geolocation;

    private QuickLookSource(Path file, Product product, int maxSize, ClassLegend legend, Optional<S2CdFiles> cd) {
        this.file = file;
        this.product = product;
        this.maxSize = maxSize;
        this.legend = legend;
        this.changeDetection = cd;
        this.changeMask = ChangeMaskOverlay.find(file);
        this.geolocation = PixelGeolocation.of(product.raster().geoCoding());
    }

    /** Opens {@code file} with overviews of at most {@code maxSize} px on the long side. */
    public static QuickLookSource open(Path file, int maxSize) throws IOException {
        Product product = ProductIO.read(file);
        Optional<S2CdFiles> cd = S2CdFiles.find(file);
        Optional<S2CdFiles> isClassMap = cd.filter(f -> f.classes().equals(file.toAbsolutePath()));
        return new QuickLookSource(file, product, maxSize, legend(file, product, isClassMap), cd);
    }

    /** Opens {@code file} with {@link OverviewReader#DEFAULT_MAX_SIZE} overviews. */
    public static QuickLookSource open(Path file) throws IOException {
        return open(file, OverviewReader.DEFAULT_MAX_SIZE);
    }

    private static ClassLegend legend(Path file, Product product, Optional<S2CdFiles> cd) throws IOException {
        Raster r = product.raster();
        if (r.bands().size() != 1 || r.bands().get(0).type().isFloating()) return null;
        String name = file.getFileName().toString();
        String base = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
        Path csv = file.resolveSibling(base + "_legend.csv");
        Path aux = file.resolveSibling(name + ".aux.xml");
        ClassLegend legend = null;
        if (Files.isRegularFile(csv)) {
            legend = ColourTables.parseLegendCsv(Files.readAllLines(csv), csv);
        } else if (Files.isRegularFile(aux)) {
            legend = ColourTables.parsePam(Files.readString(aux), 1, aux);
        }
        if (legend == null) {
            legend = product.attachment(TiffColourMap.class).map(m -> new ClassLegend(m.argb(), new String[0],
                    new long[0])).orElse(null);
        }
        if (legend == null) return null;
        Band b = r.bands().get(0);
        if (b.hasNoData() && !Double.isNaN(b.noData())) legend = legend.withTransparent((int) b.noData());
        if (cd.isPresent() && Files.isRegularFile(cd.get().summary())) legend = withS2CdNames(legend, CvaSummary.read(cd.get().summary()));
        return legend;
    }

    private static ClassLegend withS2CdNames(ClassLegend legend, CvaSummary s) {
        String[] names = new String[256];
        long[] counts = new long[256];
        java.util.Arrays.fill(counts, -1);
        names[0] = "no change";
        counts[0] = s.noChangePixels();
        for (int k = 0; k < s.classCount(); k++) {
            names[k + 1] = String.format(java.util.Locale.ROOT, "change %d (|Δ| %.1f, %.0f°)", k + 1,
                    s.centreMagnitudes()[k], s.centreAnglesDeg()[k]);
            counts[k + 1] = s.pixels()[k];
        }
        names[255] = "no data";
        counts[255] = s.noDataPixels();
        return legend.withNames(names).withCounts(counts);
    }

    public Path file() {
        return file;
    }

    public Raster raster() {
        return product.raster();
    }

    /** The class legend, or null when the file is not a class map with a colour table or legend. */
    public ClassLegend legend() {
        return legend;
    }

    /** The S2-CD result this file belongs to (its class map or its {@code _CVA.tif}). */
    public Optional<S2CdFiles> changeDetection() {
        return changeDetection;
    }

    /** The S1-CD change mask drawn over this file's images, when it belongs to an S1-CD result. */
    public Optional<ChangeMaskOverlay> changeMask() {
        return changeMask;
    }

    /** The change mask's overview, the size of this file's (read once, then cached); empty without a mask. */
    public Optional<Overview> changeMaskOverview() throws IOException {
        if (changeMask.isEmpty()) return Optional.empty();
        Overview o = changeMaskOverview;
        if (o == null) {
            o = changeMask.get().overview(maxSize);
            changeMaskOverview = o;
        }
        return Optional.of(o);
    }

    /** The overview of band {@code band} (read once, then cached). */
    public Overview overview(int band) throws IOException {
        Overview o = overviews.get(band);
        if (o != null) return o;
        o = OverviewReader.read(product.raster(), band, maxSize);
        overviews.put(band, o);
        return o;
    }

    /** The full-resolution value of a pixel, NaN for no-data. */
    public double value(int band, int col, int row) throws IOException {
        Raster r = product.raster();
        double v = r.read(band, new Region(col, row, 1, 1)).getDouble(0);
        return r.bands().get(band).isNoData(v) ? Double.NaN : v;
    }

    /** Map coordinates {x, y} of a pixel position (pixel-corner convention), or null without a map geocoding. */
    public double[] mapCoordinate(double col, double row) {
        if (product.raster().geoCoding() instanceof MapGeoCoding g) return new double[] {g.x(col, row), g.y(col, row)};
        return null;
    }

    /**
     * WGS 84 {longitude, latitude} in degrees of the centre of pixel (col, row) from the product's
     * geocoding (map grid or Sentinel-1 geolocation grid), or null when the product has none.
     */
    public double[] lonLat(int col, int row) {
        return geolocation == null ? null : geolocation.lonLat(col, row);
    }

    /** True when the product has a map grid in a geographic CRS (its map coordinates are the latitude and longitude). */
    public boolean isGeographic() {
        return product.raster().geoCoding() instanceof MapGeoCoding g && eu.ai4c.kit.geo.Projections.isGeographic(g.crs());
    }

    /** Short name of the map CRS, or an empty string. */
    public String crsName() {
        if (product.raster().geoCoding() instanceof MapGeoCoding g) return g.crs().getName().getCode();
        return "";
    }

    /** True for integer bands. */
    public boolean isInteger(int band) {
        DataType t = product.raster().bands().get(band).type();
        return !t.isFloating();
    }

    @Override
    public void close() throws IOException {
        if (product.raster() instanceof Closeable c) c.close();
    }
}
