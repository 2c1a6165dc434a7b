package dev.coalmine.cli.canary;

import dev.coalmine.cli.CanarySizeWording;
import dev.coalmine.cli.NameConverters;
import dev.coalmine.core.CoalmineException;
import dev.coalmine.core.release.CanarySize;
import dev.coalmine.core.release.ImageChange;
import dev.coalmine.core.release.ImageChanges;
import dev.coalmine.core.release.InvalidCanarySizeException;
import dev.coalmine.core.release.JudgeSpec;
import dev.coalmine.core.release.ReleasePlan;
import dev.coalmine.core.time.Durations;
import dev.coalmine.kube.release.ManifestDocuments;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options {@code plan} and {@code start} share. */
final class PlanOptions {
    @Parameters(index = "0", paramLabel = "DEPLOYMENT", description = "The stable Deployment.",
            converter = NameConverters.Deployment.class)
    String deployment;

    @Option(names = "--image", paramLabel = "[CONTAINER=]IMAGE",
            description = "New image for a container (repeat for several; CONTAINER may be left out when the "
                    + "Deployment has one container).")
    List<String> images = List.of();

    @Option(names = {"-f", "--manifest"}, paramLabel = "FILE",
            description = "A manifest file (- reads stdin) with the new Deployment and the ConfigMaps/Secrets it uses "
                    + "(instead of --image); its other documents are ignored, each said on stderr.")
    Path manifest;

    private String manifestYaml;
    private List<String> ignoredDocuments = List.of();

    /**
     * The heading gives the choice its own section of the help: without one, picocli lists a mixin's group options
     * twice among the other options.
     */
    @ArgGroup(exclusive = true, multiplicity = "1", heading = "Canary size (give one):%n")
    Size size;

    @Option(names = "--no-baseline", description = "Do not create a baseline next to the canary.")
    boolean noBaseline;

    @ArgGroup(exclusive = false, heading = "Traffic (weighted routing and steps):%n")
    TrafficOptions traffic = new TrafficOptions();

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10m", converter = DurationConverter.class,
            description = "Steady-state timeout, e.g. 90s, 1m30s, 10m (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    static final class Size {
        @Option(names = "--count", paramLabel = "N", required = true, description = "Canary pods.")
        Integer count;

        @Option(names = "--percent", paramLabel = "P", required = true,
                description = "Canary pods as a percentage of stable's replicas (rounded, at least 1).")
        Double percent;
    }

    /**
     * The plan; a value the engine refuses (e.g. --percent 0) is a usage error, exit 2. Commands call it once
     * before connecting, so usage errors never wait for the cluster.
     */
    ReleasePlan toPlan(String namespace, CommandLine commandLine) {
        return toPlan(namespace, JudgeSpec::manual, commandLine);
    }

    /** The plan with the judge {@code judge} builds; its refusals are usage errors too. */
    ReleasePlan toPlan(String namespace, Supplier<JudgeSpec> judge, CommandLine commandLine) {
        try {
            JudgeSpec spec = judge.get();
            return toPlan(namespace).withJudge(spec).withTraffic(traffic.toPlan(spec.isAutomatic()));
        } catch (InvalidCanarySizeException e) {
            throw new ParameterException(commandLine, CanarySizeWording.of(e.problem()), e);
        } catch (CoalmineException e) {
            throw new ParameterException(commandLine, e.getMessage(), e);
        }
    }

    private ReleasePlan toPlan(String namespace) {
        CanarySize canarySize = size.count != null ? CanarySize.count(size.count) : CanarySize.percent(size.percent);
        if (manifest != null) {
            ignoredDocuments = ManifestDocuments.ignored(manifestYaml(), deployment);
        }
        List<ImageChange> changes = ImageChanges.parse(images);
        return new ReleasePlan(namespace, deployment, changes, manifest == null ? null : manifestYaml(), canarySize,
                !noBaseline,
                JudgeSpec.manual(), timeout);
    }

    /** Says, one line each, which documents of the manifest file the release leaves alone. */
    void tellIgnored(PrintWriter err) {
        ignoredDocuments.forEach(document -> err.println("ignoring " + document + " from " + manifestName()
                + ": not part of the release"));
        err.flush();
    }

    /** Read once: stdin can be read only once, and the plan is built twice (before and after connecting). */
    private String manifestYaml() {
        if (manifestYaml == null) {
            manifestYaml = new ManifestInput(manifest).read();
        }
        return manifestYaml;
    }

    private String manifestName() {
        return new ManifestInput(manifest).name();
    }

    /** A positive duration in {@link Durations}' grammar: 90s, 1m30s, 10m, 1h, 500ms. */
    static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String text) {
            Duration d = new ZeroOrMoreDurationConverter().convert(text);
            if (d.isZero()) {
                throw new TypeConversionException("'" + text.strip() + "' is no time at all: give more than 0, e.g. 10m");
            }
            return d;
        }
    }

    /** Any duration in {@link Durations}' grammar, 0s included. */
    static final class ZeroOrMoreDurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String text) {
            try {
                return Durations.parse(text);
            } catch (CoalmineException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
