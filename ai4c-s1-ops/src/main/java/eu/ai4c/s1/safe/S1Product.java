package eu.ai4c.s1.safe;

import eu.ai4c.kit.Ai4cException;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Sentinel-1 Level-1 product as read from SENTINEL-SAFE: the manifest and, per swath and
 * polarisation, the annotation, calibration and noise LUTs ({@link S1Image}), plus lazy access
 * to the measurement TIFFs. Attached to the {@link eu.ai4c.kit.raster.Product} made by
 * {@link Sentinel1ProductReader} so that Sentinel-1 operators can find it.
 *
 * <p>Images whose annotation file the manifest lists but the product lacks (trimmed test
 * products, partial downloads) are left out and reported by {@link #missingImages()}.</p>
 *
 * <h2>Thread-safety</h2>
 * Thread-safe: the model is immutable and measurement files are opened once, on first use.
 */
public final class S1Product implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(S1Product.class);
    private final SafeArchive archive;
    private final Manifest manifest;
    private final List<S1Image> images;
    private final List<String> missingImages;
    private final ConcurrentHashMap<String, MeasurementTiff> measurements = new ConcurrentHashMap<>();

    S1Product(SafeArchive archive, Manifest manifest, List<S1Image> images, List<String> missingImages) {
        this.archive = archive;
        this.manifest = manifest;
        this.images = List.copyOf(images);
        this.missingImages = List.copyOf(missingImages);
    }

    /**
     * Opens a product: a {@code .SAFE} folder, its {@code manifest.safe}, or a zip. Parses the
     * manifest and every annotation, calibration and noise file present.
     *
     * @throws Ai4cException on damaged or unexpected content, naming the file and element
     */
    public static S1Product open(Path path) throws IOException {
        return open(path, true);
    }

    /**
     * As {@link #open(Path)}; with {@code verify}, each annotation, calibration and noise file is
     * checked against the MD5 the manifest gives for it (the bytes are read anyway, so it costs
     * only the hashing); {@link #verifyMeasurements} checks the measurement files a run reads.
     */
    public static S1Product open(Path path, boolean verify) throws IOException {
        long t0 = System.nanoTime();
        SafeArchive archive = SafeArchive.open(path);
        try {
            Manifest manifest = Manifest.read(archive);
            List<S1Image> images = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (Manifest.DataObject d : manifest.dataObjects("s1Level1ProductSchema")) {
                if (!archive.exists(d.href())) {
                    missing.add(d.href());
                    continue;
                }
                images.add(readImage(archive, manifest, d.href(), verify));
            }
            if (images.isEmpty()) {
                throw new Ai4cException("Sentinel-1 product " + path + " holds none of the annotation files its manifest lists "
                        + missing + ": the product is incomplete; download it again.");
            }
            if (!missing.isEmpty()) {
                LOG.warn("{}: annotation files listed in the manifest are missing, those images are skipped: {}",
                        archive.productName(), missing);
            }
            S1Product product = new S1Product(archive, manifest, images, missing);
            LOG.info("Opened {} ({} {} {}, IPF {}, images {}) in {} ms", product.name(), manifest.mission(), manifest.mode(),
                    manifest.productType(), manifest.ipfVersion(), images, (System.nanoTime() - t0) / 1_000_000);
            return product;
        } catch (IOException | RuntimeException e) {
            archive.close();
            throw e;
        }
    }

    private static S1Image readImage(SafeArchive archive, Manifest manifest, String annotationHref, boolean verify)
            throws IOException {
        String file = annotationHref.substring(annotationHref.lastIndexOf('/') + 1);
        String base = file.substring(0, file.length() - ".xml".length());
        byte[] annotationXml = read(archive, manifest, annotationHref, verify);
        Annotation annotation = Annotation.parse(annotationXml, file);
        TopsTiming timing = TopsTiming.parse(annotationXml, file);
        String calHref = href(manifest, "s1Level1CalibrationSchema", "calibration-" + base + ".xml",
                "annotation/calibration/calibration-" + base + ".xml");
        String noiseHref = href(manifest, "s1Level1NoiseSchema", "noise-" + base + ".xml",
                "annotation/calibration/noise-" + base + ".xml");
        String measurementHref = href(manifest, "s1Level1MeasurementSchema", base + ".tiff", "measurement/" + base + ".tiff");
        CalibrationLuts cal = archive.exists(calHref)
                ? CalibrationLuts.parse(read(archive, manifest, calHref, verify), "calibration-" + base + ".xml") : null;
        NoiseLuts noise = archive.exists(noiseHref)
                ? NoiseLuts.parse(read(archive, manifest, noiseHref, verify), "noise-" + base + ".xml") : null;
        checkHeader(annotation, cal == null ? null : cal.adsHeader(), calHref);
        checkHeader(annotation, noise == null ? null : noise.adsHeader(), noiseHref);
        return new S1Image(annotation, timing, cal, noise, annotationHref, calHref, noiseHref, measurementHref);
    }

    private static byte[] read(SafeArchive archive, Manifest manifest, String href, boolean verify) throws IOException {
        byte[] bytes = archive.readAll(href);
        if (verify) Checksums.require(archive, manifest, href, bytes);
        return bytes;
    }

    /**
     * Checks the measurement files of some images against the MD5s of the manifest, several files
     * at a time (a run then reads them from the page cache). Files the manifest gives no MD5 for
     * are skipped.
     *
     * @return the number of files checked
     * @throws Ai4cException naming the first damaged file
     */
    public int verifyMeasurements(Collection<S1Image> which) throws IOException {
        long t0 = System.nanoTime();
        List<String> hrefs = new ArrayList<>();
        for (S1Image i : which) hrefs.add(i.measurementHref());
        int n = Checksums.verify(archive, manifest, hrefs, Math.max(1, Runtime.getRuntime().availableProcessors()),
                Checksums.RUN_REMEDY);
        LOG.info("{}: {} measurement file(s) match their manifest MD5 ({} ms)", name(), n, (System.nanoTime() - t0) / 1_000_000);
        return n;
    }

    /**
     * Checks every file the manifest lists, as after a download: its MD5 and, zipped, the entry's
     * CRC-32. A listed file that is missing makes the product incomplete.
     *
     * @return the number of files checked
     * @throws Ai4cException naming the first missing or damaged file
     */
    public int verifyAll(int threads) throws IOException {
        List<String> present = new ArrayList<>(), missing = new ArrayList<>();
        for (Manifest.DataObject d : manifest.dataObjects()) (archive.exists(d.href()) ? present : missing).add(d.href());
        if (!missing.isEmpty()) {
            throw new Ai4cException("Sentinel-1 product " + archive.location() + " is incomplete: " + missing.size() + " of the "
                    + manifest.dataObjects().size() + " files its manifest lists are missing (" + missing.get(0)
                    + (missing.size() > 1 ? ", …" : "") + "). Download the product again.");
        }
        return Checksums.verify(archive, manifest, present, threads, Checksums.DOWNLOAD_REMEDY);
    }

    private static String href(Manifest manifest, String repId, String fileName, String fallback) {
        for (Manifest.DataObject d : manifest.dataObjects(repId)) {
            if (d.href().endsWith("/" + fileName)) return d.href();
        }
        return fallback;
    }

    private static void checkHeader(Annotation a, AdsHeader other, String href) {
        if (other == null) return;
        AdsHeader h = a.adsHeader();
        if (!h.swath().equals(other.swath()) || !h.polarisation().equals(other.polarisation())) {
            throw new Ai4cException(href + " describes " + other.swath() + " " + other.polarisation() + " but its annotation "
                    + a.file() + " describes " + h.swath() + " " + h.polarisation() + ": the product is inconsistent.");
        }
    }

    public Manifest manifest() {
        return manifest;
    }

    /** {@code GRD} or {@code SLC}: operators check it (e.g. the GRD chain refuses an SLC). */
    public String productType() {
        return manifest.productType();
    }

    /** IPF version string from the manifest, e.g. {@code 003.40}. */
    public String ipfVersion() {
        return manifest.ipfVersion();
    }

    /** Product name (the {@code .SAFE} folder name without extension). */
    public String name() {
        return archive.productName();
    }

    public Path location() {
        return archive.location();
    }

    /** Every image present, in manifest order. */
    public List<S1Image> images() {
        return images;
    }

    /** Annotation files listed in the manifest but absent. */
    public List<String> missingImages() {
        return missingImages;
    }

    /** Swaths present, in order ({@code IW} for GRD, {@code IW1, IW2, IW3} for IW SLC). */
    public List<String> swaths() {
        LinkedHashSet<String> s = new LinkedHashSet<>();
        images.forEach(i -> s.add(i.swath()));
        return new ArrayList<>(s).stream().sorted().toList();
    }

    /** Polarisations present, in manifest order. */
    public List<String> polarisations() {
        LinkedHashSet<String> s = new LinkedHashSet<>();
        for (String p : manifest.polarisations()) {
            if (images.stream().anyMatch(i -> i.polarisation().equals(p))) s.add(p);
        }
        images.forEach(i -> s.add(i.polarisation()));
        return List.copyOf(s);
    }

    /** Images of one swath, in polarisation order. */
    public List<S1Image> images(String swath) {
        List<S1Image> out = new ArrayList<>();
        for (String p : polarisations()) {
            images.stream().filter(i -> i.swath().equals(swath) && i.polarisation().equals(p)).forEach(out::add);
        }
        return out;
    }

    /**
     * The image of a swath and polarisation.
     *
     * @throws Ai4cException (usage error) naming the polarisations the product has
     */
    public S1Image image(String swath, String polarisation) {
        for (S1Image i : images) {
            if (i.swath().equalsIgnoreCase(swath) && i.polarisation().equalsIgnoreCase(polarisation)) return i;
        }
        throw Ai4cException.usage("Sentinel-1 product " + name() + " has no " + swath + " " + polarisation
                + " image; it has " + images + ". Choose one of the polarisations " + polarisations() + ".");
    }

    /** The measurement TIFF of an image, opened on first use and checked against the annotation size. */
    public MeasurementTiff measurement(S1Image image) throws IOException {
        MeasurementTiff t = measurements.get(image.measurementHref());
        if (t != null) return t;
        synchronized (measurements) {
            t = measurements.get(image.measurementHref());
            if (t != null) return t;
            String label = name() + ".SAFE/" + image.measurementHref();
            t = MeasurementTiff.open(archive.byteRange(image.measurementHref()), label);
            Annotation a = image.annotation();
            if (t.width() != a.width() || t.height() != a.height()) {
                t.close();
                throw new Ai4cException("Measurement " + label + " is " + t.width() + " x " + t.height()
                        + " but its annotation " + a.file() + " says " + a.width() + " x " + a.height()
                        + ": the product is inconsistent.");
            }
            measurements.put(image.measurementHref(), t);
            return t;
        }
    }

    @Override
    public void close() throws IOException {
        for (MeasurementTiff t : measurements.values()) t.close();
        measurements.clear();
        archive.close();
    }
}
