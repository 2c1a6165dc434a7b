package dev.coalmine.demo.server;

import java.util.Optional;

/**
 * One line of the demo's deny list: {@code VERB RESOURCE[.GROUP] [NAMESPACE]}, each part may be {@code *}.
 * A resource written without a group matches that resource in any group.
 */
record AccessRule(String verb, String resource, String group, String namespace, String line) {

    static Optional<AccessRule> parse(String line) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
            return Optional.empty();
        }
        String[] parts = trimmed.split("\\s+");
        if (parts.length < 2 || parts.length > 3) {
            return Optional.empty();
        }
        String target = parts[1];
        int dot = target.indexOf('.');
        String resource = dot < 0 ? target : target.substring(0, dot);
        String group = dot < 0 ? null : target.substring(dot + 1);
        return Optional.of(new AccessRule(parts[0], resource, group, parts.length == 3 ? parts[2] : "*", trimmed));
    }

    boolean matches(String verb, String resource, String group, String namespace) {
        return wild(this.verb, verb) && wild(this.resource, resource)
                && (this.group == null || wild(this.group, group))
                && wild(this.namespace, namespace == null ? "" : namespace);
    }

    private static boolean wild(String pattern, String value) {
        return pattern.equals("*") || pattern.equals(value);
    }
}
