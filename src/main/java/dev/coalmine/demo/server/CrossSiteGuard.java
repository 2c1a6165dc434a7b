package dev.coalmine.demo.server;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Refuses what a web page could make a browser send to the demo API server on 127.0.0.1: a Host that is not a
 * loopback name (DNS rebinding), an Origin that is not a loopback page, and a state-changing request whose body
 * a page may send cross-site without a CORS preflight (text/plain, a form, or no Content-Type at all). kubectl and
 * fabric8 send JSON, YAML or patch types and no Origin, so they pass.
 */
final class CrossSiteGuard {
    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Set<String> SIMPLE_CONTENT_TYPES = Set.of("text/plain", "application/x-www-form-urlencoded",
            "multipart/form-data");

    private CrossSiteGuard() {
    }

    /** Why the request is refused, if it is; {@code header} looks a request header up by name (null if absent). */
    static Optional<String> refusal(String method, Function<String, String> header) {
        String host = header.apply("Host");
        if (!LoopbackNames.isLoopbackHost(host)) {
            return Optional.of("the demo API server answers only to 127.0.0.1, localhost or [::1], not to Host "
                    + (host == null ? "(none)" : "\"" + host + "\""));
        }
        String origin = header.apply("Origin");
        if (origin != null && !LoopbackNames.isLoopbackOrigin(origin)) {
            return Optional.of("the demo API server refuses cross-site requests (Origin \"" + origin + "\")");
        }
        if (STATE_CHANGING.contains(method) && sendsPreflightFreeBody(header)) {
            return Optional.of("a " + method + " needs a Content-Type such as application/json, not "
                    + Optional.ofNullable(header.apply("Content-Type")).map(t -> "\"" + t + "\"").orElse("none"));
        }
        return Optional.empty();
    }

    private static boolean sendsPreflightFreeBody(Function<String, String> header) {
        String contentType = header.apply("Content-Type");
        if (contentType == null) {
            return hasBody(header);
        }
        String mediaType = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return SIMPLE_CONTENT_TYPES.contains(mediaType);
    }

    private static boolean hasBody(Function<String, String> header) {
        String length = header.apply("Content-Length");
        return header.apply("Transfer-Encoding") != null || (length != null && !length.strip().equals("0"));
    }
}
