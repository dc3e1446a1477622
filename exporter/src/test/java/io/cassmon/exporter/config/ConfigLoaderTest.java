package io.cassmon.exporter.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Accepted configuration files; every refused one is a row of {@link BadConfigMatrixTest}. */
class ConfigLoaderTest {
    @Test
    void emptyDocumentMeansDefaults() throws Exception {
        ExporterConfig config = ConfigLoader.parse("cassmon.yml", "");
        assertEquals("0.0.0.0", config.host());
        assertEquals(7095, config.port());
    }

    @Test
    void readsListenAddress() throws Exception {
        ExporterConfig config = ConfigLoader.parse("cassmon.yml", "http:\n  host: 127.0.0.1\n  port: 9999\n");
        assertEquals("127.0.0.1", config.host());
        assertEquals(9999, config.port());
    }

    @Test
    void acceptsIpv6HostsAndAByteOrderMark() throws Exception {
        assertEquals("::1", ConfigLoader.parse("cassmon.yml", "http: {host: '::1'}").host());
        assertEquals("[::1]", ConfigLoader.parse("cassmon.yml", "http: {host: '[::1]'}").host());
        assertEquals(9100, ConfigLoader.parse("cassmon.yml", "\uFEFFhttp: {port: 9100}").port());
    }

    @Test
    void emptySectionsAndNullValuesMeanDefaults() throws Exception {
        ExporterConfig config = ConfigLoader.parse("cassmon.yml", "http:\nmetrics:\n  detail: ~\n  buckets:\n");
        assertEquals(7095, config.port());
    }

    @Test
    void unchangedHistogramsAreReusedUnlessTurnedOff() throws Exception {
        assertTrue(ConfigLoader.parse("cassmon.yml", "").metrics().reuseUnchangedSeries());
        assertFalse(ConfigLoader.parse("cassmon.yml", "metrics: {reuse_unchanged_series: false}").metrics()
                .reuseUnchangedSeries());
    }
}
