package dev.coalmine.benchkubectl;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The client version {@code kubectl version --client} prints, e.g. {@code v1.32.5}; the Google Cloud SDK's dispatcher
 * prints {@code v1.32.4-dispatcher}.
 */
public record ClientVersion(String text, int major, int minor) {
    // "Client Version: v1.32.5" and, before 1.28, "Client Version: version.Info{…GitVersion:"v1.27.16"…}"
    private static final Pattern CLIENT = Pattern.compile("Client Version: [^\\n]*?(v(\\d+)\\.(\\d+)\\.\\d+[^\\s\",}]*)");
    private static final String DISPATCHER_SUFFIX = "-dispatcher";

    public static ClientVersion parse(String versionOutput) {
        Matcher matcher = CLIENT.matcher(versionOutput);
        if (!matcher.find()) {
            throw new IllegalArgumentException("no client version in: " + versionOutput);
        }
        return new ClientVersion(matcher.group(1), Integer.parseInt(matcher.group(2)), Integer.parseInt(matcher.group(3)));
    }

    /** Whether this kubectl only dispatches each call to a versioned kubectl (sending a GET /version first). */
    public boolean isDispatcher() {
        return text.endsWith(DISPATCHER_SUFFIX);
    }
}
