package dev.coalmine.core.engine;

/** One status condition of an Argo Rollout or a Flagger Canary, as {@code kubectl describe} lists it. */
public record Condition(String type, String status, String reason, String message) {
    public String describe() {
        return type + "=" + status + (reason == null || reason.isEmpty() ? "" : " (" + reason + ")")
                + (message == null || message.isEmpty() ? "" : ": " + message);
    }
}
