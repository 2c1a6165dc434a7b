package dev.coalmine.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.demo.sim.Await;
import dev.coalmine.demo.sim.SimulationSettings;
import dev.coalmine.demo.traffic.TrafficSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seeded demo offers one Service behind each traffic provider in namespace {@code storefront}, routed by the
 * operator's own objects at 100 %, and the providers' controllers (ingress-nginx's IngressClass, Istio's
 * GatewayClass and Gateway) are installed; each routed Service takes one Service's worth of requests.
 */
class StorefrontSeedTest {
    private static final Pattern SAMPLE = Pattern.compile(
            "http_requests_total\\{namespace=\"([^\"]*)\",pod=\"[^\"]*\",deployment=\"([^\"]*)\",[^}]*} (\\d+)");

    @TempDir
    static Path dir;

    private static KubectlDemo demo;
    private static DemoCluster cluster;
    private static Kubectl kubectl;

    @BeforeAll
    static void start() {
        demo = KubectlDemo.start(DemoOptions.defaults().withComponents(
                SimulatedComponents.of(SimulationSettings.fast(), TrafficSettings.fast())), dir);
        cluster = demo.cluster;
        kubectl = demo.kubectl;
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    @Test
    void eachProviderRoutesOneStorefrontServiceAndTheControllersAreInstalled() {
        String routes = kubectl.run("get", "httproute,virtualservice,destinationrule,trafficsplit,ingress",
                "-n", "storefront", "-o", "name").ok().out();
        assertThat(routes.lines()).containsExactlyInAnyOrder(
                "httproute.gateway.networking.k8s.io/storefront-web",
                "virtualservice.networking.istio.io/storefront-api",
                "destinationrule.networking.istio.io/storefront-api",
                "trafficsplit.split.smi-spec.io/storefront-cart",
                "ingress.networking.k8s.io/storefront-search");
        assertThat(kubectl.run("get", "gatewayclass,ingressclass").ok().out())
                .containsPattern("gatewayclass\\.gateway\\.networking\\.k8s\\.io/istio\\s+istio\\.io/gateway-controller"
                        + "\\s+True")
                .containsPattern("ingressclass\\.networking\\.k8s\\.io/nginx\\s+k8s\\.io/ingress-nginx");
        assertThat(kubectl.run("get", "gateway", "storefront", "-n", "storefront").ok().out())
                .containsPattern("storefront\\s+istio\\s+10\\.96\\.200\\.1\\s+True");
        assertThat(kubectl.run("get", "services", "-n", "default", "-o", "name").ok().out().lines())
                .as("the shop in default is unchanged")
                .containsExactlyInAnyOrder("service/shop-api", "service/shop-frontend");
    }

    @Test
    void eachRoutedServiceTakesOneServicesWorthOfRequests() {
        Await.until("requests on every storefront Service and on shop-api", () -> {
            String page = metrics();
            return Stream.of("web", "api", "cart", "search")
                    .allMatch(app -> requests(page, "storefront", "storefront-" + app) > 300)
                    && requests(page, "default", "shop-api") > 300;
        });
        String page = metrics();
        double plain = requests(page, "default", "shop-api");
        for (String app : new String[] {"web", "api", "cart", "search"}) {
            assertThat(requests(page, "storefront", "storefront-" + app)).as("storefront-%s against shop-api", app)
                    .isBetween(plain * 0.6, plain * 1.4);
        }
    }

    private static double requests(String page, String namespace, String deployment) {
        double sum = 0;
        Matcher m = SAMPLE.matcher(page);
        while (m.find()) {
            if (m.group(1).equals(namespace) && m.group(2).equals(deployment)) {
                sum += Double.parseDouble(m.group(3));
            }
        }
        return sum;
    }

    private static String metrics() {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(cluster.metricsUrl().orElseThrow()))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
