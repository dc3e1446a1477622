package io.cassmon.exporter.http;

import io.cassmon.exporter.auth.BasicAuthUsers;
import io.cassmon.exporter.tls.TlsSettings;

/** TLS and basic authentication of the endpoint; either may be absent (null). */
public final class HttpSecurity {
    private static final HttpSecurity NONE = new HttpSecurity(null, null);

    private final TlsSettings tls;
    private final BasicAuthUsers users;

    public HttpSecurity(TlsSettings tls, BasicAuthUsers users) {
        this.tls = tls;
        this.users = users;
    }

    /** Plain HTTP, no authentication. */
    public static HttpSecurity none() {
        return NONE;
    }

    /** Null for plain HTTP. */
    public TlsSettings tls() {
        return tls;
    }

    /** Null when no authentication is asked for. */
    public BasicAuthUsers users() {
        return users;
    }

    /** {@code http} or {@code https}. */
    public String scheme() {
        return tls == null ? "http" : "https";
    }

    @Override
    public String toString() {
        String transport = tls == null ? "plain HTTP" : tls.toString();
        return users == null ? transport : transport + ", " + users;
    }
}
