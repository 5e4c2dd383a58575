package eu.ai4c.kit.geo;

import eu.ai4c.kit.Ai4cException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.sis.referencing.CRS;
import org.opengis.referencing.crs.CRSAuthorityFactory;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.util.FactoryException;
import org.opengis.util.InternationalString;

/**
 * The coordinate reference systems of the embedded EPSG database, searchable by code and name,
 * for CRS choosers (as SNAP's "Predefined CRS" list). The list is read once (a few seconds: one
 * query per code) and kept. Thread-safe.
 */
public final class CrsCatalog {
    /**
     * One CRS of the database.
     *
     * @param code e.g. {@code EPSG:32632}, in the form {@link Projections#parse} accepts
     * @param name e.g. {@code WGS 84 / UTM zone 32N}
     */
    public record Entry(String code, String name) {
        @Override
        public String toString() {
            return code + " - " + name;
        }
    }

    private static volatile List<Entry> all;

    private CrsCatalog() {
    }

    /** Every CRS of the EPSG database, by ascending code. */
    public static List<Entry> all() {
        List<Entry> a = all;
        if (a != null) return a;
        synchronized (CrsCatalog.class) {
            if (all != null) return all;
            Projections.silenceDatabaseLog();
            try {
                CRSAuthorityFactory f = (CRSAuthorityFactory) CRS.getAuthorityFactory("EPSG");
                List<Entry> entries = new ArrayList<>();
                for (String code : f.getAuthorityCodes(CoordinateReferenceSystem.class)) {
                    String c = code.contains(":") ? code.substring(code.lastIndexOf(':') + 1) : code;
                    InternationalString d;
                    try {
                        d = f.getDescriptionText(c);
                    } catch (FactoryException unnamed) {
                        continue; // a code the database lists but cannot describe: not offered
                    }
                    entries.add(new Entry("EPSG:" + c, d == null ? "" : d.toString(Locale.ROOT)));
                }
                entries.sort(Comparator.comparingLong(CrsCatalog::numeric).thenComparing(Entry::code));
                all = List.copyOf(entries);
                return all;
            } catch (FactoryException e) {
                throw new Ai4cException("The EPSG database cannot be listed: " + e.getMessage(), e);
            }
        }
    }

    /**
     * The entries whose code and name hold every word of {@code query} (case-insensitive), the one
     * whose code equals the query first; at most {@code limit}.
     */
    public static List<Entry> search(String query, int limit) {
        String q = query == null ? "" : query.trim().toLowerCase(Locale.ROOT);
        String[] words = q.isEmpty() ? new String[0] : q.split("[\\s,]+");
        List<Entry> exact = new ArrayList<>();
        List<Entry> out = new ArrayList<>();
        for (Entry e : all()) {
            String hay = (e.code() + " " + e.name()).toLowerCase(Locale.ROOT);
            boolean ok = true;
            for (String w : words) {
                if (!hay.contains(w)) {
                    ok = false;
                    break;
                }
            }
            if (!ok) continue;
            String bare = e.code().substring(e.code().indexOf(':') + 1);
            if (q.equals(bare) || q.equals(e.code().toLowerCase(Locale.ROOT))) exact.add(e);
            else out.add(e);
        }
        exact.addAll(out);
        return exact.size() > limit ? List.copyOf(exact.subList(0, limit)) : List.copyOf(exact);
    }

    private static long numeric(Entry e) {
        try {
            return Long.parseLong(e.code().substring(e.code().indexOf(':') + 1));
        } catch (NumberFormatException notNumeric) {
            return Long.MAX_VALUE;
        }
    }
}
