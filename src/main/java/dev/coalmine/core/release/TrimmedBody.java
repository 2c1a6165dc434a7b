package dev.coalmine.core.release;

import java.util.List;

/**
 * Where a finished release's bulky body (its manifest text and cluster snapshot) went when the history had to
 * shrink to fit its ConfigMap.
 *
 * @param keptIn the ConfigMap that keeps the body, or null when it was not kept
 * @param images the images the release set ({@code container=image}), so the record still names them
 */
public record TrimmedBody(String keptIn, List<String> images) {

    public TrimmedBody {
        images = images == null ? List.of() : List.copyOf(images);
    }

    /** For people: where the plan went. */
    public String describe() {
        return keptIn == null ? "plan not kept" : "plan moved to ConfigMap " + keptIn;
    }
}
