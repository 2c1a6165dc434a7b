package dev.coalmine.demo.server;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/** The names a request may give the demo API server: 127.0.0.1, localhost and [::1], with any port. */
final class LoopbackNames {
    private static final Set<String> NAMES = Set.of("127.0.0.1", "localhost", "[::1]");
    private static final Set<String> WEB_SCHEMES = Set.of("http", "https");

    private LoopbackNames() {
    }

    /** Whether a Host header value ({@code name} or {@code name:port}) names the loopback interface. */
    static boolean isLoopbackHost(String host) {
        if (host == null) {
            return false;
        }
        String value = host.strip().toLowerCase(Locale.ROOT);
        int nameEnd = value.startsWith("[") ? value.indexOf(']') + 1 : portSeparator(value);
        if (nameEnd <= 0) {
            return false;
        }
        String port = value.substring(nameEnd);
        return NAMES.contains(value.substring(0, nameEnd)) && (port.isEmpty() || port.matches(":\\d{1,5}"));
    }

    /** Whether an Origin header value is a web page served from the loopback interface. */
    static boolean isLoopbackOrigin(String origin) {
        try {
            URI uri = new URI(origin.strip());
            return uri.getScheme() != null && WEB_SCHEMES.contains(uri.getScheme().toLowerCase(Locale.ROOT))
                    && uri.getRawUserInfo() == null && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
                    && uri.getHost() != null && isLoopbackHost(uri.getRawAuthority());
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static int portSeparator(String value) {
        int colon = value.indexOf(':');
        return colon < 0 ? value.length() : colon;
    }
}
