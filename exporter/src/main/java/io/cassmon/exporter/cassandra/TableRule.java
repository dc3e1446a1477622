package io.cassmon.exporter.cassandra;

import java.util.regex.Pattern;

/** {@code keyspace.table} globs and the detail level of the tables they match. */
public final class TableRule {
    private final String match;
    private final Pattern keyspace;
    private final Pattern table;
    private final Detail detail;

    /** Cassandra's keyspace and table names are letters, digits and _; anything else (a regex) could never match. */
    private static final Pattern NAME_GLOB = Pattern.compile("[A-Za-z0-9_*?]+");

    public TableRule(String match, Detail detail) {
        int dot = match.indexOf('.');
        if (dot < 0 || !NAME_GLOB.matcher(match.substring(0, dot)).matches()
                || !NAME_GLOB.matcher(match.substring(dot + 1)).matches()) {
            throw new IllegalArgumentException("expected keyspace.table, each a glob of letters, digits, _, * and ?"
                    + " (e.g. \"shop.*\"), got \"" + match + "\"");
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
