package dev.coalmine.kube;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/** Short, credential-free descriptions of API failures for operator-facing messages. */
public final class KubeErrors {
    private KubeErrors() {
    }

    public static String describe(Throwable failure) {
        if (failure instanceof KubernetesClientException k && k.getCode() > 0) {
            return switch (k.getCode()) {
                case 401 -> "the server rejected the credentials (401); log in again or refresh the token";
                case 403 -> "forbidden (403): " + statusMessage(k) + "; ask for RBAC permission";
                case 404 -> "not found (404): " + statusMessage(k);
                case 409 -> "conflict (409): " + statusMessage(k);
                default -> "the API server answered " + k.getCode() + ": " + statusMessage(k);
            };
        }
        if (failure instanceof TimeoutException) {
            return "the API server did not answer in time; check that it is reachable";
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /**
     * An error line for a request to the API server that failed for good (fabric8 retries 429, 5xx and dropped
     * connections with back-off before it gives up); empty when {@code failure} is something else.
     */
    public static Optional<String> requestGaveUp(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof KubernetesClientException k) {
                String again = "run the command again (a release continues where it stopped)";
                if (k.getCode() == 401 || k.getCode() == 403) {
                    return Optional.of(describe(k) + ", then " + again); // what to do is said: nothing to check
                }
                String retried = k.getCode() == 429 || k.getCode() >= 500 || k.getCode() <= 0
                        ? " (still after retries with back-off)" : "";
                String what = k.getCode() > 0 ? describe(k) : "the API server could not be reached: " + describe(k);
                return Optional.of(what + retried + "; check the cluster and " + again);
            }
        }
        return Optional.empty();
    }

    private static String statusMessage(KubernetesClientException k) {
        if (k.getStatus() != null && k.getStatus().getMessage() != null) {
            return k.getStatus().getMessage();
        }
        return k.getMessage();
    }
}
