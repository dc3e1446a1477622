package io.cassmon.agent.it;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Cassandra release number and what differs, for starting it on Java 17, between its release lines. */
record CassandraVersion(String value, int major, int minor) {

    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)(\\.\\d+)?(-.*)?");

    static CassandraVersion parse(String value) {
        Matcher m = VERSION.matcher(value.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("Not a Cassandra version: '" + value + "'");
        }
        CassandraVersion v = new CassandraVersion(value.trim(),
                Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        if (v.major < 4) {
            throw new IllegalArgumentException("Cassandra " + value
                    + " needs Java 8; the harness starts 4.0 and later on Java 17");
        }
        return v;
    }

    /** 4.0 only knows the old {@code *_in_ms}/{@code *_in_mb} yaml names; 4.1 introduced the unit-suffixed ones. */
    boolean legacyConfigNames() {
        return major == 4 && minor == 0;
    }

    /** 4.x does not support Java 17 officially and needs more packages opened than 5.0's jvm17-server.options. */
    boolean needsExtraOpens() {
        return major == 4;
    }

    @Override
    public String toString() {
        return value;
    }
}
