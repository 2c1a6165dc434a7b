package dev.coalmine.kube.traffic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small reads of the JSON-like trees generic resources hold; a missing or odd-typed value reads as empty. */
final class Trees {
    private Trees() {
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> maps(Map<String, Object> tree, String key) {
        Object value = tree == null ? null : tree.get(key);
        List<Map<String, Object>> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> m) {
                    out.add((Map<String, Object>) m);
                }
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> tree, String key) {
        Object value = tree == null ? null : tree.get(key);
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    static String text(Map<String, Object> tree, String key) {
        Object value = tree == null ? null : tree.get(key);
        return value == null ? null : value.toString();
    }

    static int number(Map<String, Object> tree, String key, int missing) {
        Object value = tree == null ? null : tree.get(key);
        if (value instanceof Number n) {
            return n.intValue();
        }
        try {
            return value == null ? missing : Integer.parseInt(value.toString().strip());
        } catch (NumberFormatException e) {
            return missing;
        }
    }

    /** An ordered map of the given key/value pairs, for building specs. */
    static Map<String, Object> of(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                m.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return m;
    }
}
