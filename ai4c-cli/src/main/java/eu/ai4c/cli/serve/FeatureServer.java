package eu.ai4c.cli.serve;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.vector.store.FeatureStore;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The human-features web service: an embedded Jetty server (its core HTTP API, no servlets) over
 * a read-only {@link FeatureStore}, serving the JSON API of {@link FeatureApi} and the Leaflet map
 * page. Bound to the loopback interface unless told otherwise; read-only.
 *
 * <h2>Thread-safety</h2>
 * {@link #start()} and {@link #close()} from one thread; requests are served concurrently.
 */
public final class FeatureServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FeatureServer.class);

    /**
     * @param host            interface to bind ({@code 127.0.0.1} by default; {@code 0.0.0.0} for all)
     * @param port            TCP port (0: any free port)
     * @param maxFeatures     the most features one response may hold (the page size limit)
     * @param maxRequestBytes the largest request body (a POSTed area of interest)
     * @param threads         request threads
     * @param tileUrl         a tile URL template for the map's basemap ({@code {z}/{x}/{y}}), or null
     */
    public record Settings(String host, int port, int maxFeatures, int maxRequestBytes, int threads, String tileUrl) {
        public Settings {
            if (port < 0 || port > 65535) throw Ai4cException.usage("--port must be 0 to 65535, got " + port + ".");
            if (maxFeatures < 1) throw Ai4cException.usage("--max-features must be 1 or more, got " + maxFeatures + ".");
            if (maxRequestBytes < 1024) {
                throw Ai4cException.usage("--max-request-bytes must be 1024 or more, got " + maxRequestBytes + ".");
            }
            if (threads < 4) throw Ai4cException.usage("--server-threads must be 4 or more, got " + threads + ".");
        }
    }

    private final FeatureStore store;
    private final Server server;
    private final ServerConnector connector;

    public FeatureServer(FeatureStore store, Settings settings) {
        this.store = store;
        QueuedThreadPool pool = new QueuedThreadPool(settings.threads(), Math.min(4, settings.threads()));
        pool.setName("ai4c-serve");
        pool.setDaemon(true);
        server = new Server(pool);
        connector = new ServerConnector(server);
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        server.addConnector(connector);
        server.setHandler(new FeatureApi(store, settings));
        server.setStopTimeout(2000);
    }

    /**
     * Starts serving.
     *
     * @throws Ai4cException naming the port when it is in use or the address cannot be bound
     */
    public void start() throws IOException {
        try {
            server.start();
        } catch (IOException e) {
            stopQuietly();
            if (e instanceof BindException || e.getCause() instanceof BindException) {
                throw Ai4cException.usage("Cannot listen on " + connector.getHost() + ":" + connector.getPort() + " ("
                        + e.getMessage() + "): the port is in use or the address is not this machine's. "
                        + "Choose another with --port, or stop the program using it.");
            }
            throw e;
        } catch (Exception e) {
            stopQuietly();
            throw new IOException("Cannot start the web server: " + e.getMessage(), e);
        }
        LOG.info("serve: {} ({} classes) on http://{}:{}/", store.file(), store.classes().size(),
                connector.getHost(), port());
    }

    /** The port listened on (the actual one when 0 was asked for). */
    public int port() {
        return connector.getLocalPort();
    }

    /** The address listened on. */
    public InetSocketAddress address() {
        return new InetSocketAddress(connector.getHost(), port());
    }

    /** Blocks until the server stops. */
    public void join() throws InterruptedException {
        server.join();
    }

    private void stopQuietly() {
        try {
            server.stop();
        } catch (Exception ignored) {
            // failing to start: nothing to keep
        }
    }

    @Override
    public void close() {
        stopQuietly();
    }
}
