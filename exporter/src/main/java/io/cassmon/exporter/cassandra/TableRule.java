package io.cassmon.exporter.cassandra;

import java.util.regex.Pattern;

/** {@code keyspace.table} globs and the detail level of the tables they match. */
public final class TableRule {
    private final String match;
    private final Pattern keyspace;
    private final Pattern table;
    private final Detail detail;

    public TableRule(String match, Detail detail) {
        int dot = match.indexOf('.');
        if (dot <= 0 || dot == match.length() - 1 || match.indexOf('.', dot + 1) >= 0) {
            throw new IllegalArgumentException("expected keyspace.table (globs allowed, e.g. \"ks.*\"), got \"" + match + "\"");
        }
        this.match = match;
        this.keyspace = Glob.compile(match.substring(0, dot));
        this.table = Glob.compile(match.substring(dot + 1));
        this.detail = detail;
    }

    public boolean matches(String keyspaceName, String tableName) {
        return keyspace.matcher(keyspaceName).matches() && table.matcher(tableName).matches();
    }

    public Detail detail() {
        return detail;
    }

    @Override
    public String toString() {
        return match + ": " + detail.configName();
    }
}
