package eu.ai4c.s1.safe;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The noise annotation of one swath and polarisation ({@code annotation/calibration/noise-….xml}),
 * in either layout:
 * <ul>
 * <li>IPF before 2.9: {@code noiseVectorList/noiseVector} with {@code noiseLut} — read here as
 * range vectors, and {@link #noiseAzimuthVectorList()} is empty (azimuth factor 1);</li>
 * <li>IPF 2.9 and later: {@code noiseRangeVectorList/noiseRangeVector} ({@code noiseRangeLut}) and
 * {@code noiseAzimuthVectorList/noiseAzimuthVector} ({@code noiseAzimuthLut}) whose product is the noise power.</li>
 * </ul>
 * Noise values are in the same power units as {@code |DN|²}. Immutable (arrays must not be modified).
 *
 * @param file                    the file name, for messages
 * @param adsHeader               the header
 * @param noiseRangeVectorList    range vectors by increasing line
 * @param noiseAzimuthVectorList  azimuth blocks (empty in the pre-2.9 layout)
 * @param legacyLayout            true when read from the pre-2.9 {@code noiseVectorList}
 */
public record NoiseLuts(String file, AdsHeader adsHeader, List<NoiseRangeVector> noiseRangeVectorList,
                        List<NoiseAzimuthVector> noiseAzimuthVectorList, boolean legacyLayout) {

    public NoiseLuts {
        noiseRangeVectorList = List.copyOf(noiseRangeVectorList);
        noiseAzimuthVectorList = List.copyOf(noiseAzimuthVectorList);
    }

    /**
     * One {@code noiseRangeVector} (or pre-2.9 {@code noiseVector}).
     *
     * @param azimuthTime   UTC
     * @param line          image line (may lie outside the image for SLC)
     * @param pixel         samples, strictly increasing
     * @param noiseRangeLut noise power at those samples
     */
    public record NoiseRangeVector(Instant azimuthTime, int line, int[] pixel, double[] noiseRangeLut) {
    }

    /**
     * One {@code noiseAzimuthVector}: the azimuth noise profile of a block of the image
     * ({@code firstAzimuthLine..lastAzimuthLine} × {@code firstRangeSample..lastRangeSample}, inclusive).
     *
     * @param swath           e.g. {@code IW1}
     * @param line            lines of the profile, strictly increasing
     * @param noiseAzimuthLut the factor at those lines
     */
    public record NoiseAzimuthVector(String swath, int firstAzimuthLine, int firstRangeSample, int lastAzimuthLine,
                                     int lastRangeSample, int[] line, double[] noiseAzimuthLut) {
    }

    /** Azimuth blocks tile the image: an overlap would apply two factors to the same pixels. */
    private static void checkBlocksDisjoint(SafeXml root, List<NoiseAzimuthVector> blocks) {
        for (int i = 0; i < blocks.size(); i++) {
            for (int j = i + 1; j < blocks.size(); j++) {
                NoiseAzimuthVector a = blocks.get(i), b = blocks.get(j);
                boolean lines = a.firstAzimuthLine() <= b.lastAzimuthLine() && b.firstAzimuthLine() <= a.lastAzimuthLine();
                boolean samples = a.firstRangeSample() <= b.lastRangeSample() && b.firstRangeSample() <= a.lastRangeSample();
                if (lines && samples) {
                    throw root.child("noiseAzimuthVectorList").error("has overlapping blocks " + i + " and " + j
                            + " (lines " + b.firstAzimuthLine() + ".." + b.lastAzimuthLine() + ", samples "
                            + b.firstRangeSample() + ".." + b.lastRangeSample() + ")");
                }
            }
        }
    }

    /** Parses noise XML bytes of either layout; {@code fileName} is used in messages. */
    public static NoiseLuts parse(byte[] xml, String fileName) {
        SafeXml root = SafeXml.parse(xml, fileName);
        if (!root.name().equals("noise")) throw root.error("is not a noise annotation (root <" + root.name() + ">)");
        AdsHeader header = AdsHeader.parse(root);
        boolean legacy = root.optChild("noiseRangeVectorList").isEmpty();
        SafeXml list;
        String item, lut;
        if (legacy) {
            list = root.optChild("noiseVectorList").orElseThrow(() -> root.error(
                    "has neither noiseRangeVectorList (IPF 2.9 and later) nor noiseVectorList (earlier IPF)"));
            item = "noiseVector";
            lut = "noiseLut";
        } else {
            list = root.child("noiseRangeVectorList");
            item = "noiseRangeVector";
            lut = "noiseRangeLut";
        }
        List<NoiseRangeVector> range = new ArrayList<>();
        int previousLine = Integer.MIN_VALUE;
        for (SafeXml v : list.listItems(item)) {
            int line = v.intValue("line");
            if (line <= previousLine) throw v.error("has line " + line + " after line " + previousLine + " (lines must increase)");
            previousLine = line;
            int[] pixel = v.ints("pixel");
            LutChecks.checkPixels(v, pixel);
            range.add(new NoiseRangeVector(v.instant("azimuthTime"), line, pixel, LutChecks.sameLength(v, pixel, "pixels", lut)));
        }
        if (range.isEmpty()) throw list.error("holds no " + item);

        List<NoiseAzimuthVector> azimuth = new ArrayList<>();
        if (!legacy) {
            for (SafeXml v : root.child("noiseAzimuthVectorList").listItems("noiseAzimuthVector")) {
                int first = v.intValue("firstAzimuthLine"), last = v.intValue("lastAzimuthLine");
                int firstSample = v.intValue("firstRangeSample"), lastSample = v.intValue("lastRangeSample");
                if (last < first || lastSample < firstSample) {
                    throw v.error("has an empty block lines " + first + ".." + last + ", samples " + firstSample + ".." + lastSample);
                }
                int[] lines = v.ints("line");
                if (lines.length == 0) throw v.error("has an empty line list");
                for (int i = 1; i < lines.length; i++) {
                    if (lines[i] <= lines[i - 1]) throw v.error("has line " + lines[i] + " after " + lines[i - 1] + " (lines must increase)");
                }
                azimuth.add(new NoiseAzimuthVector(v.optChild("swath").map(SafeXml::text).orElse(header.swath()),
                        first, firstSample, last, lastSample, lines, LutChecks.sameLength(v, lines, "lines", "noiseAzimuthLut")));
            }
        }
        checkBlocksDisjoint(root, azimuth);
        return new NoiseLuts(fileName, header, range, azimuth, legacy);
    }
}
