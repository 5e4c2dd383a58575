package eu.ai4c.vector;

import eu.ai4c.vector.schema.FeatureClass;
import eu.ai4c.vector.schema.FeatureSchema;
import eu.ai4c.vector.schema.GeometryKind;
import eu.ai4c.vector.schema.TagCondition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a small OSM XML document with, for every class and rule alternative of a schema, one
 * object per geometry the class takes: a tagged node, an open way, a closed way, and a
 * multipolygon relation whose outer ring is split over two ways and which has a hole. Each
 * class sits in its own 0.01° cell so that areas of interest can pick classes by place. Plus the
 * cases cleansing must handle: a self-intersecting closed way, a relation whose ring does not
 * close, a line of two nodes at one place, and objects of no class.
 */
public final class SyntheticOsm {
    private final StringBuilder nodes = new StringBuilder();
    private final StringBuilder ways = new StringBuilder();
    private final StringBuilder relations = new StringBuilder();
    private long nextNode = 1;
    private long nextWay = 1;
    private long nextRelation = 1;

    /** The document for {@code schema}; class {@code i} lies in the cell at lon 1 + 0.01·i, lat 42. */
    public static String forSchema(FeatureSchema schema) {
        SyntheticOsm o = new SyntheticOsm();
        int cell = 0;
        for (FeatureClass c : schema.classes()) {
            double x0 = 1 + 0.01 * cell++;
            double y0 = 42;
            int k = 0;
            for (List<TagCondition> alt : c.match()) {
                String tags = tags(alt);
                double y = y0 + 0.002 * k++;
                if (c.takes(GeometryKind.POINT)) o.node(x0 + 0.0005, y + 0.0005, tags);
                if (c.takes(GeometryKind.LINE)) o.way(tags, x0, y, x0 + 0.001, y + 0.0003, x0 + 0.002, y);
                if (c.takes(GeometryKind.POLYGON)) {
                    o.way(tags, x0 + 0.003, y, x0 + 0.004, y, x0 + 0.004, y + 0.001, x0 + 0.003, y + 0.001, x0 + 0.003, y);
                    o.multipolygon(tags, x0 + 0.005, y, 0.0015);
                }
            }
        }
        // cleansing cases, in cell -1
        String built = "<tag k=\"landuse\" v=\"residential\"/>";
        o.way(built, 0.99, 42, 0.995, 42.005, 0.995, 42, 0.99, 42.005, 0.99, 42); // bowtie: repaired
        o.way("<tag k=\"highway\" v=\"primary\"/>", 0.99, 42.01, 0.99, 42.01); // one place: dropped
        long a = o.node(0.991, 42.02, "");
        long b = o.node(0.992, 42.02, "");
        long c = o.node(0.992, 42.021, "");
        long open = o.wayOf("", a, b, c);
        o.relations.append(String.format(Locale.ROOT, "<relation id=\"%d\" version=\"1\"><member type=\"way\" ref=\"%d\" "
                + "role=\"outer\"/><tag k=\"type\" v=\"multipolygon\"/>%s</relation>%n", o.nextRelation++, open, built));
        o.node(0.993, 42.03, "<tag k=\"amenity\" v=\"bench\"/>"); // no class
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<osm version=\"0.6\" generator=\"test\">\n"
                + o.nodes + o.ways + o.relations + "</osm>\n";
    }

    /** Tags satisfying all conditions of an alternative, with a name. */
    static String tags(List<TagCondition> alt) {
        StringBuilder sb = new StringBuilder();
        for (TagCondition t : alt) {
            String v;
            if (t.values().isEmpty()) v = "yes";
            else if (t.negated()) v = t.values().contains("yes") ? "x" : "yes";
            else v = t.values().iterator().next();
            sb.append("<tag k=\"").append(t.key()).append("\" v=\"").append(v).append("\"/>");
        }
        return sb.append("<tag k=\"name\" v=\"N&amp;M\"/>").toString();
    }

    private long node(double lon, double lat, String tags) {
        long id = nextNode++;
        nodes.append(String.format(Locale.ROOT, "<node id=\"%d\" version=\"1\" lat=\"%.7f\" lon=\"%.7f\">%s</node>%n",
                id, lat, lon, tags));
        return id;
    }

    /** A way through new nodes at (lon, lat) pairs; a repeated first pair closes it on the first node. */
    private long way(String tags, double... lonLat) {
        List<Long> refs = new ArrayList<>();
        int n = lonLat.length / 2;
        boolean closed = n > 2 && lonLat[0] == lonLat[2 * n - 2] && lonLat[1] == lonLat[2 * n - 1];
        for (int i = 0; i < (closed ? n - 1 : n); i++) refs.add(node(lonLat[2 * i], lonLat[2 * i + 1], ""));
        if (closed) refs.add(refs.get(0));
        return wayOf(tags, refs.stream().mapToLong(Long::longValue).toArray());
    }

    private long wayOf(String tags, long... refs) {
        long id = nextWay++;
        ways.append("<way id=\"").append(id).append("\" version=\"1\">");
        for (long r : refs) ways.append("<nd ref=\"").append(r).append("\"/>");
        ways.append(tags).append("</way>\n");
        return id;
    }

    /** A square of side {@code s} with a hole, the outer ring split over two ways (one reversed). */
    private void multipolygon(String tags, double x, double y, double s) {
        long a = node(x, y, "");
        long b = node(x + s, y, "");
        long c = node(x + s, y + s, "");
        long d = node(x, y + s, "");
        long w1 = wayOf("", a, b, c);
        long w2 = wayOf("", a, d, c); // reversed half
        long hole = way("", x + s / 4, y + s / 4, x + s / 2, y + s / 4, x + s / 2, y + s / 2, x + s / 4, y + s / 2,
                x + s / 4, y + s / 4);
        relations.append(String.format(Locale.ROOT, "<relation id=\"%d\" version=\"2\">"
                + "<member type=\"way\" ref=\"%d\" role=\"outer\"/><member type=\"way\" ref=\"%d\" role=\"outer\"/>"
                + "<member type=\"way\" ref=\"%d\" role=\"inner\"/><tag k=\"type\" v=\"multipolygon\"/>%s</relation>%n",
                nextRelation++, w1, w2, hole, tags));
    }
}
