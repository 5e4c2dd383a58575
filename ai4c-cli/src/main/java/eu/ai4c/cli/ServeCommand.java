package eu.ai4c.cli;

import eu.ai4c.cli.serve.FeatureServer;
import eu.ai4c.vector.store.FeatureStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ai4c serve --store features.gpkg [--port 8080]}: the human-features web service (spec
 * section 2.2.6.5) with its map page. Prints the URL, then serves until stopped (Ctrl-C).
 */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Web service and map of a human-features store: pick classes and an area, get GeoJSON.",
        description = {"Serves a store made by humanfeatures-load over HTTP, read-only: a map page at / (Leaflet, no "
                + "internet needed: the background is drawn from the store's built-up areas, or from --tile-url), "
                + "GET /api/classes, GET /api/features?classes=airport,port&bbox=west,south,east,north[&clip=true]"
                + "[&limit=n&offset=n], POST /api/features with a GeoJSON area of interest, and the OpenAPI "
                + "description at /api/openapi.json. Bound to 127.0.0.1 unless --bind says otherwise."},
        footer = {"", "Example: ai4c serve --store features.gpkg --port 8080",
            "Exit codes: 0 stopped, 1 processing error, 2 usage error (e.g. the port is in use)."})
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--store", required = true, paramLabel = "<file.gpkg>", description = "The store (humanfeatures-load).")
    Path store;

    @Option(names = "--port", defaultValue = "8080", paramLabel = "<port>", description = "TCP port. Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "<address>",
            description = "Interface to listen on; 0.0.0.0 serves other machines too. Default: ${DEFAULT-VALUE}.")
    String bind;

    @Option(names = "--max-features", defaultValue = "5000", paramLabel = "<n>",
            description = "The most features in one response (page size limit). Default: ${DEFAULT-VALUE}.")
    int maxFeatures;

    @Option(names = "--max-request-bytes", defaultValue = "1048576", paramLabel = "<bytes>",
            description = "The largest POSTed area of interest. Default: ${DEFAULT-VALUE}.")
    int maxRequestBytes;

    @Option(names = "--server-threads", defaultValue = "16", paramLabel = "<n>",
            description = "Request threads. Default: ${DEFAULT-VALUE}.")
    int threads;

    @Option(names = "--tile-url", paramLabel = "<url>",
            description = "Basemap tile URL template for the map page, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png"
                    + " (needs internet). Default: none, the store's built-up areas are drawn instead.")
    String tileUrl;

    @Override
    public Integer call() throws IOException, InterruptedException {
        FeatureServer.Settings settings = new FeatureServer.Settings(bind, port, maxFeatures, maxRequestBytes, threads,
                tileUrl);
        FeatureStore fs = FeatureStore.open(store, Math.max(2, Math.min(8, threads / 2)));
        FeatureServer server = new FeatureServer(fs, settings);
        try {
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                fs.close();
            }, "ai4c-serve-stop"));
            spec.commandLine().getOut().println("http://" + bind + ":" + server.port() + "/");
            spec.commandLine().getOut().flush();
            server.join();
        } catch (IOException | RuntimeException e) {
            server.close();
            fs.close();
            throw e;
        }
        return ExitCodes.OK;
    }
}
