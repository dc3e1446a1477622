package io.cassmon.exporter.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** One node for Prometheus service discovery: its {@code host:port} and the labels Prometheus should attach. */
public final class ScrapeTarget {
    private final String address;
    private final Map<String, String> labels;

    public ScrapeTarget(String address, Map<String, String> labels) {
        this.address = address;
        this.labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    }

    public String address() {
        return address;
    }

    public Map<String, String> labels() {
        return labels;
    }
}
