package dev.coalmine.demo.server;

import dev.coalmine.core.time.StartupTrace;
import dev.coalmine.demo.PodLogSource;

/**
 * The demo cluster's API server: fabric8's CRUD mock store behind a kubectl-compatible front (discovery,
 * tables, streaming watches, patches, dry runs, subresources, access reviews, pod logs), on 127.0.0.1 only, over
 * HTTPS with a certificate made at start, for clients that send its bearer token.
 */
public final class DemoApiServer implements AutoCloseable {
    private final ApiServer server;
    private final int port;
    private final SelfSignedCertificate certificate;
    private final BearerToken token;

    private DemoApiServer(ApiServer server, int port, SelfSignedCertificate certificate, BearerToken token) {
        this.server = server;
        this.port = port;
        this.certificate = certificate;
        this.token = token;
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
        AccessReviewer access = new AccessReviewer(store, catalog);
        ApiDispatcher dispatcher = new ApiDispatcher(store, discovery, access,
                new ScaleSubresource(store), logs, new TableRenderer(catalog), new OpenApiDocuments(catalog),
                new StoredVersions(catalog));
        StartupTrace.mark("demo store and dispatcher built");
        SelfSignedCertificate certificate = SelfSignedCertificate.generate("coalmine-demo");
        StartupTrace.mark("demo certificate made");
        BearerToken token = BearerToken.random();
        ApiServer server = new ApiServer(dispatcher, logs, new ServiceProxy(store),
                new FaultInjector(faults.seed(), faults.kinds(), new FaultRate(store, faults.percent())), access,
                certificate, token);
        StartupTrace.mark("demo token made, server built");
        bound[0] = server.start(port);
        return new DemoApiServer(server, bound[0], certificate, token);
    }

    public int port() {
        return port;
    }

    /** {@code https://127.0.0.1:PORT} */
    public String url() {
        return "https://" + ApiServer.HOST + ":" + port;
    }

    /** Its self-signed certificate (PEM): the one certificate authority its clients trust. */
    public String certificatePem() {
        return certificate.certificatePem();
    }

    /** The bearer token every API request must carry; goes into the kubeconfig and client configurations only. */
    public String token() {
        return token.value();
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
