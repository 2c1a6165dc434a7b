package dev.coalmine.kube.config;

import java.util.Optional;

/**
 * The PATH a login shell would have. Desktop sessions often start with a shorter PATH than the
 * operator's terminal, so exec credential plugins installed under e.g. ~/.local/bin or /opt/homebrew
 * are missing; the login shell knows them.
 */
@FunctionalInterface
public interface LoginShellPath {
    Optional<String> lookup();
}
