package dev.coalmine.core.feed;

import java.util.List;

/**
 * Items handed out together, oldest first, and how many items were dropped (oldest first) since the
 * previous batch because the buffer was full.
 */
public record Batch<T>(List<T> items, long dropped) {
    public Batch {
        items = List.copyOf(items);
    }

    public boolean isEmpty() {
        return items.isEmpty() && dropped == 0;
    }
}
