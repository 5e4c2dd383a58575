package eu.ai4c.cli.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.aoi.AreaOfInterest;
import eu.ai4c.kit.geo.Projections;
import eu.ai4c.vector.query.GeoJsonFeatureWriter;
import eu.ai4c.vector.query.QueryArea;
import eu.ai4c.vector.store.FeatureStore;
import eu.ai4c.vector.store.StoreClass;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.locationtech.jts.geom.Geometry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The routes of the human-features web service (the OpenAPI description at
 * {@code /api/openapi.json} lists them): {@code GET /api/classes}, {@code GET /api/features}
 * (bounding box), {@code POST /api/features} (GeoJSON area of interest), {@code GET /api/config},
 * the map page at {@code /} and Leaflet under {@code /leaflet/}. Errors are JSON
 * {@code {"status": 400, "error": "…"}} with the fitting 4xx code. Read-only.
 *
 * <h2>Thread-safety</h2>
 * Thread-safe: no mutable state; the store pools its connections.
 */
final class FeatureApi extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(FeatureApi.class);
    /** The Leaflet release of the WebJar on the class path. */
    static final String LEAFLET = "META-INF/resources/webjars/leaflet/1.9.4/dist/";
    private static final ObjectMapper JSON = new ObjectMapper();
    static final int DEFAULT_LIMIT = 1000;
    /** The class drawn as the map's background when there are no tiles. */
    static final String BACKGROUND_CLASS = "built_up";

    private final FeatureStore store;
    private final FeatureServer.Settings settings;

    FeatureApi(FeatureStore store, FeatureServer.Settings settings) {
        this.store = store;
        this.settings = settings;
    }

    /** A request the client got wrong: answered with {@code status} and the message. */
    static final class ClientError extends RuntimeException {
        final int status;

        ClientError(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        String method = request.getMethod();
        try {
            switch (path) {
                case "/", "/index.html" -> resource(method, "eu/ai4c/cli/serve/index.html", "text/html; charset=utf-8",
                        response, callback);
                case "/api/openapi.json" -> resource(method, "eu/ai4c/cli/serve/openapi.json", "application/json",
                        response, callback);
                case "/api/classes" -> {
                    onlyGet(method);
                    json(response, callback, 200, classes());
                }
                case "/api/config" -> {
                    onlyGet(method);
                    ObjectNode n = JSON.createObjectNode();
                    n.put("maxFeatures", settings.maxFeatures());
                    n.put("defaultLimit", Math.min(DEFAULT_LIMIT, settings.maxFeatures()));
                    if (settings.tileUrl() != null) n.put("tileUrl", settings.tileUrl());
                    org.locationtech.jts.geom.Envelope e = store.extent();
                    if (!e.isNull()) {
                        n.putArray("extent").add(e.getMinX()).add(e.getMinY()).add(e.getMaxX()).add(e.getMaxY());
                    }
                    if (store.classes().stream().anyMatch(c -> c.name().equals(BACKGROUND_CLASS))) {
                        n.put("backgroundClass", BACKGROUND_CLASS);
                    }
                    json(response, callback, 200, n);
                }
                case "/api/features" -> features(request, response, callback);
                default -> {
                    if (path.startsWith("/leaflet/") && !path.contains("..")) {
                        String file = path.substring("/leaflet/".length());
                        String type = file.endsWith(".css") ? "text/css" : file.endsWith(".js")
                                ? "application/javascript" : file.endsWith(".png") ? "image/png" : null;
                        if (type != null) {
                            resource(method, LEAFLET + file, type, response, callback);
                            return true;
                        }
                    }
                    throw new ClientError(404, "No such resource: " + path + ". The API is described at /api/openapi.json.");
                }
            }
        } catch (ClientError e) {
            error(response, callback, e.status, e.getMessage());
        } catch (Ai4cException e) {
            error(response, callback, 400, e.getMessage());
        } catch (Exception e) {
            LOG.warn("serve: {} {} failed", method, path, e);
            if (!response.isCommitted()) error(response, callback, 500, "Internal error: " + e.getMessage());
            else callback.failed(e);
        }
        return true;
    }

    private static void onlyGet(String method) {
        if (!method.equals("GET") && !method.equals("HEAD")) {
            throw new ClientError(405, "Method " + method + " is not allowed here; use GET (the service is read-only).");
        }
    }

    private ObjectNode classes() {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode list = root.putArray("classes");
        for (StoreClass c : store.classes()) {
            ObjectNode n = list.addObject();
            n.put("name", c.name());
            n.put("title", c.title());
            n.put("geometry", c.geometry());
            n.put("rules", c.rules());
            ArrayNode attrs = n.putArray("attributes");
            c.attributes().forEach(attrs::add);
            n.put("count", c.count());
        }
        return root;
    }

    private void features(Request request, Response response, Callback callback) throws IOException {
        String method = request.getMethod();
        if (!method.equals("GET") && !method.equals("POST")) {
            throw new ClientError(405, "Method " + method + " is not allowed on /api/features; use GET with bbox= or "
                    + "POST with a GeoJSON area of interest.");
        }
        Fields q = Request.extractQueryParameters(request);
        List<String> names = q.getValue("classes") == null || q.getValue("classes").isBlank() ? List.of()
                : Arrays.asList(q.getValue("classes").split(","));
        List<StoreClass> classes = store.select(names);
        int limit = integer(q, "limit", Math.min(DEFAULT_LIMIT, settings.maxFeatures()), 1, settings.maxFeatures());
        int offset = integer(q, "offset", 0, 0, Integer.MAX_VALUE);
        boolean clip = "true".equalsIgnoreCase(q.getValue("clip"));
        Geometry area;
        if (method.equals("POST")) {
            if (q.getValue("bbox") != null) {
                throw new ClientError(400, "Give the area either as bbox= (GET) or as a GeoJSON body (POST), not both.");
            }
            area = postedArea(request);
        } else {
            String bbox = q.getValue("bbox");
            if (bbox != null && !QueryArea.isBbox(bbox)) {
                throw new ClientError(400, "bbox=" + bbox + " is not four numbers west,south,east,north in degrees, e.g. "
                        + "bbox=1.50,42.49,1.55,42.52.");
            }
            area = bbox == null ? null : QueryArea.bbox(bbox);
        }
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/geo+json");
        long t0 = System.nanoTime();
        int[] seen = {0};
        int[] written = {0};
        boolean[] more = {false};
        Map<String, Object> head = new LinkedHashMap<>();
        head.put("offset", offset);
        head.put("limit", limit);
        try (OutputStream os = Content.Sink.asOutputStream(response);
             GeoJsonFeatureWriter w = new GeoJsonFeatureWriter(os, head)) {
            for (StoreClass c : classes) {
                boolean go = store.query(c.name(), area, clip, f -> {
                    if (seen[0]++ < offset) return true;
                    if (written[0] == limit) {
                        more[0] = true;
                        return false;
                    }
                    w.write(f);
                    written[0]++;
                    return true;
                });
                if (!go) break;
            }
            Map<String, Object> tail = new LinkedHashMap<>();
            tail.put("numberReturned", written[0]);
            if (more[0]) {
                tail.put("nextOffset", offset + limit);
                if (method.equals("GET")) tail.put("next", nextLink(request, offset + limit));
            }
            w.finish(tail);
        }
        callback.succeeded();
        LOG.debug("serve: {} features in {} ms", written[0], (System.nanoTime() - t0) / 1_000_000);
    }

    private static String nextLink(Request request, int offset) {
        StringBuilder sb = new StringBuilder(Request.getPathInContext(request)).append('?');
        Fields q = Request.extractQueryParameters(request);
        for (Fields.Field f : q) {
            if (f.getName().equals("offset")) continue;
            sb.append(f.getName()).append('=').append(java.net.URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8))
                    .append('&');
        }
        return sb.append("offset=").append(offset).toString();
    }

    /** The polygon(s) of a POSTed GeoJSON body, read by the kit's GeoJSON reader. */
    private Geometry postedArea(Request request) throws IOException {
        long declared = request.getLength();
        int max = settings.maxRequestBytes();
        if (declared > max) {
            throw new ClientError(413, "The request body of " + declared + " bytes exceeds the limit of " + max
                    + " bytes; simplify the area of interest (or start the server with a larger --max-request-bytes).");
        }
        byte[] body;
        try (InputStream in = Content.Source.asInputStream(request)) {
            body = in.readNBytes(max + 1);
        }
        if (body.length > max) {
            throw new ClientError(413, "The request body exceeds the limit of " + max + " bytes; simplify the area of "
                    + "interest (or start the server with a larger --max-request-bytes).");
        }
        if (body.length == 0) {
            throw new ClientError(400, "POST /api/features needs a GeoJSON body: a Polygon or MultiPolygon, a Feature or "
                    + "a FeatureCollection of them, in WGS84 longitude/latitude.");
        }
        Path tmp = Files.createTempFile("ai4c-aoi", ".geojson");
        try {
            Files.write(tmp, body);
            return AreaOfInterest.parse(tmp.toString()).toCrs(Projections.wgs84()).geometry();
        } catch (Ai4cException e) {
            throw new ClientError(400, e.getMessage().replace("The GeoJSON file " + tmp, "The posted area of interest")
                    .replace(tmp.toString(), "the posted area of interest"));
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static int integer(Fields q, String name, int def, int min, int max) {
        String v = q.getValue(name);
        if (v == null) return def;
        try {
            int n = Integer.parseInt(v.strip());
            if (n >= min && n <= max) return n;
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw new ClientError(400, name + "=" + v + " must be a whole number from " + min + " to " + max + ".");
    }

    private static void resource(String method, String name, String type, Response response, Callback callback)
            throws IOException {
        onlyGet(method);
        try (InputStream in = FeatureApi.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) throw new ClientError(404, "No such resource: " + name);
            byte[] bytes = in.readAllBytes();
            response.setStatus(200);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
            response.write(true, java.nio.ByteBuffer.wrap(bytes), callback);
        }
    }

    private static void json(Response response, Callback callback, int status, Object body) throws IOException {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, java.nio.ByteBuffer.wrap(JSON.writeValueAsBytes(body)), callback);
    }

    private static void error(Response response, Callback callback, int status, String message) {
        ObjectNode n = JSON.createObjectNode();
        n.put("status", status);
        n.put("error", message);
        try {
            json(response, callback, status, n);
        } catch (IOException e) {
            callback.failed(e);
        }
    }
}
