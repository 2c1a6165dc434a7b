package dev.coalmine.ui.wizard;

import java.util.List;

/**
 * The review step's content.
 *
 * @param yaml           every object the release will create or change, as one multi-document YAML
 * @param notes          what the stable's shape means for the release (its autoscaler, the Recreate strategy…)
 * @param dryRunProblems what the server-side dry run rejected (empty when all passed)
 * @param rbacProblems   the permissions the operator lacks (empty when all are granted)
 */
public record ReviewContent(String yaml, List<String> notes, List<String> dryRunProblems, List<String> rbacProblems) {
    public ReviewContent {
        notes = List.copyOf(notes);
        dryRunProblems = List.copyOf(dryRunProblems);
        rbacProblems = List.copyOf(rbacProblems);
    }

    public boolean startable() {
        return dryRunProblems.isEmpty() && rbacProblems.isEmpty();
    }
}
