package dev.coalmine.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.coalmine.FastTest;
import dev.coalmine.addon.ClusterAddOn;
import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * picocli formats every description line with {@link String#format}: a lone {@code %} ("0-100 %)") printed three
 * "[picocli WARN] Could not format" lines above {@code coalmine demo --help}.
 */
@FastTest
class HelpTextTest {
    @Test
    void everyDescriptionLineOfEveryCommandFormats() {
        CommandLine root = new Cli(target -> { }, ClusterAddOn.NONE, Optional.of((port, seeded, faults, seed) -> { throw new IllegalStateException("not started here"); })).commandLine();
        List<String> lines = new ArrayList<>();
        collect(root, lines);

        assertThat(lines).hasSizeGreaterThan(50).anyMatch(line -> line.contains("fault"));
        lines.forEach(line -> assertThatCode(() -> String.format(Locale.ROOT, line)).as(line).doesNotThrowAnyException());
    }

    /** The lines as written in the annotations: what picocli hands to {@link String#format}. */
    private static void collect(CommandLine command, List<String> lines) {
        Set<Class<?>> types = new LinkedHashSet<>();
        classesOf(command.getCommandSpec(), types);
        for (Class<?> declared : types) {
            for (Class<?> type = declared; type != null && type != Object.class; type = type.getSuperclass()) {
                Optional.ofNullable(type.getAnnotation(CommandLine.Command.class)).ifPresent(c -> lines.addAll(List.of(c.description())));
                for (AnnotatedElement member : Stream.concat(Stream.of(type.getDeclaredFields()), Stream.of(type.getDeclaredMethods())).toList()) {
                    Optional.ofNullable(member.getAnnotation(CommandLine.Option.class)).ifPresent(o -> lines.addAll(List.of(o.description())));
                    Optional.ofNullable(member.getAnnotation(CommandLine.Parameters.class)).ifPresent(p -> lines.addAll(List.of(p.description())));
                }
            }
        }
        command.getSubcommands().values().forEach(sub -> collect(sub, lines));
    }

    private static void classesOf(CommandSpec spec, Set<Class<?>> types) {
        types.add(spec.userObject().getClass());
        spec.mixins().values().forEach(mixin -> classesOf(mixin, types));
        spec.argGroups().forEach(group -> classesOf(group, types));
    }

    private static void classesOf(ArgGroupSpec group, Set<Class<?>> types) {
        types.add(group.typeInfo().getType());
        group.subgroups().forEach(sub -> classesOf(sub, types));
    }
}
