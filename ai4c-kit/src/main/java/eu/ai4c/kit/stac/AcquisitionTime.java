package eu.ai4c.kit.stac;

import eu.ai4c.kit.raster.Metadata;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When the input of a product was acquired: start and end of the sensing (UTC). Read from the
 * source product's metadata ({@code first_line_time}/{@code last_line_time}, SNAP's abstracted
 * metadata names, which the Sentinel-1 reader writes; {@code PRODUCT_START_TIME}/{@code PRODUCT_STOP_TIME}),
 * else from the product name: the Sentinel-1 and Sentinel-2 naming conventions carry the sensing
 * start ({@code …_20210601T052510_…}; Sentinel-1 also the stop right after it). Immutable.
 *
 * @param start first acquisition instant
 * @param end   last acquisition instant (equal to start when only one is known)
 */
public record AcquisitionTime(Instant start, Instant end) {
    private static final Pattern STAMP = Pattern.compile("(?<![0-9])(\\d{8}T\\d{6})(?![0-9])");
    private static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

    /** The span covering both. */
    public AcquisitionTime union(AcquisitionTime o) {
        return new AcquisitionTime(start.isBefore(o.start) ? start : o.start, end.isAfter(o.end) ? end : o.end);
    }

    /** The acquisition time of a source product from its metadata, else from its file name. */
    public static Optional<AcquisitionTime> of(Metadata metadata, Path location, String productName) {
        Optional<AcquisitionTime> fromMetadata = fromMetadata(metadata);
        if (fromMetadata.isPresent()) return fromMetadata;
        Optional<AcquisitionTime> fromName = fromName(productName);
        if (fromName.isPresent() || location == null || location.getFileName() == null) return fromName;
        return fromName(location.getFileName().toString());
    }

    static Optional<AcquisitionTime> fromMetadata(Metadata m) {
        if (m == null) return Optional.empty();
        Optional<Instant> start = instant(m, "first_line_time").or(() -> instant(m, "PRODUCT_START_TIME"));
        if (start.isPresent()) {
            Instant end = instant(m, "last_line_time").or(() -> instant(m, "PRODUCT_STOP_TIME")).orElse(start.get());
            return Optional.of(new AcquisitionTime(start.get(), end.isBefore(start.get()) ? start.get() : end));
        }
        for (Metadata c : m.children()) {
            Optional<AcquisitionTime> t = fromMetadata(c);
            if (t.isPresent()) return t;
        }
        return Optional.empty();
    }

    /** From a Sentinel-style name: the first compact timestamp is the start, a second one right after it the stop. */
    static Optional<AcquisitionTime> fromName(String name) {
        if (name == null) return Optional.empty();
        Matcher mt = STAMP.matcher(name);
        List<Instant> found = new ArrayList<>();
        while (mt.find() && found.size() < 2) {
            try {
                found.add(LocalDateTime.parse(mt.group(1), COMPACT).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException notADate) {
                // digits that only look like a timestamp
            }
        }
        if (found.isEmpty()) return Optional.empty();
        Instant start = found.get(0);
        // Sentinel-2 names end with the generation time, Sentinel-1 names give start then stop within minutes
        Instant end = found.size() == 2 && !found.get(1).isBefore(start)
                && found.get(1).getEpochSecond() - start.getEpochSecond() < 3600 ? found.get(1) : start;
        return Optional.of(new AcquisitionTime(start, end));
    }

    private static Optional<Instant> instant(Metadata m, String key) {
        return m.get(key).flatMap(AcquisitionTime::parse);
    }

    private static Optional<Instant> parse(String s) {
        String t = s.trim();
        try {
            return Optional.of(Instant.parse(t));
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(LocalDateTime.parse(t.endsWith("Z") ? t.substring(0, t.length() - 1) : t)
                        .toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException e2) {
                return Optional.empty();
            }
        }
    }
}
