package eu.ai4c.s2.safe;

import eu.ai4c.kit.Ai4cException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Element;

/** Parses Sentinel-2 tile metadata ({@code MTD_TL.xml}, L1C and L2A, all PSD versions). Stateless. */
public final class TileMetadataParser {
    private static final Pattern TILE = Pattern.compile("_(T\\d{2}[A-Z]{3})_");
    /** Largest grid side accepted: a tile is 10980 pixels at 10 m; anything far beyond is damage, not data. */
    static final int MAX_PIXELS = 100_000;

    private TileMetadataParser() {
    }

    /**
     * @param in    the XML
     * @param where the file name, for messages
     * @throws Ai4cException when the geocoding is missing or malformed
     */
    public static TileMetadata parse(InputStream in, String where) throws IOException {
        Element root = Xml.parse(in, where);
        String tileId = Xml.required(root, "TILE_ID", where);
        Matcher m = TILE.matcher(tileId + "_");
        String tileName = m.find() ? m.group(1) : "";
        String cs = Xml.required(root, "HORIZONTAL_CS_CODE", where);
        int epsg;
        try {
            epsg = Integer.parseInt(cs.substring(cs.lastIndexOf(':') + 1).trim());
        } catch (NumberFormatException e) {
            throw new Ai4cException(where + ": HORIZONTAL_CS_CODE \"" + cs + "\" is not an EPSG code; the metadata is damaged.");
        }
        Map<Integer, int[]> sizes = new HashMap<>();
        for (Element s : Xml.all(root, "Size")) {
            int res = resolution(s, where);
            sizes.put(res, new int[] {pixels(s, "NCOLS", res, where), pixels(s, "NROWS", res, where)});
        }
        Map<Integer, TileGrid> grids = new HashMap<>();
        for (Element g : Xml.all(root, "Geoposition")) {
            int res = resolution(g, where);
            int[] size = sizes.get(res);
            if (size == null) {
                throw new Ai4cException(where + " has a Geoposition at " + res + " m but no Size; the metadata is incomplete.");
            }
            double ulx = finite(g, "ULX", res, where), uly = finite(g, "ULY", res, where);
            double xdim = finite(g, "XDIM", res, where), ydim = finite(g, "YDIM", res, where);
            // a north-up grid: columns eastwards, rows southwards
            if (!(xdim > 0) || !(ydim < 0)) {
                throw new Ai4cException(where + ": the " + res + " m grid has XDIM " + xdim + " and YDIM " + ydim
                        + " (a tile's are positive and negative); the metadata is damaged. Download the product again.");
            }
            grids.put(res, new TileGrid(res, ulx, uly, xdim, ydim, size[0], size[1]));
        }
        if (grids.isEmpty()) {
            throw new Ai4cException(where + " has no Tile_Geocoding/Geoposition; the tile cannot be located.");
        }
        Map<String, List<String>> masks = new LinkedHashMap<>();
        for (Element f : Xml.all(root, "MASK_FILENAME")) {
            masks.computeIfAbsent(f.getAttribute("type"), k -> new ArrayList<>()).add(f.getTextContent().trim());
        }
        double cloudy = Xml.text(root, "CLOUDY_PIXEL_PERCENTAGE")
                .map(t -> Xml.number(t, "CLOUDY_PIXEL_PERCENTAGE", where)).orElse(Double.NaN);
        return new TileMetadata(tileId, tileName, epsg, grids, masks, cloudy);
    }

    /** A grid size, refused unless it is a whole number of pixels between 1 and {@value #MAX_PIXELS}. */
    private static int pixels(Element size, String name, int res, String where) {
        double v = Xml.number(Xml.required(size, name, where), name, where);
        if (!(v >= 1 && v <= MAX_PIXELS) || v != Math.rint(v)) {
            throw new Ai4cException(where + ": " + name + " of the " + res + " m grid is " + Xml.required(size, name, where)
                    + ", not a pixel count (1 to " + MAX_PIXELS + "); the metadata is damaged. Download the product again.");
        }
        return (int) v;
    }

    private static double finite(Element geoposition, String name, int res, String where) {
        double v = Xml.number(Xml.required(geoposition, name, where), name, where);
        if (!Double.isFinite(v)) {
            throw new Ai4cException(where + ": " + name + " of the " + res + " m grid is " + v
                    + "; the metadata is damaged. Download the product again.");
        }
        return v;
    }

    private static int resolution(Element e, String where) {
        return (int) Xml.number(e.getAttribute("resolution"), e.getTagName() + " resolution", where);
    }
}
