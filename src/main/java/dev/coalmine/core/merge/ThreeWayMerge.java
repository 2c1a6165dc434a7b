package dev.coalmine.core.merge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A three-way merge of JSON-like trees (maps with string keys, lists, scalars; null or a missing key means
 * "absent"): applies the change from {@code base} to {@code ours} on top of {@code theirs}, keeping whatever
 * {@code theirs} changed elsewhere. Lists whose items all carry a string {@code name} (containers, env vars,
 * volumes, volume mounts) are merged item by item, as Kubernetes' strategic merge does; other lists are values.
 * Where both sides changed the same value differently, the result keeps {@code theirs} and reports a conflict.
 */
public final class ThreeWayMerge {
    private static final String NAME = "name";

    private ThreeWayMerge() {
    }

    public static MergeResult merge(Object base, Object ours, Object theirs) {
        List<MergeConflict> conflicts = new ArrayList<>();
        Object merged = merge(List.of(), base, ours, theirs, conflicts);
        return new MergeResult(merged, conflicts);
    }

    private static Object merge(List<String> path, Object base, Object ours, Object theirs,
                                List<MergeConflict> conflicts) {
        if (Objects.equals(ours, theirs) || Objects.equals(theirs, base)) {
            return ours;
        }
        if (Objects.equals(ours, base)) {
            return theirs;
        }
        if (ours instanceof Map<?, ?> o && theirs instanceof Map<?, ?> t && (base == null || base instanceof Map)) {
            return mergeMaps(path, base == null ? Map.of() : (Map<?, ?>) base, o, t, conflicts);
        }
        if (isNamedList(ours) && isNamedList(theirs) && (base == null || isNamedList(base))) {
            return mergeNamedLists(path, byName(base), byName(ours), byName(theirs), conflicts);
        }
        conflicts.add(new MergeConflict(path, base, ours, theirs));
        return theirs;
    }

    private static Map<String, Object> mergeMaps(List<String> path, Map<?, ?> base, Map<?, ?> ours, Map<?, ?> theirs,
                                                 List<MergeConflict> conflicts) {
        Set<Object> keys = new LinkedHashSet<>(theirs.keySet());
        keys.addAll(ours.keySet());
        Map<String, Object> merged = new LinkedHashMap<>();
        for (Object key : keys) {
            Object value = merge(append(path, String.valueOf(key)), base.get(key), ours.get(key), theirs.get(key),
                    conflicts);
            if (value != null) {
                merged.put(String.valueOf(key), value);
            }
        }
        return merged;
    }

    /** Items in their order, then the items only ours adds, in ours' order. */
    private static List<Object> mergeNamedLists(List<String> path, Map<String, Object> base, Map<String, Object> ours,
                                                Map<String, Object> theirs, List<MergeConflict> conflicts) {
        Set<String> names = new LinkedHashSet<>(theirs.keySet());
        names.addAll(ours.keySet());
        String list = path.isEmpty() ? "" : path.get(path.size() - 1);
        List<String> parent = path.isEmpty() ? path : path.subList(0, path.size() - 1);
        List<Object> merged = new ArrayList<>();
        for (String name : names) {
            Object item = merge(append(parent, MergeConflict.item(list, name)), base.get(name), ours.get(name),
                    theirs.get(name), conflicts);
            if (item != null) {
                merged.add(item);
            }
        }
        return merged;
    }

    private static boolean isNamedList(Object value) {
        // Duplicate names (Kubernetes tolerates them in env) leave no item to pair with: then the list is one value.
        return value instanceof List<?> list
                && list.stream().allMatch(i -> i instanceof Map<?, ?> m && m.get(NAME) instanceof String)
                && list.stream().map(i -> ((Map<?, ?>) i).get(NAME)).distinct().count() == list.size();
    }

    private static Map<String, Object> byName(Object list) {
        Map<String, Object> items = new LinkedHashMap<>();
        if (list != null) {
            for (Object item : (List<?>) list) {
                items.put((String) ((Map<?, ?>) item).get(NAME), item);
            }
        }
        return items;
    }

    private static List<String> append(List<String> path, String step) {
        List<String> longer = new ArrayList<>(path);
        longer.add(step);
        return List.copyOf(longer);
    }
}
