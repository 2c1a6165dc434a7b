package dev.coalmine.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coalmine.core.CoalmineException;
import dev.coalmine.core.judge.MetricDirection;
import dev.coalmine.core.judge.MetricSpec;
import dev.coalmine.core.judge.Track;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryPresetTest {
    private static final MetricTarget SHOP = new MetricTarget("prod", "shop", Duration.ofMinutes(1));

    @Test
    void placeholdersAreFilledPerTrack() {
        MetricQuery query = MetricQuery.parseCustom(
                "errors = sum(rate(x{ns=\"{{ namespace }}\",d=\"{{deployment}}\",t=\"{{track}}\",w=\"{{workload}}\"}[{{interval}}]))");

        assertThat(query.render(SHOP, Track.CANARY)).isEqualTo("sum(rate(x{ns=\"prod\",d=\"shop\",t=\"canary\",w=\"shop-canary\"}[60s]))");
        assertThat(query.render(SHOP, Track.STABLE)).contains("w=\"shop\"").contains("t=\"stable\"");
        assertThat(new MetricTarget("a", "b", Duration.ofMillis(1500)).promqlInterval()).isEqualTo("1500ms");
        assertThat(query.spec().direction()).isEqualTo(MetricDirection.EITHER_IS_BAD);
    }

    @Test
    void customQueriesNamedLikeAPresetMetricReplaceIt() {
        MetricQuery mine = MetricQuery.parseCustom("success-rate=100 * avg(my_ok_ratio{track=\"{{track}}\"})");

        List<MetricQuery> queries = QueryPreset.DEMO.queriesWith(List.of(mine, MetricQuery.parseCustom("cpu=avg(cpu)")));

        assertThat(queries).extracting(q -> q.spec().name()).containsExactly("latency", "success rate", "cpu");
        assertThat(queries.get(1).spec()).isEqualTo(MetricSpec.successRate());
    }

    @Test
    void mistakesAreExplained() {
        assertThatThrownBy(() -> MetricQuery.parseCustom("no equals sign")).isInstanceOf(CoalmineException.class)
                .hasMessageStartingWith("A custom query must look like NAME=PROMQL");
        assertThatThrownBy(() -> MetricQuery.parseCustom("x=up{pod=\"{{pod}}\"}"))
                .hasMessageStartingWith("Unknown placeholder {{pod}} in the query for x");
        assertThatThrownBy(() -> QueryPreset.parse("datadog"))
                .hasMessage("Unknown metrics preset 'datadog': choose one of istio, linkerd, nginx, demo, azure-sample.");
    }

    @Test
    void everyPresetHasASuccessRateAndAllButAzureALatency() {
        for (QueryPreset preset : QueryPreset.values()) {
            assertThat(preset.queries()).extracting(q -> q.spec().name()).contains(MetricSpec.SUCCESS_RATE);
            assertThat(preset.hasLatency()).isEqualTo(preset != QueryPreset.AZURE_SAMPLE);
            assertThat(QueryPreset.parse(preset.id().toUpperCase())).isEqualTo(preset);
        }
        assertThat(QueryPreset.NGINX.description()).contains("mean");
        assertThat(QueryPreset.AZURE_SAMPLE.queries().get(0).render(SHOP, Track.BASELINE))
                .contains("pod=~\"shop-baseline-[a-z0-9]+-[a-z0-9]+\"").contains("custom_status=~\"good|bad\"");
    }

    @Test
    void everyPresetCountsTheRequestsOfTheSameSeriesAsItsSuccessRate() {
        for (QueryPreset preset : QueryPreset.values()) {
            String successRate = preset.queries().get(0).render(SHOP, Track.CANARY);
            String requests = preset.requestCount().render(SHOP, Track.CANARY);
            assertThat(requests).startsWith("sum(increase(").endsWith("[" + SHOP.promqlInterval() + "]))");
            String selector = requests.substring("sum(increase(".length(), requests.indexOf('['));
            assertThat(successRate).as(preset.id()).contains(selector.substring(0, selector.length() - 1));
            assertThat(preset.requestCount().spec().name()).isEqualTo("requests");
        }
    }
}
