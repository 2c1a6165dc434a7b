package dev.coalmine.core.release;

import dev.coalmine.core.CoalmineException;
import dev.coalmine.core.image.ImageReference;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The {@code --image [CONTAINER=]IMAGE} arguments of one release, checked before anything is written. */
public final class ImageChanges {
    private ImageChanges() {
    }

    /**
     * Parses each argument; refuses an image the container runtimes would not pull (the wizard's grammar) and a
     * container given twice, since only one of its images could win.
     */
    public static List<ImageChange> parse(List<String> arguments) {
        List<ImageChange> changes = arguments.stream().map(ImageChanges::parseOne).toList();
        Map<String, ImageChange> byContainer = new HashMap<>();
        for (ImageChange change : changes) {
            String container = change.container() == null ? "" : change.container();
            ImageChange earlier = byContainer.putIfAbsent(container, change);
            if (earlier != null) {
                throw new CoalmineException("--image " + earlier + " and --image " + change + " both set "
                        + (container.isEmpty() ? "the only container" : "container " + container)
                        + ": give one image per container");
            }
        }
        return changes;
    }

    private static ImageChange parseOne(String argument) {
        ImageChange change = ImageChange.parse(argument);
        ImageReference.problem(change.image()).ifPresent(problem -> {
            throw new CoalmineException("--image " + argument + ": " + problem);
        });
        return change;
    }
}
