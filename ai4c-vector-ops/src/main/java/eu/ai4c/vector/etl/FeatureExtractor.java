package eu.ai4c.vector.etl;

import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.vector.osm.OsmFiles;
import eu.ai4c.vector.osm.OsmHandler;
import eu.ai4c.vector.osm.OsmTags;
import eu.ai4c.vector.schema.AttributeMapping;
import eu.ai4c.vector.schema.FeatureClass;
import eu.ai4c.vector.schema.FeatureSchema;
import eu.ai4c.vector.schema.GeometryKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The extract, cleanse and transform steps: streams an OSM file twice and turns the objects that
 * match the {@link FeatureSchema} into {@link OsmFeature}s.
 * <ol>
 * <li>Pass 1 reads only relations: the {@code type=multipolygon}/{@code boundary} relations of a
 * polygon class are kept with their member way ids.</li>
 * <li>Pass 2 reads nodes (all locations kept in {@link NodeLocations}; tagged nodes of point
 * classes become points) and ways (lines; closed ways of 4+ nodes not tagged {@code area=no}
 * become polygons; member ways of the kept relations are kept), then assembles the relations
 * ({@link MultipolygonAssembler}).</li>
 * </ol>
 * Old-style multipolygons are assembled as GDAL's OSM driver does: a relation tagged only {@code
 * type=multipolygon} with exactly one member way of role {@code outer} takes the tags of that way
 * (its area, with the holes of the inner members, is the feature, of OSM type relation), and that
 * way is then not an area feature of its own.
 * Cleansing: dropped or repaired geometries and unparsable attribute values are counted per class
 * and {@link CleanseReason}; invalid polygons are made valid with JTS's {@link GeometryFixer}.
 * Memory: 16 bytes per node of the file plus the member ways of the kept relations.
 *
 * <h2>Thread-safety</h2>
 * One extraction per instance at a time.
 */
public final class FeatureExtractor {
    private static final Logger LOG = LoggerFactory.getLogger(FeatureExtractor.class);

    private final List<FeatureClass> classes;
    private final GeometryFactory gf = new GeometryFactory(new PrecisionModel(), 4326);
    private final CleanseLog cleanse = new CleanseLog();
    private final Map<String, Long> counts = new HashMap<>();

    /** @param classes the classes to extract (e.g. {@link FeatureSchema#classes()}) */
    public FeatureExtractor(List<FeatureClass> classes) {
        this.classes = List.copyOf(classes);
    }

    /** What the extraction did. */
    public CleanseLog cleanseLog() {
        return cleanse;
    }

    /** Features emitted per class. */
    public Map<String, Long> counts() {
        return Map.copyOf(counts);
    }

    private record KeptRelation(long id, int version, OsmTags tags, long[] wayIds, List<FeatureClass> classes) {
    }

    /** An old-style multipolygon: a relation tagged only {@code type=multipolygon}, one member way of role outer. */
    private record OldStyle(long id, int version, long outerWayId, long[] wayIds) {
    }

    /**
     * Extracts {@code file} into {@code sink}.
     *
     * @throws eu.ai4c.vector.osm.OsmFormatException when the file is damaged
     */
    public void extract(Path file, FeatureSink sink, ProcessingContext context) throws IOException {
        int threads = Math.max(1, context == null ? Runtime.getRuntime().availableProcessors() : context.threads());
        long t0 = System.nanoTime();
        List<KeptRelation> relations = new ArrayList<>();
        Set<Long> memberWayIds = new HashSet<>();
        Map<Long, OldStyle> oldStyleByOuter = new HashMap<>();
        List<FeatureClass> polygonClasses = classes.stream().filter(c -> c.takes(GeometryKind.POLYGON)).toList();
        if (!polygonClasses.isEmpty()) {
            OsmFiles.read(file, new OsmHandler() {
                @Override
                public boolean wantsNodes() {
                    return false;
                }

                @Override
                public boolean wantsWays() {
                    return false;
                }

                @Override
                public void node(long id, int version, int lonE7, int latE7, OsmTags tags) {
                }

                @Override
                public void way(long id, int version, long[] refs, int refCount, OsmTags tags) {
                }

                @Override
                public void relation(long id, int version, byte[] memberTypes, long[] memberIds, String[] roles,
                                     int count, OsmTags tags) {
                    String type = tags.get("type");
                    if (!"multipolygon".equals(type) && !"boundary".equals(type)) return;
                    List<FeatureClass> matching = new ArrayList<>();
                    for (FeatureClass c : polygonClasses) if (c.matches(tags)) matching.add(c);
                    if (matching.isEmpty()) {
                        if (tags.size() == 1 && "multipolygon".equals(type)) {
                            oldStyle(id, version, memberTypes, memberIds, roles, count);
                        }
                        return;
                    }
                    long[] ways = new long[count];
                    int n = 0;
                    for (int i = 0; i < count; i++) {
                        if (memberTypes[i] == OsmHandler.WAY) {
                            ways[n++] = memberIds[i];
                            memberWayIds.add(memberIds[i]);
                        }
                    }
                    relations.add(new KeptRelation(id, version, tags.copy(), java.util.Arrays.copyOf(ways, n), matching));
                }

                /** Keeps a relation whose area takes the tags of its only outer way, as GDAL's OSM driver does. */
                private void oldStyle(long id, int version, byte[] memberTypes, long[] memberIds, String[] roles, int count) {
                    long outer = -1;
                    int outers = 0;
                    long[] ways = new long[count];
                    int n = 0;
                    for (int i = 0; i < count; i++) {
                        if (memberTypes[i] != OsmHandler.WAY) continue;
                        ways[n++] = memberIds[i];
                        if ("outer".equals(roles[i])) {
                            outer = memberIds[i];
                            outers++;
                        }
                    }
                    if (outers != 1) return;
                    for (int i = 0; i < n; i++) memberWayIds.add(ways[i]);
                    oldStyleByOuter.put(outer, new OldStyle(id, version, outer, java.util.Arrays.copyOf(ways, n)));
                }
            }, threads);
            LOG.info("humanfeatures: {} multipolygon relations of interest and {} old-style candidates in {} ({} member "
                    + "ways), {} s", relations.size(), oldStyleByOuter.size(), file.getFileName(), memberWayIds.size(),
                    String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - t0) / 1e9));
        }
        NodeLocations nodes = new NodeLocations();
        Map<Long, MultipolygonAssembler.MemberWay> memberWays = new HashMap<>();
        Pass2 pass2 = new Pass2(file, nodes, memberWayIds, memberWays, oldStyleByOuter, sink);
        try {
            OsmFiles.read(file, pass2, threads);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        relations.addAll(pass2.oldStyleRelations);
        for (KeptRelation r : relations) {
            context(context);
            emitRelation(r, memberWays, sink);
        }
        LOG.info("humanfeatures: {} nodes, {} features from {} in {} s", nodes.size(),
                counts.values().stream().mapToLong(Long::longValue).sum(), file.getFileName(),
                String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - t0) / 1e9));
    }

    private static void context(ProcessingContext context) {
        if (context != null) context.progress().checkCancelled();
    }

    private void emitRelation(KeptRelation r, Map<Long, MultipolygonAssembler.MemberWay> memberWays, FeatureSink sink)
            throws IOException {
        List<MultipolygonAssembler.MemberWay> ways = new ArrayList<>();
        for (long w : r.wayIds) {
            MultipolygonAssembler.MemberWay m = memberWays.get(w);
            if (m == null) {
                for (FeatureClass c : r.classes) cleanse.add(c.name(), CleanseReason.INCOMPLETE_RELATION);
                return;
            }
            ways.add(m);
        }
        MultipolygonAssembler.Result res = MultipolygonAssembler.assemble(ways, gf);
        if (res.failure() != null) {
            for (FeatureClass c : r.classes) cleanse.add(c.name(), res.failure());
            return;
        }
        for (FeatureClass c : r.classes) {
            Geometry g = validPolygon(res.geometry(), c);
            if (g != null) emit(c, "relation", r.id, r.version, g, r.tags, sink);
        }
    }

    /** The polygon made valid, as a MultiPolygon, or null (counted) when nothing remains. */
    private Geometry validPolygon(Geometry g, FeatureClass c) {
        if (!g.isValid()) {
            g = GeometryFixer.fix(g);
            Geometry polys = polygonal(g);
            if (polys == null) {
                cleanse.add(c.name(), CleanseReason.INVALID_EMPTY);
                return null;
            }
            cleanse.add(c.name(), CleanseReason.REPAIRED_INVALID);
            return polys;
        }
        return polygonal(g);
    }

    private Geometry polygonal(Geometry g) {
        List<Polygon> parts = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (g.getGeometryN(i) instanceof Polygon p && !p.isEmpty()) parts.add(p);
        }
        if (parts.isEmpty()) return null;
        return gf.createMultiPolygon(parts.toArray(Polygon[]::new));
    }

    private void emit(FeatureClass c, String type, long id, int version, Geometry g, OsmTags tags, FeatureSink sink)
            throws IOException {
        List<AttributeMapping> attrs = c.attributes();
        Object[] values = new Object[2 + attrs.size()];
        String name = tags.get("name");
        String nameEn = tags.get("name:en");
        values[0] = name != null ? name : nameEn;
        values[1] = nameEn;
        for (int i = 0; i < attrs.size(); i++) {
            AttributeMapping a = attrs.get(i);
            String raw = a.raw(tags);
            Object v = a.type().normalise(raw);
            if (raw != null && v == null && !raw.isBlank()) cleanse.add(c.name(), CleanseReason.UNPARSED_ATTRIBUTE);
            values[2 + i] = v;
        }
        counts.merge(c.name(), 1L, Long::sum);
        sink.accept(new OsmFeature(c, type, id, version, g, values));
    }

    /** Pass 2: node locations, points, lines, polygons of ways, member ways. */
    private final class Pass2 implements OsmHandler {
        private final NodeLocations nodes;
        private final Set<Long> memberWayIds;
        private final Map<Long, MultipolygonAssembler.MemberWay> memberWays;
        private final Map<Long, OldStyle> oldStyleByOuter;
        /** The old-style relations whose outer way's tags match a polygon class, with those tags. */
        final List<KeptRelation> oldStyleRelations = new ArrayList<>();
        private final FeatureSink sink;
        private final List<FeatureClass> pointClasses;
        private final List<FeatureClass> wayClasses;
        private int[] scratch = new int[4096];
        private boolean waysStarted;
        private final Path file;

        Pass2(Path file, NodeLocations nodes, Set<Long> memberWayIds, Map<Long, MultipolygonAssembler.MemberWay> memberWays,
              Map<Long, OldStyle> oldStyleByOuter, FeatureSink sink) {
            this.file = file;
            this.oldStyleByOuter = oldStyleByOuter;
            this.nodes = nodes;
            this.memberWayIds = memberWayIds;
            this.memberWays = memberWays;
            this.sink = sink;
            this.pointClasses = classes.stream().filter(c -> c.takes(GeometryKind.POINT)).toList();
            this.wayClasses = classes.stream()
                    .filter(c -> c.takes(GeometryKind.LINE) || c.takes(GeometryKind.POLYGON)).toList();
        }

        @Override
        public void node(long id, int version, int lonE7, int latE7, OsmTags tags) {
            if (waysStarted) {
                throw new eu.ai4c.vector.osm.OsmFormatException(file + " is not sorted: node " + id + " comes after "
                        + "ways. Sort it first, e.g. osmium sort " + file.getFileName() + " -o sorted.osm.pbf.");
            }
            nodes.add(id, lonE7, latE7);
            if (tags.isEmpty()) return;
            Geometry point = null;
            for (FeatureClass c : pointClasses) {
                if (!c.matches(tags)) continue;
                if (point == null) point = gf.createPoint(new Coordinate(lonE7 * 1e-7, latE7 * 1e-7));
                emitUnchecked(c, "node", id, version, point, tags);
            }
        }

        @Override
        public void way(long id, int version, long[] refs, int refCount, OsmTags tags) {
            if (!waysStarted) {
                nodes.seal();
                waysStarted = true;
            }
            boolean member = memberWayIds.contains(id);
            if (tags.isEmpty() && !member) return;
            List<FeatureClass> matching = null;
            for (FeatureClass c : wayClasses) {
                if (c.matches(tags)) {
                    if (matching == null) matching = new ArrayList<>(2);
                    matching.add(c);
                }
            }
            if (matching == null && !member) return;
            OldStyle old = matching == null ? null : oldStyleByOuter.get(id);
            if (old != null) {
                // the relation's area carries this way's tags; the way is no area of its own (GDAL's rule)
                List<FeatureClass> areaClasses = new ArrayList<>();
                List<FeatureClass> rest = new ArrayList<>();
                for (FeatureClass c : matching) (c.takes(GeometryKind.POLYGON) ? areaClasses : rest).add(c);
                if (!areaClasses.isEmpty()) {
                    oldStyleRelations.add(new KeptRelation(old.id(), old.version(), tags.copy(), old.wayIds(), areaClasses));
                    matching = rest.isEmpty() ? null : rest;
                }
            }
            if (scratch.length < 2 * refCount) scratch = new int[2 * refCount];
            boolean complete = true;
            for (int i = 0; i < refCount; i++) {
                int k = nodes.indexOf(refs[i]);
                if (k < 0) {
                    complete = false;
                    break;
                }
                scratch[2 * i] = nodes.lonE7(k);
                scratch[2 * i + 1] = nodes.latE7(k);
            }
            if (member && complete) {
                memberWays.put(id, new MultipolygonAssembler.MemberWay(java.util.Arrays.copyOf(refs, refCount),
                        java.util.Arrays.copyOf(scratch, 2 * refCount)));
            }
            if (matching == null) return;
            if (!complete) {
                for (FeatureClass c : matching) cleanse.add(c.name(), CleanseReason.MISSING_NODES);
                return;
            }
            Coordinate[] pts = new Coordinate[refCount];
            int distinct = 0;
            for (int i = 0; i < refCount; i++) {
                pts[i] = new Coordinate(scratch[2 * i] * 1e-7, scratch[2 * i + 1] * 1e-7);
                if (i == 0 || scratch[2 * i] != scratch[2 * i - 2] || scratch[2 * i + 1] != scratch[2 * i - 1]) distinct++;
            }
            boolean closed = refCount >= 4 && refs[0] == refs[refCount - 1];
            boolean area = closed && !"no".equals(tags.get("area"));
            for (FeatureClass c : matching) {
                if (c.takes(GeometryKind.LINE)) {
                    // area=yes makes a closed way an area only (osmium's rule), never a line
                    if (closed && "yes".equals(tags.get("area"))) continue;
                    if (distinct < 2) {
                        cleanse.add(c.name(), CleanseReason.DEGENERATE_LINE);
                        continue;
                    }
                    emitUnchecked(c, "way", id, version, gf.createLineString(pts), tags);
                } else if (c.takes(GeometryKind.POLYGON)) {
                    if (!closed) {
                        // an open way of an area class (e.g. a part of a multipolygon carrying tags) is no area
                        if (refCount >= 2 && refs[0] != refs[refCount - 1]) continue;
                        cleanse.add(c.name(), CleanseReason.UNCLOSED_RING);
                        continue;
                    }
                    if (!area) continue;
                    LinearRing ring = gf.createLinearRing(pts);
                    Geometry g = validPolygon(gf.createPolygon(ring), c);
                    if (g != null) emitUnchecked(c, "way", id, version, g, tags);
                }
            }
        }

        @Override
        public void relation(long id, int version, byte[] memberTypes, long[] memberIds, String[] roles, int count,
                             OsmTags tags) {
        }

        private void emitUnchecked(FeatureClass c, String type, long id, int version, Geometry g, OsmTags tags) {
            try {
                emit(c, type, id, version, g, tags, sink);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
