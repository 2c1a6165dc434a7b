package dev.coalmine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The layering rules of src/site/architecture.md, defined once for a root package: {@link ArchitectureTest}
 * checks them on the bytecode of src/main ({@code dev.coalmine}), and {@link LayerRulesCatchViolationsTest}
 * on fixture classes under {@code dev.coalmine.archfixture} that break each of them. Bytecode, not import
 * lines: a fully-qualified name written inline counts as a dependency too.
 */
final class LayerRules {
    private LayerRules() {
    }

    /** The rules by name, for the layers {@code core, kube, metrics, demo, cli, ui} under {@code root}. */
    static Map<String, ArchRule> of(String root) {
        String core = root + ".core..";
        String kube = root + ".kube..";
        String metrics = root + ".metrics..";
        String demo = root + ".demo..";
        String cli = root + ".cli..";
        String ui = root + ".ui..";
        Map<String, ArchRule> rules = new LinkedHashMap<>();
        rules.put("core is pure: no JavaFX, fabric8 or picocli", noClasses()
                .that().resideInAPackage(core)
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "io.fabric8..", "picocli..")
                .because("core is the release model, testable without a cluster or a screen"));
        rules.put("only ui uses javafx.scene", noClasses()
                .that().resideInAPackage(root + "..").and().resideOutsideOfPackage(ui)
                .should().dependOnClassesThat().resideInAPackage("javafx.scene..")
                .because("controls and scenes belong to the console's views"));
        rules.put("ui does not use cli", noClasses()
                .that().resideInAPackage(ui)
                .should().dependOnClassesThat().resideInAPackage(cli)
                .because("ui and cli are siblings that present the same engine"));
        rules.put("cli does not use ui", noClasses()
                .that().resideInAPackage(cli)
                .should().dependOnClassesThat().resideInAPackage(ui)
                .because("ui and cli are siblings that present the same engine"));
        rules.put("only the composition root uses demo", noClasses()
                .that().resideInAPackage(root + "..").and().resideOutsideOfPackage(demo)
                .and(not(compositionRoot(root)))
                .should().dependOnClassesThat().resideInAPackage(demo)
                .because("the demo cluster is wired behind ports by the composition root, on the demo cluster only"));
        rules.put("kube does not use ui, cli or demo", noClasses()
                .that().resideInAPackage(kube)
                .should().dependOnClassesThat().resideInAnyPackage(ui, cli, demo)
                .because("kube is the engine under both presenters"));
        rules.put("metrics does not use ui, cli or demo", noClasses()
                .that().resideInAPackage(metrics)
                .should().dependOnClassesThat().resideInAnyPackage(ui, cli, demo)
                .because("metric sources are engine parts; the demo's source is registered by the composition root"));
        rules.put("demo does not use ui or cli", noClasses()
                .that().resideInAPackage(demo)
                .should().dependOnClassesThat().resideInAnyPackage(ui, cli)
                .because("the demo cluster is a cluster, not a presenter"));
        rules.put("ui neither sleeps nor interrupts threads", noClasses()
                .that().resideInAPackage(ui)
                .should().callMethod(Thread.class, "sleep", long.class)
                .orShould().callMethod(Thread.class, "interrupt")
                .because("views and view-models only present: retrying, pausing and stopping work is the engine's"));
        return rules;
    }

    /** {@code root.App} (with its nested and anonymous classes) and the package {@code root.app}. */
    static DescribedPredicate<JavaClass> compositionRoot(String root) {
        String app = root + ".App";
        String appPackage = root + ".app";
        return DescribedPredicate.describe("the composition root (" + app + ", " + appPackage + "..)",
                c -> c.getName().equals(app) || c.getName().startsWith(app + "$")
                        || c.getPackageName().equals(appPackage) || c.getPackageName().startsWith(appPackage + "."));
    }

    private static DescribedPredicate<JavaClass> not(DescribedPredicate<JavaClass> p) {
        return DescribedPredicate.not(p);
    }
}
