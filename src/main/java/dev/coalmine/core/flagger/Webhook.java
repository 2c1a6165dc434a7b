package dev.coalmine.core.flagger;

/** One of a Canary's {@code analysis.webhooks}: confirm-rollout, confirm-promotion, rollback, pre-rollout, … */
public record Webhook(String type, String name, String url) {
    public static final String CONFIRM_ROLLOUT = "confirm-rollout";
    public static final String CONFIRM_PROMOTION = "confirm-promotion";
    public static final String CONFIRM_TRAFFIC_INCREASE = "confirm-traffic-increase";
    public static final String ROLLBACK = "rollback";
}
