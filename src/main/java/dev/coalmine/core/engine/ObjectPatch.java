package dev.coalmine.core.engine;

/**
 * One JSON merge patch an action sends to an object, to its main resource or its status subresource.
 *
 * @param body the merge patch, JSON text
 */
public record ObjectPatch(Target target, String body) {
    /** Where the patch goes: {@code PATCH …/NAME} or {@code PATCH …/NAME/status}. */
    public enum Target {
        SPEC, STATUS
    }

    public static ObjectPatch spec(String body) {
        return new ObjectPatch(Target.SPEC, body);
    }

    public static ObjectPatch status(String body) {
        return new ObjectPatch(Target.STATUS, body);
    }

    /** {@code PATCH rollouts/NAME/status (merge patch) {"status":…}}. */
    public String describe(String resource, String name) {
        return "PATCH " + resource + "/" + name + (target == Target.STATUS ? "/status" : "") + "  " + body;
    }
}
