package dev.coalmine.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The first command names of a command line, read past the options that take a value: all a call needs of the
 * command tree. It stops at any other option (help, version, a typo), where only the whole tree answers as before.
 */
final class CommandPath {
    private CommandPath() {
    }

    /** Up to {@code depth} names; {@code valueOptions} are the options before them that take a value. */
    static List<String> of(String[] args, Set<String> valueOptions, int depth) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < args.length && names.size() < depth; i++) {
            String arg = args[i];
            if (valueOptions.contains(arg)) {
                i++;
            } else if (arg.startsWith("-")) {
                if (!withAttachedValue(arg, valueOptions)) {
                    break;
                }
            } else {
                names.add(arg);
            }
        }
        return names;
    }

    /** {@code --namespace=shop} or {@code -nshop}. */
    private static boolean withAttachedValue(String arg, Set<String> valueOptions) {
        int equals = arg.indexOf('=');
        if (arg.startsWith("--")) {
            return equals > 0 && valueOptions.contains(arg.substring(0, equals));
        }
        return arg.length() > 2 && valueOptions.contains(arg.substring(0, 2));
    }
}
