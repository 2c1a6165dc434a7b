package dev.coalmine.kube.release;

/** One verb on one resource, as RBAC names it: {@code create deployments.apps}. */
record Permission(String verb, String group, String resource) {
    @Override
    public String toString() {
        return verb + " " + resource + (group.isEmpty() ? "" : "." + group);
    }
}
