package dev.coalmine.core.feed;

/** The JVM's canonical copy of short strings that repeat across many feed items (kinds, reasons, sources). */
final class Interned {
    private Interned() {
    }

    static String of(String s) {
        return s == null ? null : s.intern();
    }
}
