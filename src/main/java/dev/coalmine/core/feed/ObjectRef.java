package dev.coalmine.core.feed;

/** The object an Event is about, as kubectl shows it: {@code Pod/x-canary-7d9f8c6b5-abc12}. */
public record ObjectRef(String kind, String name) {
    public ObjectRef {
        kind = Interned.of(kind);
    }

    @Override
    public String toString() {
        return kind + "/" + name;
    }
}
