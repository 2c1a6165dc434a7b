package dev.coalmine.metrics;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/** How to authenticate to Prometheus reached by URL. The secrets never appear in {@code toString}. */
public sealed interface PrometheusAuth {
    /** The value of the Authorization header, if any. */
    Optional<String> authorizationHeader();

    /** Bearer token from the environment variable that names it. */
    String TOKEN_VARIABLE = "COALMINE_PROMETHEUS_TOKEN";
    /** Basic auth user (password in {@link #PASSWORD_VARIABLE}). */
    String USER_VARIABLE = "COALMINE_PROMETHEUS_USER";
    String PASSWORD_VARIABLE = "COALMINE_PROMETHEUS_PASSWORD";

    /**
     * Credentials from the environment: {@code COALMINE_PROMETHEUS_TOKEN} (bearer), else
     * {@code COALMINE_PROMETHEUS_USER} and {@code COALMINE_PROMETHEUS_PASSWORD} (basic), else none. Credentials never
     * go into the judge settings, which are stored in the cluster.
     */
    static PrometheusAuth fromEnvironment(Map<String, String> environment) {
        String token = environment.get(TOKEN_VARIABLE);
        if (token != null && !token.isBlank()) {
            return bearer(token);
        }
        String user = environment.get(USER_VARIABLE);
        return user != null && !user.isBlank() ? basic(user, environment.getOrDefault(PASSWORD_VARIABLE, "")) : none();
    }

    static PrometheusAuth none() {
        return new None();
    }

    static PrometheusAuth bearer(String token) {
        return new Bearer(token);
    }

    static PrometheusAuth basic(String user, String password) {
        return new Basic(user, password);
    }

    record None() implements PrometheusAuth {
        @Override
        public Optional<String> authorizationHeader() {
            return Optional.empty();
        }
    }

    record Bearer(String token) implements PrometheusAuth {
        public Bearer {
            if (token == null || token.isBlank()) {
                throw new IllegalArgumentException("the bearer token is empty");
            }
        }

        @Override
        public Optional<String> authorizationHeader() {
            return Optional.of("Bearer " + token.trim());
        }

        @Override
        public String toString() {
            return "bearer token";
        }
    }

    record Basic(String user, String password) implements PrometheusAuth {
        @Override
        public Optional<String> authorizationHeader() {
            String pair = user + ":" + (password == null ? "" : password);
            return Optional.of("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }

        @Override
        public String toString() {
            return "basic auth as " + user;
        }
    }
}
