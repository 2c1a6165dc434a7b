package dev.coalmine.kube.release;

/** One verb on one resource, as RBAC names it: {@code create deployments.apps}, {@code get pods/log}. */
record Permission(String verb, String group, String resource) {
    /** The resource without its subresource: {@code pods} of {@code pods/log}. */
    String baseResource() {
        int slash = resource.indexOf('/');
        return slash < 0 ? resource : resource.substring(0, slash);
    }

    /** {@code log} of {@code pods/log}; null for a plain resource, as access reviews leave it out. */
    String subresource() {
        int slash = resource.indexOf('/');
        return slash < 0 ? null : resource.substring(slash + 1);
    }

    @Override
    public String toString() {
        return verb + " " + resource + (group.isEmpty() ? "" : "." + group);
    }
}
