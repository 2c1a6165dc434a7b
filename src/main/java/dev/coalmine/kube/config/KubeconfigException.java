package dev.coalmine.kube.config;

import dev.coalmine.core.CoalmineException;

/** The kubeconfig cannot be used: missing, malformed, or the chosen context is incomplete. */
public class KubeconfigException extends CoalmineException {
    public KubeconfigException(String message) {
        super(message);
    }
}
