package dev.coalmine.core.release;

/** One change to the cluster that the driver performs; each is safe to perform again. */
public sealed interface ReleaseAction {
    /** Create the versioned ConfigMap/Secret copies {@code <name>-<release>} the canary points to. */
    record ApplyVersionedConfig() implements ReleaseAction { }

    /** Create (or replace) {@code <name>-canary} with the new version. */
    record ApplyCanary() implements ReleaseAction { }

    /** Create (or replace) {@code <name>-baseline} as a copy of the stable spec. */
    record ApplyBaseline() implements ReleaseAction { }

    /** Rolling update of stable to the new version (and its config under the live names). */
    record RollStable() implements ReleaseAction { }

    /** Put stable back on the pod template (and config) it had before the release. */
    record RollbackStable() implements ReleaseAction { }

    record DeleteCanary() implements ReleaseAction { }

    record DeleteBaseline() implements ReleaseAction { }

    record DeleteVersionedConfig() implements ReleaseAction { }

    /** Create the release's track Services, or re-pin {@code <S>-stable} to the ReplicaSet that now serves stable. */
    record ApplyTrackServices() implements ReleaseAction { }

    /** Make the router carry the weight recorded in the release's traffic state (creating routing objects). */
    record SetWeights() implements ReleaseAction { }

    /** Delete the routing objects the release created and put the operator's back exactly as recorded. */
    record RestoreRouting() implements ReleaseAction { }

    record DeleteTrackServices() implements ReleaseAction { }
}
