package io.cassmon.exporter.cassandra;

import java.util.regex.Pattern;

/** Shell-style globs: {@code *} any run of characters, {@code ?} one character; everything else literal. */
public final class Glob {
    private Glob() {
    }

    public static Pattern compile(String glob) {
        StringBuilder regex = new StringBuilder();
        for (String literal : glob.split("((?<=[*?])|(?=[*?]))")) {
            if ("*".equals(literal)) {
                regex.append(".*");
            } else if ("?".equals(literal)) {
                regex.append('.');
            } else if (!literal.isEmpty()) {
                regex.append(Pattern.quote(literal));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
