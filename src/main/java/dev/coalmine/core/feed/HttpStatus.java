package dev.coalmine.core.feed;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The HTTP status code an access-log line reports, in the common/combined log format or as {@code status=NNN}. */
public final class HttpStatus {
    private static final Pattern COMMON_LOG = Pattern.compile("\"[A-Z]+ \\S+ HTTP/[0-9.]+\" ([1-5][0-9][0-9]) ");
    private static final Pattern KEY_VALUE = Pattern.compile("\"?status\"?\\s*[=:]\\s*\"?([1-5][0-9][0-9])\\b");

    private HttpStatus() {
    }

    public static OptionalInt of(String line) {
        if (line == null) {
            return OptionalInt.empty();
        }
        Matcher common = COMMON_LOG.matcher(line);
        if (common.find()) {
            return OptionalInt.of(Integer.parseInt(common.group(1)));
        }
        Matcher keyValue = KEY_VALUE.matcher(line);
        return keyValue.find() ? OptionalInt.of(Integer.parseInt(keyValue.group(1))) : OptionalInt.empty();
    }

    public static boolean isServerError(int status) {
        return status >= 500 && status <= 599;
    }
}
