package eu.ai4c.s1.safe;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The product annotation of one swath and polarisation ({@code annotation/s1x-…-vv-….xml}):
 * image size and sampling, product information, geolocation grid, orbit state vectors and the
 * slant/ground range conversion polynomials. Field names are those of the Sentinel-1 product
 * specification. Immutable.
 *
 * @param file                     the file name, for messages
 * @param adsHeader                the header
 * @param productInformation       {@code generalAnnotation/productInformation}
 * @param imageInformation         {@code imageAnnotation/imageInformation}
 * @param geolocationGrid          {@code geolocationGrid/geolocationGridPointList}
 * @param orbitList                {@code generalAnnotation/orbitList}
 * @param coordinateConversionList {@code coordinateConversion/coordinateConversionList} (empty for SLC)
 */
public record Annotation(String file, AdsHeader adsHeader, ProductInformation productInformation,
                         ImageInformation imageInformation, List<GeolocationGridPoint> geolocationGrid,
                         List<OrbitStateVector> orbitList, List<CoordinateConversion> coordinateConversionList) {

    public Annotation {
        geolocationGrid = List.copyOf(geolocationGrid);
        orbitList = List.copyOf(orbitList);
        coordinateConversionList = List.copyOf(coordinateConversionList);
    }

    /**
     * {@code generalAnnotation/productInformation}.
     *
     * @param pass               {@code Ascending} / {@code Descending}
     * @param platformHeading    degrees from north
     * @param projection         {@code Ground Range} or {@code Slant Range}
     * @param rangeSamplingRate  Hz
     * @param radarFrequency     Hz
     * @param azimuthSteeringRate TOPS antenna steering rate, degrees/s (NaN when not annotated)
     */
    public record ProductInformation(String pass, double platformHeading, String projection,
                                     double rangeSamplingRate, double radarFrequency, double azimuthSteeringRate) {
        /** Without a steering rate (GRD, stripmap). */
        public ProductInformation(String pass, double platformHeading, String projection, double rangeSamplingRate,
                                  double radarFrequency) {
            this(pass, platformHeading, projection, rangeSamplingRate, radarFrequency, Double.NaN);
        }
    }

    /**
     * {@code imageAnnotation/imageInformation}.
     *
     * @param productFirstLineUtcTime zero-Doppler time of line 0 (UTC)
     * @param productLastLineUtcTime  zero-Doppler time of the last line (UTC)
     * @param slantRangeTime          two-way slant range time of sample 0, seconds
     * @param pixelValue              {@code Detected} (GRD) or {@code Complex} (SLC)
     * @param outputPixels            e.g. {@code 16 bit Unsigned Integer}
     * @param rangePixelSpacing       metres
     * @param azimuthPixelSpacing     metres
     * @param azimuthTimeInterval     seconds between lines
     * @param numberOfSamples         image width
     * @param numberOfLines           image height
     * @param incidenceAngleMidSwath  degrees
     */
    public record ImageInformation(Instant productFirstLineUtcTime, Instant productLastLineUtcTime,
                                   double slantRangeTime, String pixelValue, String outputPixels,
                                   double rangePixelSpacing, double azimuthPixelSpacing, double azimuthTimeInterval,
                                   int numberOfSamples, int numberOfLines, double incidenceAngleMidSwath) {
    }

    /**
     * One {@code geolocationGridPoint}: a tie point between image position and ground position.
     *
     * @param azimuthTime    zero-Doppler time (UTC)
     * @param slantRangeTime two-way, seconds
     * @param line           image line
     * @param pixel          image sample
     * @param latitude       degrees
     * @param longitude      degrees
     * @param height         metres above the ellipsoid
     * @param incidenceAngle degrees
     * @param elevationAngle degrees
     */
    public record GeolocationGridPoint(Instant azimuthTime, double slantRangeTime, int line, int pixel,
                                       double latitude, double longitude, double height, double incidenceAngle,
                                       double elevationAngle) {
    }

    /**
     * One {@code orbit} state vector, Earth-fixed (ECEF, metres and metres/second).
     *
     * @param time  UTC
     * @param frame normally {@code Earth Fixed}
     */
    public record OrbitStateVector(Instant time, String frame, double x, double y, double z,
                                   double vx, double vy, double vz) {
    }

    /**
     * One {@code coordinateConversion} record: ground range ↔ slant range polynomials valid from {@code azimuthTime}.
     * Slant range {@code = Σ grsrCoefficients[i]·(gr − gr0)^i}, ground range {@code = Σ srgrCoefficients[i]·(sr − sr0)^i} (metres).
     */
    public record CoordinateConversion(Instant azimuthTime, double slantRangeTime, double sr0,
                                       double[] srgrCoefficients, double gr0, double[] grsrCoefficients) {
    }

    /** Image width in samples. */
    public int width() {
        return imageInformation.numberOfSamples();
    }

    /** Image height in lines. */
    public int height() {
        return imageInformation.numberOfLines();
    }

    /** Parses annotation XML bytes; {@code fileName} is used in messages. */
    public static Annotation parse(byte[] xml, String fileName) {
        SafeXml root = SafeXml.parse(xml, fileName);
        if (!root.name().equals("product")) throw root.error("is not a product annotation (root <" + root.name() + ">)");
        AdsHeader header = AdsHeader.parse(root);
        SafeXml general = root.child("generalAnnotation");
        SafeXml pi = general.child("productInformation");
        ProductInformation productInformation = new ProductInformation(pi.text("pass"),
                pi.doubleValue("platformHeading"), pi.text("projection"), pi.doubleValue("rangeSamplingRate"),
                pi.doubleValue("radarFrequency"),
                pi.optChild("azimuthSteeringRate").map(SafeXml::doubleValue).orElse(Double.NaN));

        SafeXml ii = root.at("imageAnnotation/imageInformation");
        ImageInformation image = new ImageInformation(ii.instant("productFirstLineUtcTime"),
                ii.instant("productLastLineUtcTime"), ii.doubleValue("slantRangeTime"), ii.text("pixelValue"),
                ii.text("outputPixels"), ii.doubleValue("rangePixelSpacing"), ii.doubleValue("azimuthPixelSpacing"),
                ii.doubleValue("azimuthTimeInterval"), ii.intValue("numberOfSamples"), ii.intValue("numberOfLines"),
                ii.doubleValue("incidenceAngleMidSwath"));
        if (image.numberOfSamples() <= 0 || image.numberOfLines() <= 0) {
            throw ii.error("gives an empty image " + image.numberOfSamples() + " x " + image.numberOfLines());
        }

        List<GeolocationGridPoint> grid = new ArrayList<>();
        for (SafeXml g : root.at("geolocationGrid/geolocationGridPointList").listItems("geolocationGridPoint")) {
            grid.add(new GeolocationGridPoint(g.instant("azimuthTime"), g.doubleValue("slantRangeTime"),
                    g.intValue("line"), g.intValue("pixel"), g.doubleValue("latitude"), g.doubleValue("longitude"),
                    g.doubleValue("height"), g.doubleValue("incidenceAngle"), g.doubleValue("elevationAngle")));
        }
        if (grid.isEmpty()) throw root.at("geolocationGrid/geolocationGridPointList").error("is empty");

        List<OrbitStateVector> orbits = new ArrayList<>();
        for (SafeXml o : general.child("orbitList").listItems("orbit")) {
            SafeXml p = o.child("position"), v = o.child("velocity");
            orbits.add(new OrbitStateVector(o.instant("time"), o.text("frame"), p.doubleValue("x"), p.doubleValue("y"),
                    p.doubleValue("z"), v.doubleValue("x"), v.doubleValue("y"), v.doubleValue("z")));
        }
        if (orbits.size() < 2) throw general.child("orbitList").error("has " + orbits.size() + " state vectors, at least 2 are needed");

        List<CoordinateConversion> conversions = new ArrayList<>();
        root.optAt("coordinateConversion/coordinateConversionList").ifPresent(list -> {
            for (SafeXml c : list.listItems("coordinateConversion")) {
                conversions.add(new CoordinateConversion(c.instant("azimuthTime"), c.doubleValue("slantRangeTime"),
                        c.doubleValue("sr0"), c.doubles("srgrCoefficients"), c.doubleValue("gr0"),
                        c.doubles("grsrCoefficients")));
            }
        });
        return new Annotation(fileName, header, productInformation, image, grid, orbits, conversions);
    }
}
