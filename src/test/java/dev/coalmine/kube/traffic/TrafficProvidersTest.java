package dev.coalmine.kube.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.core.traffic.TrafficProvider;
import dev.coalmine.demo.DemoCluster;
import dev.coalmine.demo.DemoOptions;
import dev.coalmine.testing.CrudApiServer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Detection of the routers from what the API server serves: only those offered, the others with the reason. */
class TrafficProvidersTest {

    @Test
    void whereSmiAndTheGatewayApiAreBothServedAsWithLinkerdBothAreOffered() {
        try (DemoCluster demo = DemoCluster.start(DemoOptions.defaults().withSeed(false))) {
            List<TrafficProviders.Offer> offers = new TrafficProviders(demo.client()).offers();

            assertThat(offers).extracting(TrafficProviders.Offer::provider).containsExactly(TrafficProvider.REPLICAS,
                    TrafficProvider.GATEWAY_API, TrafficProvider.ISTIO, TrafficProvider.SMI, TrafficProvider.NGINX);
            assertThat(offers).allMatch(TrafficProviders.Offer::offered);
            assertThat(offer(offers, TrafficProvider.SMI).reason()).startsWith("served (split.smi-spec.io/");
            assertThat(offer(offers, TrafficProvider.GATEWAY_API).reason()).startsWith("served (gateway.networking.k8s.io/v1)")
                    .contains("Linkerd 2.12+");
        }
    }

    @Test
    void aClusterWithoutRoutersOffersTheReplicaRatioAndSaysWhatToInstallForTheOthers() {
        try (CrudApiServer bare = new CrudApiServer()) {
            List<TrafficProviders.Offer> offers = new TrafficProviders(bare.client()).offers();

            assertThat(offers).filteredOn(TrafficProviders.Offer::offered).extracting(TrafficProviders.Offer::provider)
                    .containsExactly(TrafficProvider.REPLICAS);
            assertThat(offers).extracting(TrafficProviders.Offer::describe).contains(
                    "gateway-api: the cluster serves no gateway.networking.k8s.io API (install the Gateway API CRDs)",
                    "istio: the cluster serves no networking.istio.io API (install Istio)",
                    "nginx: no IngressClass with controller k8s.io/ingress-nginx (install ingress-nginx)");
            assertThat(offer(offers, TrafficProvider.SMI).reason()).contains("Linkerd's linkerd-smi extension");
        }
    }

    private static TrafficProviders.Offer offer(List<TrafficProviders.Offer> offers, TrafficProvider provider) {
        return offers.stream().filter(o -> o.provider() == provider).findFirst().orElseThrow();
    }
}
