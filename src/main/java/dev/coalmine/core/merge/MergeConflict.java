package dev.coalmine.core.merge;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One value both sides of a {@link ThreeWayMerge} changed differently.
 *
 * @param path where, from the root: map keys, and {@code list[name]} for an item of a named list
 * @param base the value before either change (null: absent)
 * @param ours our side's value (null: removed)
 * @param theirs their side's value (null: removed)
 */
public record MergeConflict(List<String> path, Object base, Object ours, Object theirs) {
    private static final Pattern ITEM = Pattern.compile("(.+)\\[(.+)]");

    public MergeConflict {
        path = List.copyOf(path);
    }

    static String item(String list, String name) {
        return list + "[" + name + "]";
    }

    /**
     * The path in words: {@code spec, containers[web], resources, limits} reads "container web resources.limits"
     * (a pod template's "spec" is left out, as people name fields of a pod that way).
     */
    public String where() {
        StringBuilder words = new StringBuilder();
        boolean afterField = false;
        for (int i = 0; i < path.size(); i++) {
            String step = path.get(i);
            if (i == 0 && step.equals("spec") && path.size() > 1) {
                continue;
            }
            Matcher item = ITEM.matcher(step);
            if (item.matches()) {
                words.append(words.length() == 0 ? "" : " ").append(singular(item.group(1))).append(' ')
                        .append(item.group(2));
                afterField = false;
            } else {
                words.append(words.length() == 0 ? "" : afterField ? "." : " ").append(step);
                afterField = true;
            }
        }
        return words.toString();
    }

    /** "containers" → "container", "initContainers" → "init container", "env" → "env". */
    private static String singular(String list) {
        String words = list.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
        return words.endsWith("s") ? words.substring(0, words.length() - 1) : words;
    }

    /** A value as a person reads it; null as "(none)". */
    public static String show(Object value) {
        return value == null ? "(none)" : String.valueOf(value);
    }
}
