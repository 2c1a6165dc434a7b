package dev.coalmine.core.feed;

/** Where a feed puts what it observes. Implementations must return at once: feeds call them on watch threads. */
@FunctionalInterface
public interface FeedSink<T> {
    void accept(T item);
}
