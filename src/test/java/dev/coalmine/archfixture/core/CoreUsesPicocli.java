package dev.coalmine.archfixture.core;

/** Breaks "core is pure" with picocli. */
public final class CoreUsesPicocli {
    picocli.CommandLine commandLine;
}
