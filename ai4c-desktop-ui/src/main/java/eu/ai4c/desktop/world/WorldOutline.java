package eu.ai4c.desktop.world;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The built-in world outline of the World View: the country polygons (Natural Earth 1:110 m, 177
 * countries and Antarctica, ISO 3166-1 alpha-3 ids) of the DataMaps library's world map
 * ({@code org.webjars.bower:datamaps}, MIT licence), whose {@code datamaps.world.js} the build
 * copies into this module. That script holds the map as a TopoJSON topology ({@code worldTopo},
 * TopoJSON format specification 1.0): shared arcs of quantised, delta-encoded positions
 * ({@code lon = Σdx · scale[0] + translate[0]}), and per country a Polygon or MultiPolygon whose
 * rings list arc indices (a negative index {@code ~i} is arc {@code i} reversed; consecutive arcs
 * share their end points). Rings that cross the antimeridian (Russia, Fiji) are cut there
 * ({@link LonLatRings#splitAtAntimeridian}), so none is drawn across the map. Decoded once, on
 * first use.
 */
public final class WorldOutline {
    /** Where the build puts DataMaps' world map in this module. */
    static final String RESOURCE = "datamaps.world.js";
    private static final String TOPOLOGY = "worldTopo = ";

    /** One country: its ISO 3166-1 alpha-3 id and its rings ({@link LonLatRings} layout, unclosed). */
    public record Country(String id, List<double[]> rings) {
    }

    private static volatile List<Country> countries;

    private WorldOutline() {
    }

    /** The countries of the built-in outline. */
    public static List<Country> countries() {
        List<Country> c = countries;
        if (c == null) {
            try (InputStream in = WorldOutline.class.getResourceAsStream(RESOURCE)) {
                if (in == null) throw new IllegalStateException(RESOURCE + " is missing from the AI4C desktop module");
                c = decode(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read the built-in world outline " + RESOURCE + ": " + e, e);
            }
            countries = c;
        }
        return c;
    }

    /** Every ring of every country, for {@link WorldMapPanel#setBackgroundLayer}. */
    public static List<double[]> rings() {
        List<double[]> all = new ArrayList<>();
        for (Country c : countries()) all.addAll(c.rings());
        return all;
    }

    /** Decodes the topology that follows {@code worldTopo = } in the script. */
    static List<Country> decode(Reader script) throws IOException {
        StringBuilder text = new StringBuilder(1 << 19);
        char[] buf = new char[1 << 14];
        for (int n; (n = script.read(buf)) > 0; ) text.append(buf, 0, n);
        int at = text.indexOf(TOPOLOGY);
        if (at < 0) throw new IOException("no " + TOPOLOGY.trim() + " topology in " + RESOURCE);
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.JsonNode topo;
        try (var parser = mapper.getFactory().createParser(text.substring(at + TOPOLOGY.length()))) {
            topo = mapper.readTree(parser); // reads the one object, stops at its closing brace
        }
        double[] scale = {topo.at("/transform/scale/0").asDouble(), topo.at("/transform/scale/1").asDouble()};
        double[] translate = {topo.at("/transform/translate/0").asDouble(), topo.at("/transform/translate/1").asDouble()};
        if (scale[0] == 0 || scale[1] == 0) throw new IOException(RESOURCE + ": the topology has no quantisation transform");
        List<double[]> arcs = new ArrayList<>();
        for (var arc : topo.get("arcs")) {
            double[] xy = new double[2 * arc.size()];
            long x = 0, y = 0;
            for (int i = 0; i < arc.size(); i++) {
                x += arc.get(i).get(0).asLong();
                y += arc.get(i).get(1).asLong();
                xy[2 * i] = x * scale[0] + translate[0];
                xy[2 * i + 1] = y * scale[1] + translate[1];
            }
            arcs.add(xy);
        }
        List<Country> out = new ArrayList<>();
        for (var g : topo.at("/objects/world/geometries")) {
            List<double[]> rings = new ArrayList<>();
            switch (g.path("type").asText()) {
                case "Polygon" -> {
                    for (var ring : g.get("arcs")) rings.addAll(LonLatRings.splitAtAntimeridian(ring(ring, arcs)));
                }
                case "MultiPolygon" -> {
                    for (var polygon : g.get("arcs")) {
                        for (var ring : polygon) rings.addAll(LonLatRings.splitAtAntimeridian(ring(ring, arcs)));
                    }
                }
                default -> {
                    continue; // a null geometry (no area at this scale)
                }
            }
            out.add(new Country(g.path("id").asText(), List.copyOf(rings)));
        }
        return List.copyOf(out);
    }

    /** One ring from its arc indices: the arcs joined end to start, without the closing point. */
    private static double[] ring(com.fasterxml.jackson.databind.JsonNode indices, List<double[]> arcs) {
        int n = 0;
        for (var ix : indices) n += arcs.get(index(ix.asInt())).length / 2 - 1;
        double[] r = new double[2 * n];
        int k = 0;
        for (var ix : indices) {
            int i = ix.asInt();
            double[] a = arcs.get(index(i));
            int points = a.length / 2;
            // each arc without its last point: the next arc (or the ring's start) begins there
            for (int p = 0; p < points - 1; p++) {
                int q = i >= 0 ? p : points - 1 - p;
                r[k++] = a[2 * q];
                r[k++] = a[2 * q + 1];
            }
        }
        return r;
    }

    private static int index(int i) {
        return i >= 0 ? i : ~i;
    }
}
