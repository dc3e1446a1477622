package io.cassmon.exporter.tls;

import java.util.Locale;

/** Whether the endpoint asks scrapers for a client certificate ({@code http.tls.client_auth}). */
public enum ClientAuth {
    /** No client certificate is asked for. */
    NONE,
    /** A client certificate is asked for; one that is presented must be valid, none is also accepted. */
    OPTIONAL,
    /** Every connection must present a client certificate signed by a trusted CA. */
    REQUIRE;

    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
