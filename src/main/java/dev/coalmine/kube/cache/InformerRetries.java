package dev.coalmine.kube.cache;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.informers.ExceptionHandler;
import java.io.IOException;
import java.net.ConnectException;

/**
 * When an informer lists and watches again after a failure. fabric8's default gives up on any failure before the
 * first list and watch are up, so one expired watch (410), throttled request (429), server error or dropped
 * connection at that moment failed a whole view; such transient failures are retried (with fabric8's back-off)
 * also then. What retrying cannot fix, such as 401, 403, 404 or a refused connection, still fails the start at once.
 */
final class InformerRetries implements ExceptionHandler {
    @Override
    public boolean retryAfterException(boolean started, Throwable failure) {
        if (ExceptionHandler.isDeserializationException(failure)) {
            return false;
        }
        if (started) {
            return !(failure instanceof WatcherException watch) || watch.isHttpGone();
        }
        return isTransient(failure);
    }

    static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof WatcherException watch && watch.isHttpGone()) {
                return true;
            }
            if (t instanceof KubernetesClientException e && e.getCode() > 0) {
                int code = e.getCode();
                return code == 410 || code == 429 || code >= 500;
            }
            if (t instanceof ConnectException) {
                return false; // nothing listens there: say so now rather than after the first-list timeout
            }
            if (t instanceof IOException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
