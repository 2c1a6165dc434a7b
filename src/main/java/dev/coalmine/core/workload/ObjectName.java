package dev.coalmine.core.workload;

import dev.coalmine.core.CoalmineException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The API server's name grammar (RFC 1123, as in apimachinery's {@code validation.IsDNS1123Subdomain} and
 * {@code IsDNS1123Label}), checked before a name goes into a URL: {@code app?watch=true} or {@code app#x} would
 * otherwise change the request itself.
 */
public final class ObjectName {
    private static final String LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private static final Pattern LABEL_PATTERN = Pattern.compile(LABEL);
    private static final Pattern SUBDOMAIN_PATTERN = Pattern.compile(LABEL + "(\\." + LABEL + ")*");
    private static final int LABEL_MAX = 63;
    private static final int SUBDOMAIN_MAX = 253;

    private ObjectName() {
    }

    /** Empty when {@code name} can name a Deployment (a DNS-1123 subdomain), else what is wrong, in words. */
    public static Optional<String> deploymentProblem(String name) {
        return problem("Deployment", name, SUBDOMAIN_PATTERN, SUBDOMAIN_MAX, "lower case letters, digits, '-' or '.'");
    }

    /** Empty when {@code name} can name a namespace (a DNS-1123 label), else what is wrong, in words. */
    public static Optional<String> namespaceProblem(String name) {
        return problem("namespace", name, LABEL_PATTERN, LABEL_MAX, "lower case letters, digits or '-'");
    }

    /** {@code name}, or a {@link CoalmineException} saying why no Deployment can have it. */
    public static String requireDeployment(String name) {
        deploymentProblem(name).ifPresent(problem -> {
            throw new CoalmineException(problem);
        });
        return name;
    }

    /** {@code name}, or a {@link CoalmineException} saying why no namespace can have it. */
    public static String requireNamespace(String name) {
        namespaceProblem(name).ifPresent(problem -> {
            throw new CoalmineException(problem);
        });
        return name;
    }

    private static Optional<String> problem(String kind, String name, Pattern grammar, int max, String characters) {
        if (name == null || name.isEmpty()) {
            return Optional.of("a " + kind + " name cannot be empty");
        }
        String shown = "'" + printable(name) + "'";
        if (name.length() > max) {
            return Optional.of(shown + " is not a valid " + kind + " name: at most " + max + " characters");
        }
        if (!grammar.matcher(name).matches()) {
            return Optional.of(shown + " is not a valid " + kind + " name: use " + characters
                    + ", starting and ending with a letter or digit (as the API server requires)");
        }
        return Optional.empty();
    }

    /** Control characters would garble the terminal that shows the message. */
    private static String printable(String name) {
        StringBuilder b = new StringBuilder();
        name.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                b.append(String.format("\\u%04x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }
}
