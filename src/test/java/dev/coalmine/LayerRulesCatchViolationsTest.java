package dev.coalmine;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every rule of {@link LayerRules} fails when broken: the same rule objects, evaluated on the fixture classes
 * of {@code dev.coalmine.archfixture} (which break each rule on purpose), report the expected violations and
 * nothing that is allowed.
 */
@FastTest
class LayerRulesCatchViolationsTest {
    private static final String ROOT = "dev.coalmine.archfixture";
    private static final JavaClasses FIXTURES = new ClassFileImporter().importPackages(ROOT);
    private static final Map<String, ArchRule> RULES = LayerRules.of(ROOT);

    /** Per rule: the "violator → target" pairs it must report, by simple class name. */
    private static final Map<String, List<String>> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put("core is pure: no JavaFX, fabric8 or picocli", List.of(
                "core.CoreUsesJavaFx → javafx.beans.property.StringProperty",
                "core.CoreUsesFabric8 → io.fabric8.kubernetes.api.model.Pod",
                "core.CoreUsesPicocli → picocli.CommandLine"));
        EXPECTED.put("only ui uses javafx.scene", List.of(
                "kube.KubeUsesScene → javafx.scene.control.Label"));
        EXPECTED.put("ui does not use cli", List.of(
                "ui.UiUsesCli → cli.CanaryCommand"));
        EXPECTED.put("cli does not use ui", List.of(
                "cli.CliUsesUi → ui.RolloutView"));
        EXPECTED.put("only the composition root uses demo", List.of(
                "ui.UiUsesDemo → demo.DemoCluster",
                "kube.KubeUsesUpperLayers → demo.DemoCluster",
                "metrics.MetricsUsesUpperLayers → demo.DemoCluster"));
        EXPECTED.put("kube does not use ui, cli or demo", List.of(
                "kube.KubeUsesUpperLayers → ui.RolloutView",
                "kube.KubeUsesUpperLayers → cli.CanaryCommand",
                "kube.KubeUsesUpperLayers → demo.DemoCluster"));
        EXPECTED.put("metrics does not use ui, cli or demo", List.of(
                "metrics.MetricsUsesUpperLayers → ui.RolloutView",
                "metrics.MetricsUsesUpperLayers → cli.CanaryCommand",
                "metrics.MetricsUsesUpperLayers → demo.DemoCluster"));
        EXPECTED.put("demo does not use ui or cli", List.of(
                "demo.DemoUsesPresenters → ui.RolloutView",
                "demo.DemoUsesPresenters → cli.CanaryCommand"));
        EXPECTED.put("ui neither sleeps nor interrupts threads", List.of(
                "ui.UiRetriesWithSleeps → java.lang.Thread.sleep(long)",
                "ui.UiRetriesWithSleeps → java.lang.Thread.interrupt()"));
    }

    @Test
    void everyRuleHasAFixtureThatBreaksIt() {
        assertThat(EXPECTED.keySet()).containsExactlyElementsOf(RULES.keySet());
    }

    @TestFactory
    Stream<DynamicTest> eachRuleReportsExactlyTheBrokenDependencies() {
        return RULES.entrySet().stream().map(rule -> DynamicTest.dynamicTest(rule.getKey(), () -> {
            EvaluationResult result = rule.getValue().evaluate(FIXTURES);
            assertThat(result.hasViolation()).as("%s reports a violation", rule.getKey()).isTrue();
            List<String> details = result.getFailureReport().getDetails();
            for (String pair : EXPECTED.get(rule.getKey())) {
                String[] ends = pair.split(" → ");
                String violator = qualify(ends[0]);
                String target = ends[1].startsWith("javafx") || ends[1].startsWith("io.") || ends[1].startsWith("picocli")
                        || ends[1].startsWith("java.")
                        ? ends[1] : qualify(ends[1]);
                assertThat(details).as("%s reports %s", rule.getKey(), pair)
                        .anySatisfy(d -> {
                            assertThat(origin(d)).startsWith(violator);
                            assertThat(d).containsAnyOf("<" + target + ">", "<" + target + ".");
                        });
            }
            // Nothing that keeps the rule is reported: every detail names one of the expected violators.
            List<String> violators = EXPECTED.get(rule.getKey()).stream().map(p -> qualify(p.split(" → ")[0])).toList();
            assertThat(details).allSatisfy(d -> assertThat(violators).anySatisfy(v -> assertThat(origin(d)).startsWith(v)));
        }));
    }

    @Test
    void theCompositionRootMayUseDemo() {
        List<String> details = RULES.get("only the composition root uses demo").evaluate(FIXTURES)
                .getFailureReport().getDetails();
        assertThat(details).isNotEmpty().noneMatch(d -> origin(d).startsWith(ROOT + ".App")
                || origin(d).startsWith(ROOT + ".app.") || origin(d).startsWith(ROOT + ".demo."));
    }

    /** The member or class a violation starts from: the first {@code <…>} of ArchUnit's detail line. */
    private static String origin(String detail) {
        return detail.substring(detail.indexOf('<') + 1, detail.indexOf('>'));
    }

    private static String qualify(String simple) {
        return ROOT + "." + simple;
    }
}
