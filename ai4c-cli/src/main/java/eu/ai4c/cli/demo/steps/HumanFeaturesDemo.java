package eu.ai4c.cli.demo.steps;

import eu.ai4c.cli.demo.DemoOutcome;
import eu.ai4c.cli.demo.DemoStep;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.vector.query.FeatureQuery;
import eu.ai4c.vector.query.QueryArea;
import eu.ai4c.vector.schema.FeatureSchema;
import eu.ai4c.vector.store.FeatureStore;
import eu.ai4c.vector.store.StoreLoader;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Demo of the human-features service on real OpenStreetMap data (the Andorra extract, © OpenStreetMap
 * contributors, ODbL): load into a GeoPackage store, query hospitals, fuel stations and roads in
 * Andorra la Vella clipped to a box as GeoJSON, and draw a map of the store with the box.
 */
public final class HumanFeaturesDemo implements DemoStep {
    /** Andorra la Vella and Escaldes-Engordany, west,south,east,north. */
    static final String BOX = "1.505,42.495,1.545,42.518";

    @Override
    public String name() {
        return "humanfeatures";
    }

    @Override
    public int order() {
        return 80;
    }

    @Override
    public DemoOutcome run(Path outDir, ProcessingContext context) throws IOException {
        Path input = Files.createDirectories(outDir.resolve("input")).resolve("andorra.osm.pbf");
        try (InputStream in = HumanFeaturesDemo.class.getResourceAsStream("/eu/ai4c/cli/demo/osm/andorra.osm.pbf")) {
            if (in == null) throw new IOException("the demo's Andorra extract is missing from the ai4c-cli jar");
            Files.copy(in, input, StandardCopyOption.REPLACE_EXISTING);
        }
        Path store = outDir.resolve("andorra_features.gpkg");
        StoreLoader.Result loaded = StoreLoader.load(input, store, FeatureSchema.builtIn().classes(), context);
        Path geojson = outDir.resolve("andorra_la_vella.geojson");
        FeatureQuery.Result q = FeatureQuery.run(new FeatureQuery.Request(store, List.of("hospital", "fuel_station",
                "road", "bridge"), QueryArea.parse(BOX), true, geojson));
        Path png = outDir.resolve("andorra_features.png");
        try (FeatureStore fs = FeatureStore.open(store, 1)) {
            drawMap(fs, QueryArea.parse(BOX).getEnvelopeInternal(), png);
        }
        long total = loaded.stored().values().stream().mapToLong(Long::longValue).sum();
        StringBuilder counts = new StringBuilder();
        for (Map.Entry<String, Long> e : q.counts().entrySet()) {
            if (counts.length() > 0) counts.append(", ");
            counts.append(e.getValue()).append(' ').append(e.getKey());
        }
        return new DemoOutcome("The OpenStreetMap extract of Andorra (© OpenStreetMap contributors, ODbL) is loaded by "
                + "humanfeatures-load into a GeoPackage store of " + total + " features in "
                + loaded.stored().values().stream().filter(n -> n > 0).count() + " classes (open it in QGIS). "
                + "humanfeatures-query then cuts the hospitals, fuel stations, roads and bridges of Andorra la Vella "
                + "out of it (" + counts + ") as RFC 7946 GeoJSON. The map shows the store: built-up areas grey, "
                + "roads blue, hospitals red, fuel stations orange, the query box dashed. Run 'ai4c serve --store "
                + store.getFileName() + "' to browse it on a web map.",
                List.of(store, geojson), List.of(png));
    }

    /** Draws the store's built-up areas, roads and points of interest, and the query box. */
    static void drawMap(FeatureStore fs, Envelope box, Path png) throws IOException {
        Envelope e = fs.extent();
        int w = 900;
        double cos = Math.cos(Math.toRadians(e.centre().y));
        int h = (int) Math.round(w * e.getHeight() / (e.getWidth() * cos));
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(0xF4F4F0));
        g.fillRect(0, 0, w, h);
        double sx = w / e.getWidth();
        double sy = h / e.getHeight();
        Map<String, Color> colours = Map.of("built_up", new Color(0xCCCCCC), "road", new Color(0x1565C0),
                "hospital", new Color(0xD32F2F), "fuel_station", new Color(0xF57C00));
        for (String cls : List.of("built_up", "road", "hospital", "fuel_station")) {
            if (fs.classes().stream().noneMatch(c -> c.name().equals(cls))) continue;
            g.setColor(colours.get(cls));
            g.setStroke(new BasicStroke(1f));
            fs.query(cls, null, false, f -> {
                draw(g, f.geometry(), e, sx, sy, h);
                return true;
            });
        }
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        g.drawRect((int) ((box.getMinX() - e.getMinX()) * sx), (int) (h - (box.getMaxY() - e.getMinY()) * sy),
                (int) (box.getWidth() * sx), (int) (box.getHeight() * sy));
        g.dispose();
        ImageIO.write(img, "png", png.toFile());
    }

    private static void draw(Graphics2D g, Geometry geom, Envelope e, double sx, double sy, int h) {
        for (int i = 0; i < geom.getNumGeometries(); i++) {
            Geometry part = geom.getGeometryN(i);
            if (part instanceof Point p) {
                int x = (int) ((p.getX() - e.getMinX()) * sx);
                int y = (int) (h - (p.getY() - e.getMinY()) * sy);
                g.fillOval(x - 4, y - 4, 8, 8);
            } else if (part instanceof Polygon poly) {
                g.fill(path(poly.getExteriorRing().getCoordinates(), e, sx, sy, h));
            } else if (part instanceof LineString l) {
                g.draw(path(l.getCoordinates(), e, sx, sy, h));
            }
        }
    }

    private static Path2D path(Coordinate[] cs, Envelope e, double sx, double sy, int h) {
        Path2D.Double p = new Path2D.Double();
        for (int k = 0; k < cs.length; k++) {
            double x = (cs[k].x - e.getMinX()) * sx;
            double y = h - (cs[k].y - e.getMinY()) * sy;
            if (k == 0) p.moveTo(x, y);
            else p.lineTo(x, y);
        }
        return p;
    }
}
