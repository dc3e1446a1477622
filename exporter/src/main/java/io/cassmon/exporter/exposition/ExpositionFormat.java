package io.cassmon.exporter.exposition;

import io.prometheus.client.exporter.common.TextFormat;

/** The two text formats Prometheus negotiates, chosen from {@code Accept} exactly as simpleclient chooses. */
public enum ExpositionFormat {
    TEXT_004(TextFormat.CONTENT_TYPE_004),
    OPENMETRICS(TextFormat.CONTENT_TYPE_OPENMETRICS_100);

    private final String contentType;

    ExpositionFormat(String contentType) {
        this.contentType = contentType;
    }

    public static ExpositionFormat forAccept(String acceptHeader) {
        return TextFormat.chooseContentType(acceptHeader).equals(OPENMETRICS.contentType) ? OPENMETRICS : TEXT_004;
    }

    public String contentType() {
        return contentType;
    }
}
