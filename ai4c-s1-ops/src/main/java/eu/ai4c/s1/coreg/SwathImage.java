package eu.ai4c.s1.coreg;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.progress.WarningListener;
import eu.ai4c.s1.calibration.CalibrationType;
import eu.ai4c.s1.calibration.LineVectorLut;
import eu.ai4c.s1.geometry.AcquisitionOrbit;
import eu.ai4c.s1.geometry.Orbit;
import eu.ai4c.s1.geometry.SarGeometry;
import eu.ai4c.s1.geometry.ZeroDoppler;
import eu.ai4c.s1.safe.Annotation;
import eu.ai4c.s1.safe.Burst;
import eu.ai4c.s1.safe.S1Image;
import eu.ai4c.s1.safe.S1Product;
import eu.ai4c.s1.safe.S1Raster;
import eu.ai4c.s1.safe.SwathTiming;
import eu.ai4c.s1.tops.TopsDeramp;
import java.nio.file.Path;
import java.time.Instant;

/**
 * One sub-swath and polarisation of one SLC acquisition, with what co-registration needs of it:
 * the complex measurement as a raster (lines: the bursts one after the other), the orbit (time 0 =
 * the sub-swath's first line), each burst's first-line time on that clock and valid rectangle,
 * the sampling, the calibration LUT and, for TOPS, each burst's deramping phase. A stripmap image
 * is one "burst" of all its lines. Immutable.
 */
public final class SwathImage {
    private final S1Product product;
    private final S1Image image;
    private final S1Raster raster;
    private final int band;
    private final Orbit orbit;
    private final ZeroDoppler zeroDoppler;
    private final eu.ai4c.s1.geometry.SarLocator locator;
    private final int bursts, linesPerBurst, samples;
    private final double[] burstStart;
    private final int[][] validLines, validSamples;
    private final double lineInterval, slantRangeTime, rangeSampling, wavelength;
    private final TopsDeramp[] deramps;
    private final LineVectorLut calibration;

    private SwathImage(S1Product product, String swath, String polarisation, CalibrationType calibrationType,
                       Path orbitPath, WarningListener warnings) {
        this.product = product;
        this.image = product.image(swath, polarisation);
        if (image == null) {
            throw new Ai4cException(product.name() + " has no " + swath + " " + polarisation + " image; it has "
                    + product.images() + ".");
        }
        this.raster = new S1Raster(product, swath);
        this.band = raster.bandIndex("Complex_" + image.swath() + "_" + image.polarisation());
        Annotation a = image.annotation();
        Annotation.ImageInformation info = a.imageInformation();
        this.lineInterval = info.azimuthTimeInterval();
        this.slantRangeTime = info.slantRangeTime();
        this.rangeSampling = a.productInformation().rangeSamplingRate();
        this.wavelength = SarGeometry.SPEED_OF_LIGHT / a.productInformation().radarFrequency();
        this.samples = info.numberOfSamples();
        Instant epoch = info.productFirstLineUtcTime();
        SwathTiming timing = image.topsTiming().swathTiming().orElse(null);
        if (timing != null) {
            bursts = timing.bursts().size();
            linesPerBurst = timing.linesPerBurst();
        } else {
            bursts = 1;
            linesPerBurst = info.numberOfLines();
        }
        burstStart = new double[bursts];
        validLines = new int[bursts][2];
        validSamples = new int[bursts][2];
        for (int k = 0; k < bursts; k++) {
            if (timing != null) {
                Burst b = timing.bursts().get(k);
                burstStart[k] = Orbit.secondsBetween(epoch, b.azimuthTime());
                validLines[k] = new int[] {b.firstValidLine(), b.lastValidLine()};
                validSamples[k] = new int[] {b.firstValidSampleOfRectangle(), b.lastValidSampleOfRectangle()};
            } else {
                validLines[k] = new int[] {0, linesPerBurst - 1};
                validSamples[k] = new int[] {0, samples - 1};
            }
        }
        Instant last = epoch.plusNanos(Math.round((burstStart[bursts - 1] + linesPerBurst * lineInterval) * 1e9));
        this.orbit = AcquisitionOrbit.of(a, product.manifest(), orbitPath, epoch, epoch, last, warnings);
        SarGeometry span = SarGeometry.slantRange(0, (burstStart[bursts - 1] + linesPerBurst * lineInterval) / (bursts * linesPerBurst),
                bursts * linesPerBurst, samples, slantRangeTime, SarGeometry.SPEED_OF_LIGHT / (2 * rangeSampling));
        this.zeroDoppler = new ZeroDoppler(orbit, span);
        this.locator = new eu.ai4c.s1.geometry.SarLocator(orbit, span);
        if (timing != null) {
            deramps = new TopsDeramp[bursts];
            double[] state = new double[10];
            for (int k = 0; k < bursts; k++) {
                orbit.stateAt(burstStart[k] + linesPerBurst * lineInterval / 2, state);
                double speed = Math.sqrt(state[3] * state[3] + state[4] * state[4] + state[5] * state[5]);
                try {
                    deramps[k] = TopsDeramp.of(image, k, speed);
                } catch (IllegalArgumentException e) {
                    throw new Ai4cException(product.name() + ": " + e.getMessage() + ".", e);
                }
            }
        } else {
            deramps = null;
        }
        this.calibration = calibrationType.lut(image.calibration());
    }

    /** The image of {@code swath} and {@code polarisation} of an SLC product. */
    public static SwathImage of(S1Product product, String swath, String polarisation, CalibrationType calibration,
                                Path orbitPath, WarningListener warnings) {
        return new SwathImage(product, swath, polarisation, calibration, orbitPath, warnings);
    }

    public S1Product product() {
        return product;
    }

    public S1Image image() {
        return image;
    }

    /** The measurement raster; read band {@link #band()}. */
    public S1Raster raster() {
        return raster;
    }

    public int band() {
        return band;
    }

    public Orbit orbit() {
        return orbit;
    }

    /** Forward geolocation on this image's orbit clock. */
    public eu.ai4c.s1.geometry.SarLocator locator() {
        return locator;
    }

    public ZeroDoppler zeroDoppler() {
        return zeroDoppler;
    }

    public int bursts() {
        return bursts;
    }

    public int linesPerBurst() {
        return linesPerBurst;
    }

    public int samples() {
        return samples;
    }

    /** Stacked lines: bursts × lines per burst. */
    public int lines() {
        return bursts * linesPerBurst;
    }

    /** First-line zero-Doppler time of burst {@code k}, seconds on the orbit's clock. */
    public double burstStart(int k) {
        return burstStart[k];
    }

    /** {first, last} valid line of burst {@code k} (burst lines). */
    public int[] validLines(int k) {
        return validLines[k];
    }

    /** {first, last} sample valid on every valid line of burst {@code k}. */
    public int[] validSamples(int k) {
        return validSamples[k];
    }

    public double lineInterval() {
        return lineInterval;
    }

    /** Two-way slant-range time of sample 0, s. */
    public double slantRangeTime() {
        return slantRangeTime;
    }

    public double rangeSampling() {
        return rangeSampling;
    }

    public double wavelength() {
        return wavelength;
    }

    /** One-way slant range of a (fractional) sample, m. */
    public double slantRange(double sample) {
        return (slantRangeTime + sample / rangeSampling) * SarGeometry.SPEED_OF_LIGHT / 2;
    }

    /** The (fractional) sample of a one-way slant range. */
    public double sample(double slantRange) {
        return (2 * slantRange / SarGeometry.SPEED_OF_LIGHT - slantRangeTime) * rangeSampling;
    }

    /** Deramping phase of burst {@code k}, or null for stripmap. */
    public TopsDeramp deramp(int k) {
        return deramps == null ? null : deramps[k];
    }

    public boolean tops() {
        return deramps != null;
    }

    /** The calibration LUT (A_σ, A_γ or A_β) on the stacked lines. */
    public LineVectorLut calibration() {
        return calibration;
    }

    /** Azimuth time interval between burst starts (lines), for overlap bookkeeping; 0 with one burst. */
    public double burstCycleLines() {
        return bursts < 2 ? 0 : (burstStart[1] - burstStart[0]) / lineInterval;
    }

    @Override
    public String toString() {
        return product.name() + " " + image.swath() + " " + image.polarisation();
    }
}
