package dev.coalmine.archfixture.core;

/** Keeps every rule. */
public record PureCore(String phase, int replicas) {
}
