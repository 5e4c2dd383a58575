package eu.ai4c.vector.ops;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.op.FileOperator;
import eu.ai4c.kit.op.OperatorDescriptor;
import eu.ai4c.kit.op.ParameterDescriptor;
import eu.ai4c.kit.op.ParameterType;
import eu.ai4c.kit.op.ParameterValues;
import eu.ai4c.kit.op.ProductKind;
import eu.ai4c.kit.op.SourceDescriptor;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.vector.query.FeatureQuery;
import eu.ai4c.vector.query.QueryArea;
import eu.ai4c.vector.schema.FeatureClass;
import eu.ai4c.vector.schema.FeatureSchema;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * {@code humanfeatures-query} as a declarative operator (specification 2.2.6.4): the features of
 * the ticked classes in an area of interest, from a store made by {@code humanfeatures-load},
 * written as RFC 7946 GeoJSON, a GeoPackage or ESRI Shapefiles into the output folder. The area is the AoI
 * parameter (WKT, a box {@code west,south,east,north} or a vector file) when given, otherwise the
 * footprint of the optional source product ({@link ProductFootprint}), otherwise everywhere. This
 * is what the desktop dialog "Human features (OSM)…" and the SNAP operator run; the command line
 * keeps its own {@code humanfeatures-query} command (output file named by {@code --output_path}),
 * which runs the same {@link FeatureQuery}. Stateless.
 */
public final class HumanFeaturesQueryOperator implements FileOperator {
    /** The output formats, as the value set spells them. */
    public static final String GEOJSON = "GeoJSON", GEOPACKAGE = "GeoPackage", SHAPEFILE = "Shapefile";

    public static final OperatorDescriptor DESCRIPTOR = new OperatorDescriptor("humanfeatures-query",
            "Human features (OSM)", "Vector",
            "Features of interest (airports, ports, power plants, hospitals, ...) in an area of interest from a "
                    + "feature store made by humanfeatures-load (OpenStreetMap data), as RFC 7946 GeoJSON (WGS84 "
                    + "longitude/latitude, properties = class attributes + OSM type, id and version), a GeoPackage or "
                    + "ESRI Shapefiles, to overlay on imagery. The area is the AoI when given, else the footprint of the source "
                    + "product, else everywhere. Features are returned whole, or cut at the area's edge (clip).",
            List.of(new SourceDescriptor("input", "Product (footprint)", "Optional: a product with a map geocoding "
                    + "(GeoTIFF, BEAM-DIMAP, a terrain-corrected or resampled product) whose footprint is the area of "
                    + "interest when no AoI is given.", true, java.util.Set.of(ProductKind.MAP_GRID))),
            List.of(ParameterDescriptor.builder("store", ParameterType.PATH).option("--store").required()
                            .label("Feature store").description("The GeoPackage store written by humanfeatures-load "
                                    + "(.gpkg).").build(),
                    ParameterDescriptor.builder("classes", ParameterType.STRING_LIST).option("--classes")
                            .valueSet(builtInClasses()).label("Feature classes")
                            .description("Feature classes to return; none ticked (and no other classes): every "
                                    + "class in the store.").build(),
                    ParameterDescriptor.builder("otherClasses", ParameterType.STRING_LIST).option("--other-classes")
                            .label("Other classes").description("Classes of a user schema (humanfeatures-load --schema)"
                                    + " that the store holds, by name, comma-separated; returned with the ticked ones.")
                            .build(),
                    ParameterDescriptor.builder("aoi", ParameterType.GEOMETRY).option("--AoI").label("Area of interest")
                            .description("west,south,east,north in degrees, a WKT polygon (WGS84 longitude/latitude) or "
                                    + "a GeoJSON, Shapefile, KML/KMZ or GeoPackage file. Default: the footprint of the "
                                    + "source product, or everywhere without one.").build(),
                    ParameterDescriptor.builder("clip", ParameterType.BOOLEAN).option("--clip").defaultValue(false)
                            .label("Clip to the area").description("Cut features at the edge of the area (default: "
                                    + "features that intersect it, whole).").build(),
                    ParameterDescriptor.builder("format", ParameterType.CHOICE).option("--format").defaultValue(GEOJSON)
                            .valueSet(GEOJSON, GEOPACKAGE, SHAPEFILE).label("Output format")
                            .description("GeoJSON (.geojson, RFC 7946), GeoPackage (.gpkg, one table per class) or "
                                    + "Shapefile (.shp, one file per geometry kind: _point, _line, _polygon when there "
                                    + "are several; WGS84, UTF-8 attributes). QGIS and GDAL read all three; SNAP 13 "
                                    + "imports Shapefiles, and in SNAP they are added to the source product as vector "
                                    + "data.").build()));

    @Override
    public OperatorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    private static String[] builtInClasses() {
        return FeatureSchema.builtIn().classes().stream().map(FeatureClass::name).toArray(String[]::new);
    }

    @Override
    public List<Path> write(Map<String, Product> sources, ParameterValues params, Path outputDir,
                            ProcessingContext context) throws IOException {
        Product source = sources.get("input");
        Geometry area;
        String stem;
        if (params.has("aoi")) {
            area = QueryArea.parse(params.getString("aoi"));
            stem = "humanfeatures";
        } else if (source != null) {
            area = ProductFootprint.lonLat(source);
            stem = source.name() + "_humanfeatures";
        } else {
            area = null;
            stem = "humanfeatures";
        }
        java.util.LinkedHashSet<String> wanted = new java.util.LinkedHashSet<>();
        if (params.has("classes")) wanted.addAll(params.getList("classes"));
        if (params.has("otherClasses")) wanted.addAll(params.getList("otherClasses"));
        List<String> classes = List.copyOf(wanted);
        String format = params.getString("format");
        String extension = GEOPACKAGE.equalsIgnoreCase(format) ? ".gpkg"
                : SHAPEFILE.equalsIgnoreCase(format) ? ".shp" : ".geojson";
        Path output = outputDir.resolve(stem + extension);
        context.progress().checkCancelled();
        if (!java.nio.file.Files.isRegularFile(params.getPath("store"))) {
            throw Ai4cException.usage("The feature store " + params.getPath("store") + " does not exist; build it "
                    + "with humanfeatures-load --input <file.osm.pbf> --store <file.gpkg>, then choose that file.");
        }
        FeatureQuery.Result r = FeatureQuery.run(new FeatureQuery.Request(params.getPath("store"), classes, area,
                params.getBoolean("clip"), output));
        return r.files();
    }
}
