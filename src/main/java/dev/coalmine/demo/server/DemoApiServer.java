package dev.coalmine.demo.server;

import dev.coalmine.demo.PodLogSource;

/**
 * The demo cluster's API server: fabric8's CRUD mock store behind a kubectl-compatible front (discovery,
 * tables, streaming watches, patches, dry runs, subresources, access reviews, pod logs), on 127.0.0.1 only.
 */
public final class DemoApiServer implements AutoCloseable {
    private final ApiServer server;
    private final int port;

    private DemoApiServer(ApiServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** Starts serving on 127.0.0.1:{@code port} (0 picks a free port), injecting no faults until a trainer asks. */
    public static DemoApiServer start(int port, PodLogSource logSource) {
        return start(port, logSource, FaultSettings.none());
    }

    /** Starts serving on 127.0.0.1:{@code port} (0 picks a free port), injecting faults as {@code faults} say. */
    public static DemoApiServer start(int port, PodLogSource logSource, FaultSettings faults) {
        ResourceCatalog catalog = new ResourceCatalog();
        ClusterStore store = new ClusterStore(catalog);
        int[] bound = {port};
        DiscoveryDocuments discovery = new DiscoveryDocuments(catalog, () -> ApiServer.HOST + ":" + bound[0]);
        PodLogs logs = new PodLogs(store, logSource);
        ApiDispatcher dispatcher = new ApiDispatcher(store, discovery, new AccessReviewer(store, catalog),
                new ScaleSubresource(store), logs, new TableRenderer(catalog), new OpenApiDocuments(catalog),
                new StoredVersions(catalog));
        ApiServer server = new ApiServer(dispatcher, logs, new ServiceProxy(store),
                new FaultInjector(faults.seed(), faults.kinds(), new FaultRate(store, faults.percent())));
        bound[0] = server.start(port);
        return new DemoApiServer(server, bound[0]);
    }

    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:PORT} */
    public String url() {
        return "http://" + ApiServer.HOST + ":" + port;
    }

    /** The requests received so far, per User-Agent. */
    public RequestCounter requests() {
        return server.requests();
    }

    /** The faults injected so far. */
    public FaultLog faults() {
        return server.faults();
    }

    @Override
    public void close() {
        server.close();
    }
}
