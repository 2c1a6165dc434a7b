package dev.coalmine.kube.flagger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.coalmine.core.CoalmineException;
import dev.coalmine.core.flagger.CanaryGates;
import dev.coalmine.core.flagger.FlaggerCanary;
import dev.coalmine.core.flagger.GateAction;
import dev.coalmine.core.flagger.Steering;
import dev.coalmine.core.flagger.Webhook;
import dev.coalmine.demo.DemoCluster;
import dev.coalmine.demo.DemoOptions;
import io.fabric8.kubernetes.api.model.EndpointsBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The console opens and closes a Canary's gates through the API server's service proxy, as the Flagger docs do with
 * curl inside the cluster ({@code curl -d '{"name":"podinfo","namespace":"test"}' …/gate/open}). The load tester's
 * gate endpoints are served on loopback in the manner of flagger's pkg/loadtester/server.go (202 Accepted), behind a
 * selector-less Service whose Endpoints point there, which the demo API server's proxy reaches.
 */
class LoadTesterGateTest {
    private final DemoCluster cluster = DemoCluster.start(DemoOptions.defaults().empty());
    private final List<String> received = new CopyOnWriteArrayList<>();
    private HttpServer loadTester;

    @AfterEach
    void stop() {
        if (loadTester != null) {
            loadTester.stop(0);
        }
        cluster.close();
    }

    @Test
    void openGateAndRollbackPostTheCanaryToTheLoadTester() throws Exception {
        serveLoadTester(202);
        Steering steering = CanaryGates.of(canary());
        List<GateAction> actions = ((Steering.Steerable) steering).actions();
        LoadTesterGate gate = new LoadTesterGate(cluster.client());

        gate.call(actions.get(0));
        gate.call(actions.get(2));

        assertThat(received).containsExactly("POST /gate/open {\"name\":\"podinfo\",\"namespace\":\"test\"}",
                "POST /rollback/open {\"name\":\"podinfo\",\"namespace\":\"test\"}");
    }

    @Test
    void aRefusingLoadTesterIsReportedInOneLine() throws Exception {
        serveLoadTester(403);
        GateAction open = ((Steering.Steerable) CanaryGates.of(canary())).actions().get(0);

        assertThatThrownBy(() -> new LoadTesterGate(cluster.client()).call(open)).isInstanceOf(CoalmineException.class)
                .hasMessageContaining("Open gate for Canary test/podinfo").hasMessageContaining("HTTP 403");
    }

    private static FlaggerCanary canary() {
        return new FlaggerCanary("test", "podinfo", "Deployment", "podinfo", "WaitingPromotion", 50, 0, 5,
                new FlaggerCanary.Analysis("1m", 5, 50, 10, List.of(), 0), List.of(
                        new Webhook(Webhook.CONFIRM_PROMOTION, "promotion gate", "http://flagger-loadtester.test/gate/check"),
                        new Webhook(Webhook.ROLLBACK, "rollback", "http://flagger-loadtester.test/rollback/check")),
                List.of(), "");
    }

    private void serveLoadTester(int answer) throws Exception {
        loadTester = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        loadTester.createContext("/", exchange -> {
            received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(answer, -1);
            exchange.close();
        });
        loadTester.start();
        var client = cluster.client();
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("test").endMetadata().build())
                .create();
        client.services().inNamespace("test").resource(new ServiceBuilder().withNewMetadata()
                .withName("flagger-loadtester").endMetadata().withNewSpec().addNewPort().withName("http").withPort(80)
                .endPort().endSpec().build()).create();
        client.endpoints().inNamespace("test").resource(new EndpointsBuilder().withNewMetadata()
                .withName("flagger-loadtester").endMetadata().addNewSubset().addNewAddress().withIp("127.0.0.1")
                .endAddress().addNewPort().withName("http").withPort(loadTester.getAddress().getPort()).endPort()
                .endSubset().build()).create();
    }
}
