package dev.coalmine.cli.canary;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coalmine.core.engine.Engine;
import dev.coalmine.core.release.ReleasePlan;
import dev.coalmine.kube.release.HandOffService;
import java.io.PrintWriter;
import java.time.Duration;
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

    /** The objects the hand-off applies: YAML with comments, or one {@code -o json|yaml} document. */
    void printPlan(CanarySession session, ReleasePlan plan, OutputFormat format, PrintWriter out) {
        HandOffService handOff = session.handOff();
        HandOffService.Rendering rendering = handOff.rendering(plan, engine);
        if (format.structured()) {
            ObjectNode root = JsonNodeFactory.instance.objectNode();
            root.put("namespace", plan.namespace());
            root.put("deployment", plan.deployment());
            root.put("engine", engine.id());
            var notes = root.putArray("notes");
            rendering.notes().forEach(notes::add);
            root.set("objects", StructuredOutput.tree(rendering.objects()));
            out.println(StructuredOutput.pretty(root, format));
        } else {
            out.println("# release of " + plan.namespace() + "/" + plan.deployment() + " handed to " + engine.id()
                    + ": these objects are applied, then the Deployment's images are set");
            rendering.notes().forEach(note -> out.println("# " + note));
            out.print(handOff.yaml(rendering.objects()));
        }
        out.flush();
    }

    int handOff(CanarySession session, ReleasePlan plan, boolean skipDryRun, PrintWriter out) {
        Duration takeOver = plan.steadyStateTimeout();
        session.handOff().start(plan, engine, skipDryRun, takeOver, note -> out.println("note: " + note));
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
