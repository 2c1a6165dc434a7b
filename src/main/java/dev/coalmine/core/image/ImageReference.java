package dev.coalmine.core.image;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks an image reference against the grammar the container runtimes use
 * ({@code [host[:port]/]path[:tag][@algorithm:hex]}), so a typo is caught in the wizard rather than as
 * ErrImagePull minutes later.
 */
public final class ImageReference {
    private static final String COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
    private static final String HOST = "(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?"
            + "(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?)";
    private static final Pattern REFERENCE = Pattern.compile("^(?:" + HOST + "/)?" + COMPONENT + "(?:/" + COMPONENT
            + ")*(?::[\\w][\\w.-]{0,127})?(?:@[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-fA-F0-9]{32,})?$");

    private static final int SHORT_DIGEST = 12;

    private ImageReference() {
    }

    /** Empty when valid, else what is wrong in words. */
    public static Optional<String> problem(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of("Enter an image reference, e.g. registry.example.com/shop/web:1.4.0");
        }
        String image = text.strip();
        if (!image.equals(text)) {
            return Optional.of("Remove the spaces around the image reference");
        }
        if (image.chars().anyMatch(Character::isWhitespace)) {
            return Optional.of("An image reference cannot contain spaces");
        }
        if (image.length() > 255 + 128 + 80) {
            return Optional.of("The image reference is too long");
        }
        if (!REFERENCE.matcher(image).matches()) {
            String path = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
            int slash = path.lastIndexOf('/');
            String name = slash < 0 ? path : path.substring(slash + 1);
            name = name.contains(":") ? name.substring(0, name.indexOf(':')) : name;
            if (!name.equals(name.toLowerCase(Locale.ROOT))) {
                return Optional.of("Repository names must be lower case");
            }
            return Optional.of("Not a valid image reference: use [registry/]repository[:tag][@sha256:digest]");
        }
        return Optional.empty();
    }

    /** The tag (or digest) of a valid reference, or "latest" when it names neither. */
    public static String versionOf(String image) {
        int at = image.indexOf('@');
        if (at >= 0) {
            return image.substring(at + 1);
        }
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        return colon > slash ? image.substring(colon + 1) : "latest";
    }

    /** The reference without its tag and digest: what two versions of one image share. */
    public static String repositoryOf(String image) {
        int at = image.indexOf('@');
        String path = at >= 0 ? image.substring(0, at) : image;
        int colon = path.lastIndexOf(':');
        return colon > path.lastIndexOf('/') ? path.substring(0, colon) : path;
    }

    /**
     * The last part of the repository with the tag (or the digest's first 12 hex digits, as {@code docker images}
     * shortens IDs): what tells two versions apart where the whole reference does not fit, e.g. "frontend:1.4.0".
     */
    public static String shortName(String image) {
        int at = image.indexOf('@');
        String path = at >= 0 ? image.substring(0, at) : image;
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (at < 0 || name.contains(":")) {
            return name;
        }
        String digest = image.substring(at + 1);
        return name + "@" + digest.substring(0, Math.min(digest.length(), digest.indexOf(':') + 1 + SHORT_DIGEST));
    }
}
