package eu.ai4c.s2.safe;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.aoi.vector.Polygons;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.w3c.dom.Element;

/**
 * The vector cloud mask of Level-1C products before processing baseline 04.00
 * ({@code QI_DATA/MSK_CLOUDS_B00.gml}): {@code eop:MaskFeature}s of type {@code OPAQUE} or
 * {@code CIRRUS}, each a GML polygon in the tile's UTM coordinates (easting, northing). An
 * empty mask (no cloud) has no features. Immutable.
 *
 * @param opaque polygons of opaque clouds
 * @param cirrus polygons of cirrus clouds
 */
public record GmlCloudMask(List<Polygon> opaque, List<Polygon> cirrus) {

    public GmlCloudMask {
        opaque = List.copyOf(opaque);
        cirrus = List.copyOf(cirrus);
    }

    /** All cloud polygons, opaque then cirrus. */
    public List<Polygon> all() {
        List<Polygon> a = new ArrayList<>(opaque);
        a.addAll(cirrus);
        return a;
    }

    /**
     * Parses a GML mask.
     *
     * @param where the file, for messages
     */
    public static GmlCloudMask parse(InputStream in, String where) throws IOException {
        Element root = Xml.parse(in, where);
        List<Polygon> opaque = new ArrayList<>(), cirrus = new ArrayList<>();
        for (Element f : Xml.all(root, "MaskFeature")) {
            String type = Xml.text(f, "maskType").orElse("").toUpperCase(Locale.ROOT);
            for (Element p : Xml.all(f, "Polygon")) {
                Polygon poly = polygon(p, where);
                if (type.equals("CIRRUS")) cirrus.add(poly);
                else opaque.add(poly);
            }
        }
        return new GmlCloudMask(opaque, cirrus);
    }

    private static Polygon polygon(Element p, String where) {
        LinearRing shell = null;
        List<LinearRing> holes = new ArrayList<>();
        for (Element e : Xml.all(p, "exterior")) shell = ring(e, where);
        for (Element e : Xml.all(p, "interior")) holes.add(ring(e, where));
        if (shell == null) throw new Ai4cException(where + ": a cloud polygon has no exterior ring; the mask is damaged.");
        return Polygons.polygon(shell, holes);
    }

    private static LinearRing ring(Element ringParent, String where) {
        String text = Xml.text(ringParent, "posList").orElseThrow(() ->
                new Ai4cException(where + ": a cloud polygon ring has no gml:posList; the mask is damaged."));
        String[] t = text.trim().split("\\s+");
        int dim = 2;
        Element pos = Xml.first(ringParent, "posList").orElseThrow();
        if (!pos.getAttribute("srsDimension").isEmpty()) dim = Integer.parseInt(pos.getAttribute("srsDimension").trim());
        if (t.length % dim != 0 || t.length < 4 * dim) {
            throw new Ai4cException(where + ": a cloud polygon ring has " + t.length + " numbers; the mask is damaged.");
        }
        Coordinate[] c = new Coordinate[t.length / dim];
        for (int i = 0; i < c.length; i++) {
            c[i] = new Coordinate(Xml.number(t[i * dim], "posList", where), Xml.number(t[i * dim + 1], "posList", where));
        }
        return Polygons.ring(c, where);
    }
}
