package dev.coalmine.kube;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lines an operator looks for in the console's log afterwards: connections, releases started and decisions.
 * Only names, numbers, verdicts and who; never a token, a Secret's value or a manifest.
 */
@FunctionalInterface
public interface OperatorLog {
    void info(String line);

    /** INFO lines through slf4j, under {@code source}'s logger. */
    static OperatorLog of(Class<?> source) {
        Logger logger = LoggerFactory.getLogger(source);
        return logger::info;
    }
}
