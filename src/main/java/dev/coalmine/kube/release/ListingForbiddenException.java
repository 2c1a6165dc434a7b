package dev.coalmine.kube.release;

import dev.coalmine.core.CoalmineException;

/** The user may not list what was asked for in that scope (403), for example ConfigMaps in all namespaces. */
public final class ListingForbiddenException extends CoalmineException {
    public ListingForbiddenException(String message, Throwable cause) {
        super(message, cause);
    }
}
