package dev.coalmine.cli.canary;

import dev.coalmine.core.engine.Engine;
import dev.coalmine.core.release.ReleasePlan;
import dev.coalmine.kube.release.HandOffService;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/** {@code --engine coalmine|argo-rollouts|flagger}: who runs the release. */
final class EngineOption {
    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "coalmine", converter = EngineConverter.class,
            description = "coalmine (this process drives the release), argo-rollouts or flagger (the release is "
                    + "handed to that in-cluster engine, which runs it without Coalmine; only when its CRDs are "
                    + "installed).")
    Engine engine = Engine.COALMINE;

    boolean inCluster() {
        return engine.inCluster();
    }

    void printPlan(CanarySession session, ReleasePlan plan, PrintWriter out) {
        HandOffService handOff = session.handOff();
        List<Map<String, Object>> objects = handOff.render(plan, engine);
        out.println("# release of " + plan.namespace() + "/" + plan.deployment() + " handed to " + engine.id()
                + ": these objects are applied, then the Deployment's images are set");
        out.print(handOff.yaml(objects));
        out.flush();
    }

    int handOff(CanarySession session, ReleasePlan plan, boolean skipDryRun, PrintWriter out) {
        Duration takeOver = plan.steadyStateTimeout();
        session.handOff().start(plan, engine, skipDryRun, takeOver);
        String kind = engine == Engine.FLAGGER ? "canary" : "rollout";
        out.println("release of " + plan.deployment() + " handed to " + engine.id() + "; it runs in the cluster "
                + "without Coalmine: follow it with kubectl get " + kind + " " + plan.deployment() + " -n "
                + plan.namespace() + " -w");
        out.flush();
        return 0;
    }

    static final class EngineConverter implements ITypeConverter<Engine> {
        @Override
        public Engine convert(String value) {
            try {
                return Engine.parse(value);
            } catch (RuntimeException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
