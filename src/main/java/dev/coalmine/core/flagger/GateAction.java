package dev.coalmine.core.flagger;

/**
 * One call of the Flagger load tester's gate API (pkg/loadtester/server.go): {@code POST /gate/open} with the
 * Canary's name and namespace, as the Flagger docs show with curl.
 *
 * @param effect what the call changes, in words, for the confirmation
 */
public record GateAction(Kind kind, LoadTesterService service, String canaryNamespace, String canaryName,
        String effect) {
    /** The four calls and the paths they post to. */
    public enum Kind {
        OPEN_GATE("Open gate", "/gate/open"),
        CLOSE_GATE("Close gate", "/gate/close"),
        OPEN_ROLLBACK("Roll back", "/rollback/open"),
        CLOSE_ROLLBACK("Close rollback", "/rollback/close");

        private final String label;
        private final String path;

        Kind(String label, String path) {
            this.label = label;
            this.path = path;
        }

        public String label() {
            return label;
        }

        public String path() {
            return path;
        }
    }

    /** The payload the gate reads (CanaryWebhookPayload's name and namespace). */
    public String body() {
        return "{\"name\":\"" + canaryName + "\",\"namespace\":\"" + canaryNamespace + "\"}";
    }

    /** What the confirmation shows: the request, then its effect. */
    public String preview() {
        return "POST " + kind.path() + " on the load tester " + service + "  " + body() + "\n" + effect;
    }
}
