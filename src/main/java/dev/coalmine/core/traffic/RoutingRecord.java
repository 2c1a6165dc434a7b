package dev.coalmine.core.traffic;

/**
 * One routing object a release created or changed, recorded in the release before it is written so that the
 * wrap-up (in this process or the next) removes or restores it.
 *
 * @param original the operator's object as it was before the release (JSON, opaque here), or null when Coalmine
 *                 created the object and deletes it at the end
 */
public record RoutingRecord(String apiVersion, String kind, String name, String original) {
    public boolean createdByCoalmine() {
        return original == null;
    }

    /** "HTTPRoute shop (restored at the end)". */
    public String describe() {
        return kind + " " + name + (createdByCoalmine() ? " (created, deleted at the end)"
                : " (the operator's, restored at the end)");
    }
}
