package dev.coalmine.kube.config;

import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * Turns what went wrong talking to one context's API server into an operator-facing message. Only
 * exception types are inspected, never their messages, which may quote headers or response bodies.
 */
final class ConnectionProblems {
    private final String context;
    private final String user;
    private final String server;

    ConnectionProblems(String context, String user, String server) {
        this.context = context;
        this.user = user;
        this.server = server;
    }

    ConnectionException fromStatus(int code, String what) {
        if (code == 401) {
            return new ConnectionException("The API server " + server + " rejected the credentials of user '" + user
                    + "' (context '" + context + "'): they are missing, wrong or expired (401). Log in again "
                    + "with your cluster provider's tool to refresh the kubeconfig.");
        }
        if (code == 403) {
            return new ConnectionException("User '" + user + "' (context '" + context + "') is not allowed to "
                    + what + " on " + server + " (403 Forbidden). Ask a cluster admin for that permission, "
                    + "or use a context with more rights.");
        }
        return new ConnectionException("The API server " + server + " (context '" + context + "') answered HTTP "
                + code + " when asked to " + what + ". Check that the URL points at a Kubernetes API server.");
    }

    ConnectionException fromFailure(Throwable failure, Duration timeout) {
        if (has(failure, SSLException.class) || has(failure, CertificateException.class)) {
            return new ConnectionException("The TLS connection to " + server + " (context '" + context + "') "
                    + "failed: the server's certificate is not trusted or does not match. Set the cluster's "
                    + "certificate-authority (or certificate-authority-data) in the kubeconfig to the CA that "
                    + "signed it.", failure);
        }
        if (has(failure, UnknownHostException.class)) {
            return new ConnectionException("The host of " + server + " (context '" + context + "') cannot be "
                    + "resolved. Check the server URL, your DNS, and that your VPN is connected.", failure);
        }
        if (has(failure, ConnectException.class) || has(failure, NoRouteToHostException.class)) {
            return new ConnectionException("Cannot reach the API server " + server + " (context '" + context
                    + "'): connection refused. Check that the cluster is running, that your VPN is connected, "
                    + "and your proxy settings.", failure);
        }
        if (has(failure, TimeoutException.class) || has(failure, SocketTimeoutException.class)
                || has(failure, KubernetesClientTimeoutException.class)) {
            return timedOut(timeout, failure);
        }
        return new ConnectionException("Cannot talk to the API server " + server + " (context '" + context
                + "'): " + failure.getClass().getSimpleName() + ". Check the server URL, your VPN and your "
                + "proxy settings.", failure);
    }

    ConnectionException timedOut(Duration timeout, Throwable failure) {
        return new ConnectionException("The API server " + server + " (context '" + context + "') did not answer "
                + "within " + timeout.toSeconds() + " s. Check that your VPN is connected and your proxy "
                + "settings (proxy-url in the kubeconfig, HTTPS_PROXY).", failure);
    }

    private static boolean has(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (type.isInstance(suppressed)) {
                    return true;
                }
            }
        }
        return false;
    }
}
