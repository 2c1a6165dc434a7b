package dev.coalmine.cli.canary;

/** What {@code -o} asks for: text for people, or the same content as JSON or as YAML for scripts. */
enum OutputFormat {
    text, json, yaml;

    /** The help of an {@code -o} option, naming the default. */
    static final String HELP = "text, json or yaml (default: ${DEFAULT-VALUE}).";

    boolean structured() {
        return this != text;
    }
}
