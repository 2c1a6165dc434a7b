package dev.coalmine.kube.config;

import io.fabric8.kubernetes.client.Config;
import java.util.function.Supplier;

/**
 * A fabric8 client config whose {@link #refresh()} rebuilds it from the same kubeconfig files the
 * way we built it first. fabric8's own refresh would re-read only the context's file and rerun exec
 * plugins without our login-shell PATH lookup, so tokens from such plugins would stop renewing.
 */
final class RefreshingClientConfig extends Config {
    private final transient Supplier<Config> rebuild;

    RefreshingClientConfig(Supplier<Config> rebuild) {
        super(false);
        this.rebuild = rebuild;
    }

    @Override
    public Config refresh() {
        try {
            return rebuild.get();
        } catch (RuntimeException e) {
            // Keep the credentials we have; a real failure shows up as a 401 on the next request.
            return this;
        }
    }
}
