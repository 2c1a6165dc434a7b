package dev.coalmine.archfixture.core;

/** Breaks "core is pure" with a fabric8 model class. */
public final class CoreUsesFabric8 {
    io.fabric8.kubernetes.api.model.Pod pod;
}
