package dev.coalmine.cli;

import dev.coalmine.core.workload.ObjectName;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Names checked while the command line is parsed, so a bad one is a usage error (exit 2) before any request. */
public final class NameConverters {
    private NameConverters() {
    }

    /** A Deployment name: a DNS-1123 subdomain. */
    public static final class Deployment implements ITypeConverter<String> {
        @Override
        public String convert(String name) {
            return checked(name, ObjectName::deploymentProblem);
        }
    }

    /** A namespace name: a DNS-1123 label. */
    public static final class Namespace implements ITypeConverter<String> {
        @Override
        public String convert(String name) {
            return checked(name, ObjectName::namespaceProblem);
        }
    }

    private static String checked(String name, Function<String, Optional<String>> problem) {
        problem.apply(name).ifPresent(p -> {
            throw new TypeConversionException(p);
        });
        return name;
    }
}
