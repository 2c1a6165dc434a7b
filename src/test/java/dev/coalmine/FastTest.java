package dev.coalmine;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * The fast tier: tests that need no cluster, no mock API server, no Prometheus, no kubectl and no JavaFX
 * stage (pure {@code core}, view-models run synchronously, the architecture rules). Run them alone with
 * {@code mvn -B test -Pfast}; {@code mvn -B verify} still runs every test.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag("fast")
public @interface FastTest {
}
