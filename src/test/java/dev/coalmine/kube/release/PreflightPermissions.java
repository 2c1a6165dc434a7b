package dev.coalmine.kube.release;

import dev.coalmine.core.traffic.TrafficProvider;
import java.util.List;

/** For tests of other packages: what a release's preflight asks for, each as RBAC names it ({@code verb resource.group}). */
public final class PreflightPermissions {
    private PreflightPermissions() {
    }

    public static List<String> neededFor(boolean withSecrets, TrafficProvider traffic) {
        return RbacPreflight.neededFor(withSecrets, traffic).stream().map(Permission::toString).toList();
    }
}
